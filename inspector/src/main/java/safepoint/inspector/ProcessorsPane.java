package safepoint.inspector;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.observe.ProcessorView;
import safepoint.vm.observe.ThreadView;

/** One row per processor: what it does, its thread, its counters and its last time to safepoint. */
final class ProcessorsPane {
    private ProcessorsPane() {}

    static String state(ProcessorView p, Index ix) {
        ThreadView t = ix.thread(p.running());
        boolean spins = t != null && t.spinningOn() != null;
        return switch (p.state()) {
            case RUNNING -> spins ? "spinning" : "running";
            case NO_POLL -> spins ? "spin, no poll" : "no poll";
            case AT_SAFEPOINT -> ix.view.barrier().pending() ? "at safepoint" : "in GC";
            case IDLE -> "idle";
        };
    }

    static Rows rows(Looks looks, Index ix, int width) {
        int thread = Math.max(16, width - 62); // the other columns take 62: 80 columns leave the thread 18
        String header = "P   " + Text.fit("STATE", 14) + Text.fit("THREAD", thread) + Text.right("Q", 4) + Text.right("POLLS", 8)
                + Text.right("POLLS/S", 8) + Text.right("SWITCH", 8) + Text.right("SPINS", 8) + Text.right("TTS", 8);
        List<String> lines = new ArrayList<>();
        for (ProcessorView p : ix.view.processors()) {
            ThreadView t = ix.thread(p.running());
            String th = p.running() == null ? "" : Index.bare(p.running().name()) + (t != null && t.spinningOn() != null ? " on " + t.spinningOn().name() : "");
            long pps = looks.pollsPerSecond(p.id());
            lines.add(Text.fit("P" + p.id(), 4) + Text.fit(state(p, ix), 14) + Text.fit(th, thread) + Text.right(Integer.toString(p.queued()), 4)
                    + Text.right(Text.count(p.polls()), 8) + Text.right(pps < 0 ? "-" : Text.count(pps), 8)
                    + Text.right(Text.count(p.switches()), 8) + Text.right(Text.count(p.spins()), 8)
                    + Text.right(Text.nanos(p.lastTimeToSafepointNanos()), 8));
        }
        return Rows.of(header, lines);
    }
}
