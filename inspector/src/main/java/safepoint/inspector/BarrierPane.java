package safepoint.inspector;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.observe.BarrierView;
import safepoint.vm.observe.HeapView;
import safepoint.vm.observe.ProcessorView;
import safepoint.vm.observe.ThreadView;

/** The GC barrier (arrived / expected, and why each missing processor is not there), the heap, the pauses. */
final class BarrierPane {
    private BarrierPane() {}

    static Rows rows(EventLog log, Index ix) {
        List<String> lines = new ArrayList<>();
        BarrierView b = ix.view.barrier();
        int expected = ix.view.processors().size();
        if (b.pending()) {
            lines.add("GC pending, asked by " + (b.requester() == null ? "?" : ix.where(b.requester())) + ": arrived " + b.arrived().size()
                    + " / " + expected + (b.arrived().isEmpty() ? "" : " (" + String.join(" ", b.arrived().stream().map(i -> "P" + i).toList()) + ")"));
            for (ProcessorView p : ix.view.processors()) {
                if (b.arrived().contains(p.id())) continue;
                if (p.state() == ProcessorView.State.IDLE || p.state() == ProcessorView.State.AT_SAFEPOINT) {
                    lines.add("  P" + p.id() + " " + why(p, ix));
                } else {
                    lines.add("  P" + p.id() + " not there: " + why(p, ix));
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
