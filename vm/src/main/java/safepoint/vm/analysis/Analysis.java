package safepoint.vm.analysis;

import safepoint.vm.data.Symbol;
import safepoint.vm.data.MonitorOrder;
import safepoint.vm.smp.Names;
import safepoint.vm.Machine;
import safepoint.vm.interp.Global;
import safepoint.vm.interp.Interp;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.SyncObjects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why it is stuck, in plain words (jstack's layout): the cycle of waits first, then each
 * participant with what it holds, what it waits for and its backtrace, then anything else that
 * waits, summarised when there are many. Also the lost-wakeup rule: a thread that waits, with no
 * timeout, on a condition variable that no live thread can reach can never be woken.
 */
public final class Analysis {
    private Analysis() {}

    /** Threads listed one by one before the rest are summarised by what they wait on. */
    static final int LISTED = 12;

    /** {@code ,why T} (see {@link Machine#why}); the caller holds the scheduler's monitor. */
    public static String why(Machine vm, String which) {
        WaitForGraph g = WaitForGraph.of(vm, new WaitForGraph.ProcessorState[vm.processors()]);
        String w = which.trim();
        if (w.startsWith("#<thread") && w.endsWith(">")) w = w.substring(8, w.length() - 1).trim();
        long number = w.matches("\\d{1,18}") ? Long.parseLong(w) : -1; // longer: no such thread, and no overflow
        SThread t = null;
        for (SThread x : g.threads) {
            String n = Names.name(x);
            if (n.equals("#<thread " + w + ">") || x.index == number
                    || (w.equals("primordial") && x == vm.primordial)) {
                t = x;
                break;
            }
        }
        if (t == null) {
            if (number >= 1 && number <= vm.threadsCreated) {
                return "#<thread " + w + "> has ended: nothing to explain\n";
            }
            return "No live thread " + which.trim() + " (,threads lists them)\n";
        }
        if (t.state == SThread.State.TERMINATED) return Names.name(t) + " has ended: nothing to explain\n";
        if (t.state == SThread.State.WAITING && t.waitingOn instanceof safepoint.vm.data.Symbol sy && sy.name.equals("sleep")) {
            return Names.name(t) + " is sleeping: it wakes up on its own\n";
        }
        List<WaitForGraph.Edge> chain = g.chain(t);
        if (chain.isEmpty()) return Names.name(t) + " is not blocked: " + Names.state(t, null) + "\n";
        StringBuilder sb = new StringBuilder();
        for (WaitForGraph.Edge e : chain) sb.append(e.line()).append('\n');
        if (WaitForGraph.loopsBack(chain)) {
            sb.append("  ... back to ").append(WaitForGraph.name(chain.get(chain.size() - 1).to()))
                    .append(": a deadlock, nothing outside the cycle can end it\n");
        }
        participant(vm, g, t, sb);
        return sb.toString();
    }

    /** {@code ,deadlock} (see {@link Machine#describeDeadlock}); the caller holds the scheduler's monitor. */
    public static String describe(Machine vm) {
        WaitForGraph g = WaitForGraph.of(vm, new WaitForGraph.ProcessorState[vm.processors()]);
        List<SThread> blocked = g.blocked();
        if (blocked.isEmpty()) return "Nothing is blocked.\n";
        if (!g.cycle().isEmpty()) return explain(vm, g, "Deadlock: a cycle of waits that nothing outside it can break") + "\n";
        return explain(vm, g, "No cycle of waits; " + blocked.size() + " thread" + (blocked.size() == 1 ? " waits" : "s wait")
                + " (,why T follows one):") + "\n";
    }

    /** The full explanation under {@code headline}. */
    public static String explain(Machine vm, WaitForGraph g, String headline) {
        StringBuilder sb = new StringBuilder(headline).append('\n');
        List<WaitForGraph.Edge> cycle = g.cycle();
        if (!cycle.isEmpty()) {
            sb.append("  the cycle:\n");
            for (WaitForGraph.Edge e : cycle) sb.append("    ").append(e.line()).append('\n');
        }
        List<SThread> listed = new ArrayList<>();
        for (WaitForGraph.Edge e : cycle) if (e.from() instanceof SThread t && !listed.contains(t)) listed.add(t);
        List<SThread> rest = new ArrayList<>();
        for (SThread t : g.threads) {
            if (listed.contains(t) || t.state == SThread.State.TERMINATED || t.state == SThread.State.NEW) continue;
            if (!g.out.containsKey(t) && t.state != SThread.State.WAITING) continue;
            if (listed.size() < LISTED || t == vm.primordial) listed.add(t);
            else rest.add(t);
        }
        Reachability reach = new Reachability(vm);
        for (SThread t : listed) participant(vm, g, t, sb, reach);
        // Threads that died on an error nobody joined: the report gives their errors first, and
        // what they would have done (signal, unlock, send) may be what the others wait for.
        for (SThread t : vm.scheduler.unjoinedFailures) {
            sb.append("  ").append(Names.name(t)).append(" TERMINATED by an uncaught exception (its error is reported above)\n");
        }
        if (!rest.isEmpty()) {
            // Grouped by what each waits for, said for one and for many.
            Map<String, Integer> byWait = new LinkedHashMap<>();
            Map<String, String> plural = new HashMap<>();
            for (SThread t : rest) {
                List<WaitForGraph.Edge> es = g.edges(t);
                String what = Names.state(t, null);
                String many = what;
                if (!es.isEmpty()) {
                    WaitForGraph.Edge e = es.get(0);
                    String to = " " + (e.to() instanceof WaitForGraph.Mailbox ? "their mailbox" : WaitForGraph.name(e.to()));
                    what = e.words() + to;
                    many = e.kind().plural(e.timed()) + to;
                }
                byWait.merge(what, 1, Integer::sum);
                plural.put(what, many);
            }
            sb.append(String.format(java.util.Locale.ROOT, "  ... and %,d more threads:%n", rest.size()));
            for (Map.Entry<String, Integer> e : byWait.entrySet()) {
                String what = e.getValue() == 1 ? e.getKey() : plural.get(e.getKey());
                sb.append(String.format(java.util.Locale.ROOT, "      %,d %s%n", e.getValue(), what));
            }
        }
        return sb.toString().stripTrailing();
    }

    /** One thread: its wait in words, what it holds and waits for, why nobody will wake it, its backtrace. */
    static void participant(Machine vm, WaitForGraph g, SThread t, StringBuilder sb) {
        participant(vm, g, t, sb, new Reachability(vm));
    }

    static void participant(Machine vm, WaitForGraph g, SThread t, StringBuilder sb, Reachability reach) {
        sb.append("  ").append(Names.name(t)).append(' ').append(stateWords(g, t)).append('\n');
        for (Object held : heldIn(g, t)) sb.append("      locked ").append(WaitForGraph.name(held)).append('\n');
        Object on = t.waitingOn;
        if (t.state == SThread.State.WAITING && on instanceof SyncObjects.Mutex mx) {
            sb.append("      waiting to lock ").append(Names.name(mx)).append('\n');
        }
        if (t.interp.spinningOn != null) {
            sb.append("      spinning on ").append(Names.name(t.interp.spinningOn))
                    .append(t.interp.polling ? "" : " (no poll in this code)").append('\n');
        }
        if (t.state == SThread.State.WAITING && on instanceof SyncObjects.CondVar cv && t.wakeAt == Long.MAX_VALUE && !reach.signalable(cv)) {
            sb.append("      no live thread can signal ").append(Names.name(cv))
                    .append(": only the threads waiting on it can reach it (a lost wakeup)\n");
        }
        if (t.state == SThread.State.WAITING && on == t.mailbox && t.wakeAt == Long.MAX_VALUE && !reach.sendable(t)) {
            sb.append("      no live thread can send it a message: none can reach ").append(Names.name(t)).append('\n');
        }
        sb.append(Names.backtrace(t, 6, "      "));
    }

    /**
     * At the step bound: whether the primordial thread can provably never go on, so the run can
     * never end although threads still run. Its chain of waits, with no timeout anywhere, comes
     * back on itself (a cycle), or ends at a condition variable or a mailbox no live thread can
     * reach. Null when that is not proven (the run is then inconclusive).
     */
    public static String provenHang(Machine vm, WaitForGraph g) {
        List<WaitForGraph.Edge> chain = g.chain(vm.primordial);
        if (chain.isEmpty()) return null;
        for (WaitForGraph.Edge e : chain) if (e.mayEndOnItsOwn()) return null;
        Object end = chain.get(chain.size() - 1).to();
        boolean cycle = WaitForGraph.loopsBack(chain);
        Reachability reach = new Reachability(vm);
        boolean lost = end instanceof SyncObjects.CondVar cv && !reach.signalable(cv)
                || end instanceof WaitForGraph.Mailbox mb && !reach.sendable(mb.owner());
        if (!cycle && !lost) return null;
        StringBuilder sb = new StringBuilder("*** Hang: the program can never end, though some threads still run\n  the chain of waits:\n");
        for (WaitForGraph.Edge e : chain) sb.append("    ").append(e.line()).append('\n');
        sb.append(cycle ? "  it comes back on itself: a cycle nothing outside can break\n"
                : "  nothing can ever end the last wait: no live thread can reach " + WaitForGraph.name(end) + "\n");
        return explain(vm, g, sb.toString().stripTrailing());
    }

    private static String stateWords(WaitForGraph g, SThread t) {
        for (WaitForGraph.Edge e : g.edges(t)) {
            if (e.kind().heldBack()) return "RUNNABLE, " + e.words() + " " + e.to();
        }
        for (WaitForGraph.Edge e : g.into(t)) if (e.kind() == EdgeKind.RUNS) return "RUNNING on " + e.from();
        if (t.state == SThread.State.WAITING) {
            Object on = t.waitingOn;
            if (on instanceof SyncObjects.Mutex mx) {
                return "WAITING on " + Names.name(mx) + (mx.owner != null ? ", held by " + Names.name(mx.owner) : "");
            }
            if (on == t.mailbox) return "WAITING on its mailbox (thread-receive)";
            if (on instanceof SThread other) return "WAITING on " + Names.name(other) + " to end (thread-join!)";
            return "WAITING on " + WaitForGraph.name(on);
        }
        return Names.state(t, null);
    }

    /** Locks in the graph that {@code t} holds. */
    private static List<Object> heldIn(WaitForGraph g, SThread t) {
        List<Object> held = new ArrayList<>();
        for (WaitForGraph.Edge e : g.into(t)) if (e.kind() == EdgeKind.HELD_BY && !held.contains(e.from())) held.add(e.from());
        return held;
    }

    /**
     * Whether any live thread can still reach {@code cv} (and so signal it): from the globals, or
     * from the registers and continuation of a thread that does not wait on it. A thread's own
     * continuation is private to it; another thread can reach only its name, specific and result.
     */
    static boolean signalable(Machine vm, SyncObjects.CondVar cv) {
        return new Reachability(vm).signalable(cv);
    }

    /**
     * Reachability questions about one look at a machine. What the globals reach is walked once
     * and kept: a report asks about many waiters, and most hang off a global list.
     */
    static final class Reachability {
        private final Machine vm;
        private IdentityHashMap<Object, Boolean> fromGlobals;

        Reachability(Machine vm) {
            this.vm = vm;
        }

        boolean signalable(SyncObjects.CondVar cv) {
            return reachableByOthers(cv, t -> t.waitingOn == cv);
        }

        /** Whether a live thread other than {@code t} can reach {@code t} and so send it a message. */
        boolean sendable(SThread t) {
            return reachableByOthers(t, x -> x == t);
        }

        /** Whether {@code target} is reachable from the globals or from a live thread that {@code excluded} does not name. */
        private boolean reachableByOthers(Object target, java.util.function.Predicate<SThread> excluded) {
            if (fromGlobals == null) {
                fromGlobals = new IdentityHashMap<>();
                java.util.ArrayDeque<Object> stack = new java.util.ArrayDeque<>();
                for (Global gl : vm.globalCells()) if (gl.value != null) stack.push(gl.value);
                walk(stack, fromGlobals, null);
            }
            if (fromGlobals.containsKey(target)) return true;
            IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>(fromGlobals);
            java.util.ArrayDeque<Object> stack = new java.util.ArrayDeque<>();
            List<SThread> live = new ArrayList<>();
            synchronized (vm.scheduler) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, vm.scheduler);
                live.add(vm.primordial);
                live.addAll(vm.scheduler.onCpu);
                live.addAll(vm.scheduler.runnable());
                live.addAll(vm.scheduler.waiting);
            }
            for (SThread t : live) {
                if (t.state == SThread.State.TERMINATED || excluded.test(t)) continue;
                Interp m = t.interp;
                for (Object r : new Object[] {m.env, m.val, m.k, m.winders, m.handlers, m.params, t.specific}) if (r != null) stack.push(r);
                stack.push(t.mailbox);
            }
            return walk(stack, seen, target);
        }

        private static boolean walk(java.util.ArrayDeque<Object> stack, IdentityHashMap<Object, Boolean> seen, Object target) {
            while (!stack.isEmpty()) {
                Object o = stack.pop();
                if (target != null && o == target) return true;
                if (o == null || seen.put(o, Boolean.TRUE) != null) continue;
                Reach.push(o, stack);
            }
            return false;
        }
    }
}
