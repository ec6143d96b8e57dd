package safepoint.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import safepoint.vm.event.Events;
import safepoint.vm.event.What;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.run.Stepper;
import safepoint.vm.search.Paused;

/**
 * What one move of the paused world did, in a line: {@code step 4: P1 #<thread spinner> 1 point:
 * spin #<spinlock L> held by #<thread main>; now in (grab) at "x.ss"@13.3}. A run of several
 * slices says how many points each thread ran and lists what happened, at most {@link #SHOWN}
 * events.
 */
final class StepText {
    private StepText() {}

    static final int SHOWN = 12;

    static String of(Paused.Stepped s, MachineView now) {
        List<String> happened = new ArrayList<>();
        for (Events.Event e : s.events()) if (notable(e.what())) happened.add(EventText.brief(e.what()));
        StringBuilder sb = new StringBuilder();
        if (s.slices().size() == 1) {
            Stepper.Ran r = s.slices().get(0);
            sb.append("step ").append(s.to()).append(": P").append(r.processor()).append(' ').append(r.thread()).append(' ')
                    .append(r.points()).append(r.points() == 1 ? " point" : " points");
            if (!happened.isEmpty()) sb.append(": ").append(String.join("; ", happened.subList(0, Math.min(3, happened.size()))));
            if (happened.size() > 3) sb.append("; and ").append(happened.size() - 3).append(" more (,events)");
            String at = where(now, r.thread());
            if (at != null) sb.append("; now ").append(at);
            sb.append('\n');
        } else if (!s.slices().isEmpty()) {
            Map<String, Long> points = new LinkedHashMap<>();
            for (Stepper.Ran r : s.slices()) points.merge("P" + r.processor() + " " + r.thread(), r.points(), Long::sum);
            sb.append("steps ").append(s.from() + 1).append(" to ").append(s.to()).append(':');
            String sep = " ";
            for (Map.Entry<String, Long> e : points.entrySet()) {
                sb.append(sep).append(e.getKey()).append(' ').append(e.getValue()).append(e.getValue() == 1 ? " point" : " points");
                sep = ", ";
            }
            sb.append('\n');
            int from = Math.max(0, happened.size() - SHOWN);
            if (from > 0) sb.append("  (").append(from).append(" earlier events: ,events)\n");
            for (String h : happened.subList(from, happened.size())) sb.append("  ").append(h).append('\n');
        }
        if (s.idle()) {
            sb.append("Nothing can run now: every thread waits or has ended (,threads shows them, ,deadlock explains a cycle,"
                    + " ,back steps back, ,resume returns to free run)\n");
        }
        return sb.toString();
    }

    /** Thread switches and the strategy's choices are the step itself: the line says them already. */
    private static boolean notable(What w) {
        return !(w instanceof What.Switch || w instanceof What.SliceChoice || w instanceof What.ThreadChoice);
    }

    /** {@code in (grab) at "x.ss"@13.3}, or how the thread stands when it is not running code. */
    private static String where(MachineView v, String thread) {
        if (v == null) return null;
        for (ThreadView t : v.threads()) {
            if (!t.thread().name().equals(thread)) continue;
            if (t.state() == ThreadView.State.TERMINATED) return "ended";
            if (t.state() == ThreadView.State.WAITING || t.state() == ThreadView.State.SLEEPING) return t.state().name();
            if (t.backtrace().isEmpty()) return null;
            ThreadView.Call c = t.backtrace().get(0);
            return "in " + (c.procedure() == null ? "top level" : "(" + c.procedure() + ")") + (c.source() == null ? "" : " at " + c.source());
        }
        return null;
    }
}
