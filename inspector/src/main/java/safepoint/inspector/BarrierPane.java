package safepoint.inspector;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.event.Events;
import safepoint.vm.event.What;
import safepoint.vm.observe.BarrierView;
import safepoint.vm.observe.HeapView;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ProcessorView;
import safepoint.vm.observe.ThreadView;

/** The GC barrier (arrived / expected, and why each missing processor is not there), the heap, the pauses. */
final class BarrierPane {
    private BarrierPane() {}

    /**
     * {@code live}: the last look taken while the run went on, when the latest look is between
     * runs (or null). A barrier the run ended in (a proof ended it: it would never complete) then
     * shows, instead of the processors idle now, the processors it waited for as that look saw
     * them, the one spinning without polls by name; or, when no look came while the barrier
     * waited (a spin deadlock is proved at once, and the processors' host stop waits for the
     * barrier), as their last events show them: the spin on the lock and who held it.
     */
    static Rows rows(EventLog log, Index ix, Index live) {
        List<String> lines = new ArrayList<>();
        BarrierView b = ix.view.barrier();
        if (b.pending()) {
            missing(lines, ix);
            if (ix.view.mode() == MachineView.Mode.IDLE && lines.stream().noneMatch(l -> l.contains(" not there: "))) {
                List<String> then = new ArrayList<>();
                if (live != null && live.view.barrier().pending()) missing(then, live);
                String seen = "its last look";
                if (then.stream().noneMatch(l -> l.contains(" not there: "))) {
                    then = lastSpins(log, ix);
                    seen = "their last events";
                }
                if (then.stream().anyMatch(l -> l.contains(" not there: "))) {
                    lines.subList(1, lines.size()).clear(); // idle now, because the run is over: say what they did then
                    lines.add("  the run has ended; as " + seen + " saw them:");
                    lines.addAll(then.subList(1, then.size()));
                }
            }
        } else {
            lines.add("no GC pending");
        }
        HeapView h = ix.view.heap();
        long used = h.liveAfterGcWords() + h.allocatedSinceGcWords();
        lines.add("heap " + Text.count(used) + " of " + Text.count(h.capacityWords()) + " words"
                + (h.capacityWords() > 0 ? " (" + used * 100 / h.capacityWords() + "%)" : "") + ", live after GC " + Text.count(h.liveAfterGcWords())
                + ", allocated since " + Text.count(h.allocatedSinceGcWords()));
        lines.add("collections " + h.collections() + ", last pause " + Text.nanos(h.collections() == 0 ? -1 : h.lastPauseNanos()) + ", total "
                + Text.nanos(h.totalPauseNanos()));
        if (!log.pauses.isEmpty()) lines.add("pauses " + String.join(" ", log.pauses.stream().map(Text::nanos).toList()));
        StringBuilder tts = new StringBuilder("time to safepoint");
        for (ProcessorView p : ix.view.processors()) tts.append("  P").append(p.id()).append(' ').append(Text.nanos(p.lastTimeToSafepointNanos()));
        lines.add(tts.toString());
        return Rows.of("", lines);
    }

    /** The pending barrier of {@code ix}'s look: who asked, who arrived, and a line for each processor not there. */
    private static void missing(List<String> lines, Index ix) {
        BarrierView b = ix.view.barrier();
        lines.add("GC pending, asked by " + (b.requester() == null ? "?" : ix.where(b.requester())) + ": arrived " + b.arrived().size()
                + " / " + ix.view.processors().size()
                + (b.arrived().isEmpty() ? "" : " (" + String.join(" ", b.arrived().stream().map(i -> "P" + i).toList()) + ")"));
        for (ProcessorView p : ix.view.processors()) {
            if (b.arrived().contains(p.id())) continue;
            if (p.state() == ProcessorView.State.IDLE || p.state() == ProcessorView.State.AT_SAFEPOINT) {
                lines.add("  P" + p.id() + " " + why(p, ix));
            } else {
                lines.add("  P" + p.id() + " not there: " + why(p, ix));
            }
        }
    }

    /** A header line, then for each processor that never arrived and whose last event was a spin, what it spun on. */
    private static List<String> lastSpins(EventLog log, Index ix) {
        List<String> out = new ArrayList<>();
        out.add("");
        for (ProcessorView p : ix.view.processors()) {
            if (ix.view.barrier().arrived().contains(p.id())) continue;
            Events.Event last = null;
            for (java.util.Iterator<Events.Event> i = log.tail.descendingIterator(); i.hasNext() && last == null;) {
                Events.Event e = i.next();
                if (e.processor() == p.id()) last = e;
            }
            if (last != null && last.what() instanceof What.Spin sp) {
                out.add("  P" + p.id() + " not there: " + EventLog.name(sp.by()) + " spins on " + EventLog.name(sp.spinlock()));
                out.add("    held by " + EventLog.name(sp.holder()));
            }
        }
        return out;
    }

    /** Why processor {@code p} has not reached the barrier. */
    static String why(ProcessorView p, Index ix) {
        ThreadView t = ix.thread(p.running());
        ThreadView holder = t == null || t.spinningOn() == null ? null : ix.holder(t.spinningOn());
        String spin = t != null && t.spinningOn() != null ? t.spinningOn().name() + " held by "
                + (holder == null ? "nobody" : ix.whereShort(holder.thread())) : null;
        return switch (p.state()) {
            case NO_POLL -> spin != null ? "spinning without polls on " + spin : "running " + p.running() + " in code without polls";
            case RUNNING -> (spin != null ? "spinning on " + spin : "running " + p.running()) + ", stops at its next poll";
            case IDLE -> "idle (counts as there)";
            case AT_SAFEPOINT -> "at the safepoint";
        };
    }
}
