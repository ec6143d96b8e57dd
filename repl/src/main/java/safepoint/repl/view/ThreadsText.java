package safepoint.repl.view;

import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.Ref;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.observe.Wait;

/** {@code ,threads} (Gambit's {@code ,st}): each green thread, its state in Gambit's words, and its backtrace. */
public final class ThreadsText {
    private ThreadsText() {}

    /** Calls shown per thread. */
    static final int CALLS = 8;

    public static String of(MachineView v) {
        StringBuilder sb = new StringBuilder();
        for (ThreadView t : v.threads()) {
            String n = t.thread().name();
            sb.append(n).append(" ".repeat(Math.max(1, 28 - n.length()))).append(state(t));
            if (t.spinningOn() != null) sb.append(", spinning on ").append(t.spinningOn());
            sb.append('\n');
            boolean primordial = t.thread().id() == 1;
            if (!primordial && t.state() != ThreadView.State.TERMINATED) sb.append(backtrace(t, CALLS, "    "));
        }
        return sb.toString();
    }

    /** Gambit's {@code ,st} states: RUNNING P0, WAITING on what, SLEEPING, RUNNABLE, TERMINATED, NEW. */
    public static String state(ThreadView t) {
        return switch (t.state()) {
            case RUNNING -> "RUNNING P" + t.processor();
            case RUNNABLE -> t.atSafepoint() ? "RUNNABLE (stopped at the safepoint)" : "RUNNABLE";
            case NEW -> "NEW (not started)";
            case TERMINATED -> t.uncaughtException() ? "STOPPED (uncaught exception: ,(v T) visits it)" : "TERMINATED";
            case SLEEPING -> "SLEEPING";
            case WAITING -> "WAITING " + waitText(t.waitsFor());
        };
    }

    /** What a wait is on, as {@code ,st} words it. */
    public static String waitText(Wait w) {
        if (w instanceof Wait.ToLock l) return l.mutex() + (l.holder() != null ? " (held by " + l.holder() + ")" : "");
        if (w instanceof Wait.ForMessage) return "for a message";
        if (w instanceof Wait.ForThread j) return "for " + j.thread() + " to end";
        if (w instanceof Wait.OnCondition c) return c.conditionVariable().name();
        if (w instanceof Wait.Sleeping) return "sleep";
        return ((Wait.OnOther) w).what().name();
    }

    /** The calls awaiting a value, innermost first, numbered as Gambit's {@code ,b} numbers them. */
    public static String backtrace(ThreadView t, int max, String indent) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (ThreadView.Call c : t.backtrace()) {
            if (i == max) break;
            sb.append(indent).append(i++).append("  ").append(c.procedure() == null ? "(top level)" : c.procedure())
                    .append(", ").append(c.source()).append('\n');
        }
        return sb.toString();
    }

    static String name(Ref r) {
        return r == null ? "no thread" : r.name();
    }
}
