package safepoint.inspector;

import java.util.HashMap;
import java.util.Map;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ProcessorView;
import safepoint.vm.observe.ThreadView;

/**
 * The latest look and what follows from comparing it with the one before: each processor's polls
 * per second of the machine's clock, and for each running thread how many looks in a row its poll
 * count stood still (only running threads are tracked, so 100,000 parked ones cost nothing here).
 */
final class Looks {
    private MachineView now;
    private MachineView before;
    private Map<Long, long[]> still = new HashMap<>(); // thread id -> {polls, looks unchanged}
    /** What the feed says about itself (a slow or closed connection), shown in the status line; null for none. */
    String notice;

    /** The latest look taken while a run went on (not between runs), and its index, made when first asked for. */
    private MachineView lastLive;
    private Index lastLiveIndex;

    void add(MachineView v) {
        before = now;
        now = v;
        if (v.mode() != MachineView.Mode.IDLE) {
            lastLive = v;
            lastLiveIndex = null;
        }
        Map<Long, long[]> next = new HashMap<>();
        for (ProcessorView p : v.processors()) {
            if (p.running() == null) continue;
            ThreadView t = v.thread(p.running().id());
            if (t == null) continue;
            long[] old = still.get(t.thread().id());
            long polls = t.progress().polls();
            next.put(t.thread().id(), new long[] {polls, old != null && old[0] == polls ? old[1] + 1 : 0});
        }
        still = next;
    }

    MachineView now() {
        return now;
    }

    /**
     * The index of the last look taken while a run went on, when the latest is between runs (the
     * run ended: a watchdog's proof leaves every processor idle), else null: what the processors
     * were doing just before.
     */
    Index lastLive() {
        if (lastLive == null || now == null || now.mode() != MachineView.Mode.IDLE) return null;
        if (lastLiveIndex == null) lastLiveIndex = new Index(lastLive);
        return lastLiveIndex;
    }

    /** Polls per second of processor {@code i} between the last two looks, or -1 when unknown. */
    long pollsPerSecond(int i) {
        if (before == null || i >= before.processors().size() || i >= now.processors().size()) return -1;
        long dt = now.clockNanos() - before.clockNanos();
        if (dt <= 0) return -1;
        long dp = now.processors().get(i).polls() - before.processors().get(i).polls();
        return (long) (dp * 1e9 / dt);
    }

    /** How many looks in a row the running thread {@code id} has not polled (0: it polled, or is not running). */
    long stillFor(long id) {
        long[] s = still.get(id);
        return s == null ? 0 : s[1];
    }

    Map<Long, long[]> still() {
        return still;
    }
}
