package safepoint.vm.lang;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Symbol;

/**
 * What the REPL's {@code ,threads}, {@code ,locks} and {@code ,procs} show, and how Safepoint's
 * own reports name objects: without serial numbers ({@code #<thread worker>}), so that looking
 * never changes the {@code #<procedure #4>} a program prints (DESIGN.md "Observation").
 */
final class StatusReport {
    private StatusReport() {}

    static String name(Object o) {
        if (o instanceof SThread t) {
            String l = label(t.name);
            return "#<thread" + (l.isEmpty() && t.index > 1 ? " " + t.index : l) + ">";
        }
        if (o instanceof SyncObjects.Mutex m) return "#<mutex" + label(m.name) + ">";
        if (o instanceof SyncObjects.CondVar c) return "#<condition-variable" + label(c.name) + ">";
        if (o instanceof Spinlocks.Spinlock s) return "#<spinlock" + label(s.name) + ">";
        if (o instanceof InputPort p) return "#<input-port (" + p.name + ")>"; // Gambit's, without the serial number
        return String.valueOf(o);
    }

    private static String label(Object name) {
        if (name == null || name == Boolean.FALSE) return "";
        if (name instanceof Symbol s) return " " + s.name;
        if (name instanceof MString s) return " \"" + s + "\"";
        if (name instanceof Keyword k) return " " + k.name + ":";
        return " " + name;
    }

    /** Gambit's ,st states: RUNNING P0, WAITING on what, SLEEPING, RUNNABLE, TERMINATED, NEW. */
    static String state(SThread t, SThread replThread) {
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

    static String waitText(SThread t) {
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
    static String backtrace(SThread t, int max, String indent) {
        return backtrace(t.interp.k, max, indent);
    }

    /** The same, for a continuation kept from earlier (a race report's previous access). */
    static String backtrace(Frame k, int max, String indent) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        Where last = null;
        for (Frame f = k; f != null && i < max; f = f.next) {
            Where w = f.where();
            if (w == null || w.src() == null || w.equals(last)) continue;
            last = w;
            sb.append(indent).append(i++).append("  ").append(w.procName() == null ? "(top level)" : w.procName())
                    .append(", ").append(w.src()).append('\n');
        }
        return sb.toString();
    }

    static String threads(Machine vm) {
        synchronized (vm.scheduler) {
            return threadsLocked(vm);
        }
    }

    private static String threadsLocked(Machine vm) {
        List<SThread> all = new ArrayList<>();
        all.add(vm.primordial);
        for (SThread t : vm.scheduler.onCpu) if (!all.contains(t)) all.add(t);
        for (SThread t : vm.scheduler.runnable()) if (!all.contains(t)) all.add(t);
        for (SThread t : vm.scheduler.waiting) if (!all.contains(t)) all.add(t);
        StringBuilder sb = new StringBuilder();
        for (SThread t : all) {
            String n = name(t);
            sb.append(n).append(" ".repeat(Math.max(1, 28 - n.length()))).append(state(t, t == vm.primordial ? t : null));
            if (t.interp.spinningOn != null) sb.append(", spinning on ").append(name(t.interp.spinningOn));
            sb.append('\n');
            if (t != vm.primordial && t.state != SThread.State.TERMINATED) sb.append(backtrace(t, 8, "    "));
        }
        return sb.toString();
    }

    static String locks(Machine vm) {
        synchronized (vm.scheduler) {
            return locksLocked(vm);
        }
    }

    private static String locksLocked(Machine vm) {
        StringBuilder sb = new StringBuilder();
        List<Object> seen = new ArrayList<>();
        for (SThread t : vm.scheduler.waiting) {
            if (t.waitingOn instanceof SyncObjects.Mutex mx && !seen.contains(mx)) {
                seen.add(mx);
                sb.append(name(mx)).append(" held by ").append(mx.owner == null ? "no thread" : name(mx.owner))
                        .append("; waiting: ");
                List<String> w = new ArrayList<>();
                for (SThread x : mx.waiters) w.add(name(x));
                sb.append(String.join(", ", w)).append('\n');
            }
        }
        for (SThread t : vm.scheduler.runnable()) {
            Spinlocks.Spinlock s = t.interp.spinningOn;
            if (s != null && !seen.contains(s)) {
                seen.add(s);
                sb.append(name(s)).append(" held by ").append(s.holder == null ? "no thread" : name(s.holder))
                        .append("; spinning: ").append(name(t)).append(" (").append(s.spins).append(" spins)\n");
            }
        }
        return sb.length() == 0 ? "No lock is contended.\n" : sb.toString();
    }

    static String processors(Machine vm) {
        synchronized (vm.scheduler) {
            Scheduler sc = vm.scheduler;
            StringBuilder sb = new StringBuilder();
            sb.append(vm.processors()).append(" processor").append(vm.processors() == 1 ? "" : "s")
                    .append(", free run; between evaluations all are idle (at a safepoint)\n");
            long[] tts = vm.heap.timeToSafepoint;
            for (int i = 0; i < sc.local.length; i++) {
                sb.append(String.format(java.util.Locale.ROOT, "P%d  queue %d  switches %d  polls %d  spins %d  last time to safepoint %s%n",
                        i, sc.local[i].size(), sc.switches[i], sc.polls[i], sc.spins[i],
                        i < tts.length && tts[i] > 0 ? String.format(java.util.Locale.ROOT, "%.3f ms", tts[i] / 1e6) : "-"));
            }
            sb.append("shared queue: ").append(sc.ready.size()).append(" threads, waiting: ").append(sc.waiting.size()).append('\n');
            Heap h = vm.heap;
            sb.append(String.format(java.util.Locale.ROOT, "heap: %d words, live after the last GC %d, allocated since %d, %d collections (epoch %d)%n",
                    h.capacity, h.liveAfterGc, h.sinceGc.get(), h.collections, h.epoch));
            return sb.toString();
        }
    }
}
