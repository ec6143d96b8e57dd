package safepoint.vm.smp;

import safepoint.vm.data.InputPort;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Symbol;
import safepoint.vm.event.Events;
import safepoint.vm.event.Ref.LockRef;
import safepoint.vm.event.Ref.ThreadRef;
import safepoint.vm.event.What;
import safepoint.vm.interp.Frame;
import safepoint.vm.interp.Where;

/**
 * How Safepoint's own reports name threads, locks and waits, in Gambit's words: without serial
 * numbers ({@code #<thread worker>}), so that looking never changes the {@code #<procedure #4>}
 * a program prints (DESIGN.md "Observation").
 */
public final class Names {
    private Names() {}

    public static String name(Object o) {
        if (o instanceof SThread t) {
            // Asked for at every event and every look of every thread: kept, and made again only if the number changed.
            if (t.reportName == null || t.reportNameIndex != t.index) {
                String l = label(t.name);
                t.reportName = "#<thread" + (l.isEmpty() && t.index > 1 ? " " + t.index : l) + ">";
                t.reportNameIndex = t.index;
            }
            return t.reportName;
        }
        if (o instanceof SyncObjects.Mutex m) return "#<mutex" + label(m.name) + ">";
        if (o instanceof SyncObjects.CondVar c) return "#<condition-variable" + label(c.name) + ">";
        if (o instanceof Spinlocks.Spinlock s) return "#<spinlock" + label(s.name) + ">";
        if (o instanceof InputPort p) return "#<input-port (" + p.name + ")>"; // Gambit's, without the serial number
        if (o instanceof EventWait w) return syncName(w);
        return String.valueOf(o);
    }

    /** How events name a thread: its observer id and {@link #name}; null for none. */
    public static ThreadRef ref(Events ev, SThread t) {
        return t == null ? null : new ThreadRef(ev.id(t), name(t));
    }

    /** How events name a mutex, spinlock or condition variable. */
    public static LockRef lockRef(Events ev, Object lock) {
        return new LockRef(ev.id(lock), name(lock));
    }

    /** What {@code t} waits on, as an event records it (the data behind {@link #waitText}). */
    public static What.WaitOn waitOn(Events ev, SThread t) {
        Object on = t.waitingOn;
        if (on instanceof SyncObjects.Mutex mx) return new What.OnMutex(lockRef(ev, mx), ref(ev, mx.owner));
        if (on instanceof SyncObjects.CondVar cv) return new What.OnCondition(lockRef(ev, cv));
        if (on == t.mailbox) return new What.OnMessage();
        if (on instanceof SThread other) return new What.OnThreadEnd(ref(ev, other));
        if (on instanceof Symbol s && s.name.equals("sleep")) return new What.OnSleep();
        if (on instanceof safepoint.vm.data.InputPort port) return new What.OnInput(name(port));
        return new What.OnOther(name(on));
    }

    /** A :std/event sync as reports name it: the threads and mutexes it waits on by name, events and the rest by kind. */
    private static String syncName(EventWait w) {
        StringBuilder b = new StringBuilder("#<sync on");
        String sep = " ";
        for (Object x = w.objects; x instanceof safepoint.vm.data.Pair p; x = p.cdr) {
            Object o = p.car;
            String n = o instanceof SThread || o instanceof SyncObjects.Mutex ? name(o)
                    : o instanceof Number ? "a timeout of " + o + " s" : "an event";
            b.append(sep).append(n);
            sep = ", ";
        }
        return b.append('>').toString();
    }

    private static String label(Object name) {
        if (name == null || name == Boolean.FALSE) return "";
        if (name instanceof Symbol s) return " " + s.name;
        if (name instanceof MString s) return " \"" + s + "\"";
        if (name instanceof Keyword k) return " " + k.name + ":";
        return " " + name;
    }

    /** Gambit's ,st states: RUNNING P0, WAITING on what, SLEEPING, RUNNABLE, TERMINATED, NEW. */
    public static String state(SThread t, SThread replThread) {
        if (t.onProcessor >= 0) return "RUNNING P" + t.onProcessor;
        if (t == replThread && t.state != SThread.State.RUNNABLE) return "RUNNING P0";
        if (t.state == SThread.State.RUNNABLE && t.interp.atSafepoint) return "RUNNABLE (stopped at the safepoint)";
        return switch (t.state) {
            case NEW -> "NEW (not started)";
            case RUNNABLE -> "RUNNABLE";
            case TERMINATED -> t.exception != null ? "TERMINATED (uncaught exception)" : "TERMINATED";
            case WAITING -> t.waitingOn instanceof Symbol s && s.name.equals("sleep") ? "SLEEPING" : "WAITING " + waitText(t);
        };
    }

    public static String waitText(SThread t) {
        Object on = t.waitingOn;
        if (on instanceof SyncObjects.Mutex mx) {
            return name(mx) + (mx.owner != null ? " (held by " + name(mx.owner) + ")" : "");
        }
        if (on == t.mailbox) return "for a message";
        if (on instanceof SThread other) return "for " + name(other) + " to end";
        return name(on);
    }

    /**
     * A thread's continuation as Gambit's ,b shows it: the calls awaiting a value, innermost
     * first, each with its procedure and source position.
     */
    public static String backtrace(SThread t, int max, String indent) {
        return backtrace(t.interp.k, max, indent);
    }

    /** The same, for a continuation kept from earlier (a race report's previous access). */
    public static String backtrace(Frame k, int max, String indent) {
        return backtrace(calls(k, max), indent);
    }

    /** One line of a backtrace: the procedure ({@code null} at top level) and its source position. */
    public record Call(String procedure, String source) {}

    /** The calls of continuation {@code k} a backtrace shows, innermost first, at most {@code max}. */
    public static java.util.List<Call> calls(Frame k, int max) {
        java.util.List<Call> calls = new java.util.ArrayList<>();
        Where last = null;
        for (Frame f = k; f != null && calls.size() < max; f = f.next) {
            Where w = f.where();
            if (w == null || w.src() == null || w.equals(last)) continue;
            last = w;
            calls.add(new Call(w.procName(), String.valueOf(w.src())));
        }
        return java.util.List.copyOf(calls);
    }

    /** Calls as Gambit's ,b lays them out: numbered, each on its own line after {@code indent}. */
    public static String backtrace(java.util.List<Call> calls, String indent) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            sb.append(indent).append(i).append("  ").append(c.procedure() == null ? "(top level)" : c.procedure())
                    .append(", ").append(c.source()).append('\n');
        }
        return sb.toString();
    }

}
