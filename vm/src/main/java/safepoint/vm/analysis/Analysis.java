package safepoint.vm.analysis;

import safepoint.vm.data.Symbol;
import safepoint.vm.data.MonitorOrder;
import safepoint.vm.smp.Names;
import safepoint.vm.interp.Global;
import safepoint.vm.interp.Interp;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.SyncObjects;
import java.util.ArrayList;
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

    /** {@code ,why T} (see Machine.why), each processor doing what {@code procs} says; the caller holds the scheduler's monitor. */
    public static Why why(AnalysisHost vm, String which, WaitForGraph.ProcessorState[] procs) {
        WaitForGraph g = WaitForGraph.of(vm, procs);
        String w = which.trim();
        if (w.startsWith("#<thread") && w.endsWith(">")) w = w.substring(8, w.length() - 1).trim();
        long number = w.matches("\\d{1,18}") ? Long.parseLong(w) : -1; // longer: no such thread, and no overflow
        SThread t = null;
        for (SThread x : g.threads) {
            String n = Names.name(x);
            if (n.equals("#<thread " + w + ">") || x.index == number
                    || (w.equals("primordial") && x == vm.primordial())) {
                t = x;
                break;
            }
        }
        if (t == null) {
            if (number >= 1 && number <= vm.threadsCreated()) return new Why.Ended("#<thread " + w + ">");
            return new Why.NoSuchThread(which.trim());
        }
        if (t.state == SThread.State.TERMINATED) return new Why.Ended(Names.name(t));
        if (t.state == SThread.State.WAITING && t.waitingOn instanceof safepoint.vm.data.Symbol sy && sy.name.equals("sleep")) {
            return new Why.Sleeping(Names.name(t));
        }
        List<WaitForGraph.Edge> chain = g.chain(t);
        if (chain.isEmpty()) return new Why.NotBlocked(Names.name(t), Names.state(t, null));
        String backTo = WaitForGraph.loopsBack(chain) ? WaitForGraph.name(chain.get(chain.size() - 1).to()) : null;
        return new Why.Chain(links(chain), backTo, participant(vm, g, t, new Reachability(vm)));
    }

    /** {@code ,deadlock} (see Machine.survey); the caller holds the scheduler's monitor. */
    public static Survey survey(AnalysisHost vm, WaitForGraph.ProcessorState[] procs) {
        WaitForGraph g = WaitForGraph.of(vm, procs);
        List<SThread> blocked = g.blocked();
        if (blocked.isEmpty()) return new Survey(0, false, null);
        return new Survey(blocked.size(), !g.cycle().isEmpty(), explain(vm, g));
    }

    /** The explanation of graph {@code g}: its cycle, the threads that wait or run in it, the rest summarised. */
    public static Explanation explain(AnalysisHost vm, WaitForGraph g) {
        List<WaitForGraph.Edge> cycle = g.cycle();
        List<SThread> listed = new ArrayList<>();
        for (WaitForGraph.Edge e : cycle) if (e.from() instanceof SThread t && !listed.contains(t)) listed.add(t);
        List<SThread> rest = new ArrayList<>();
        for (SThread t : g.threads) {
            if (listed.contains(t) || t.state == SThread.State.TERMINATED || t.state == SThread.State.NEW) continue;
            if (!g.out.containsKey(t) && t.state != SThread.State.WAITING) continue;
            if (listed.size() < LISTED || t == vm.primordial()) listed.add(t);
            else rest.add(t);
        }
        Reachability reach = new Reachability(vm);
        List<Explanation.Participant> participants = new ArrayList<>();
        for (SThread t : listed) participants.add(participant(vm, g, t, reach));
        // The rest, grouped by how each waits, in the order first seen.
        Map<Explanation.Group, Integer> groups = new LinkedHashMap<>();
        for (SThread t : rest) {
            List<WaitForGraph.Edge> es = g.edges(t);
            Explanation.Group key;
            if (es.isEmpty()) {
                key = new Explanation.Group(0, null, false, null, Names.state(t, null));
            } else {
                WaitForGraph.Edge e = es.get(0);
                String to = e.to() instanceof WaitForGraph.Mailbox ? null : WaitForGraph.name(e.to());
                key = new Explanation.Group(0, e.kind(), e.timed(), to, null);
            }
            groups.merge(key, 1, Integer::sum);
        }
        List<Explanation.Group> others = new ArrayList<>();
        for (Map.Entry<Explanation.Group, Integer> e : groups.entrySet()) {
            Explanation.Group k = e.getKey();
            others.add(new Explanation.Group(e.getValue(), k.kind(), k.timed(), k.to(), k.state()));
        }
        // Threads that died on an error nobody joined: the report gives their errors first, and
        // what they would have done (signal, unlock, send) may be what the others wait for.
        List<String> died = new ArrayList<>();
        for (SThread t : vm.scheduler().unjoinedFailures) died.add(Names.name(t));
        return new Explanation(links(cycle), List.copyOf(participants), List.copyOf(died), rest.size(), List.copyOf(others));
    }

    private static List<Explanation.Link> links(List<WaitForGraph.Edge> edges) {
        List<Explanation.Link> links = new ArrayList<>();
        for (WaitForGraph.Edge e : edges) {
            links.add(new Explanation.Link(WaitForGraph.name(e.from()), e.kind(), e.timed(), e.to() == null ? null : WaitForGraph.name(e.to())));
        }
        return List.copyOf(links);
    }

    /** One thread: its wait, what it holds and waits for, why nobody will wake it, its backtrace. */
    static Explanation.Participant participant(AnalysisHost vm, WaitForGraph g, SThread t, Reachability reach) {
        List<String> locked = new ArrayList<>();
        for (Object held : heldIn(g, t)) locked.add(WaitForGraph.name(held));
        Object on = t.waitingOn;
        boolean waits = t.state == SThread.State.WAITING;
        String toLock = waits && on instanceof SyncObjects.Mutex mx ? Names.name(mx) : null;
        Explanation.Spin spin = t.interp.spinningOn == null ? null : new Explanation.Spin(Names.name(t.interp.spinningOn), t.interp.polling);
        String unsignalable = waits && on instanceof SyncObjects.CondVar cv && t.wakeAt == Long.MAX_VALUE && !reach.signalable(cv)
                ? Names.name(cv) : null;
        boolean unreachable = waits && on == t.mailbox && t.wakeAt == Long.MAX_VALUE && !reach.sendable(t);
        return new Explanation.Participant(Names.name(t), state(g, t), List.copyOf(locked), toLock, spin, unsignalable, unreachable,
                Names.calls(t.interp.k, 6));
    }

    /**
     * At the step bound: whether the primordial thread can provably never go on, so the run can
     * never end although threads still run. Its chain of waits, with no timeout anywhere, comes
     * back on itself (a cycle), or ends at a condition variable or a mailbox no live thread can
     * reach. Null when that is not proven (the run is then inconclusive).
     */
    public static String provenHang(AnalysisHost vm, WaitForGraph g) {
        List<WaitForGraph.Edge> chain = g.chain(vm.primordial());
        if (chain.isEmpty()) return null;
        for (WaitForGraph.Edge e : chain) if (e.mayEndOnItsOwn()) return null;
        Object end = chain.get(chain.size() - 1).to();
        boolean cycle = WaitForGraph.loopsBack(chain);
        Reachability reach = new Reachability(vm);
        boolean lost = end instanceof SyncObjects.CondVar cv && !reach.signalable(cv)
                || end instanceof WaitForGraph.Mailbox mb && !reach.sendable(mb.owner());
        if (!cycle && !lost) return null;
        return ExplanationText.hang(links(chain), cycle ? null : WaitForGraph.name(end), explain(vm, g));
    }

    /**
     * At the step bound: a thread's raw-table probe has walked every slot and found neither its
     * key nor an unused one, so only a write by another thread could end it; and no other thread
     * can write: each has ended, waits without a timeout (only a running thread could wake it, and
     * the only ones running are such probes), or probes for ever itself. The caller rules out
     * console input. Null when that is not proven.
     */
    public static ProbeHang provenProbeHang(AnalysisHost vm) {
        List<SThread> live = new ArrayList<>();
        synchronized (vm.scheduler()) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, vm.scheduler());
            live.add(vm.primordial());
            for (SThread t : vm.scheduler().onCpu) if (!live.contains(t)) live.add(t);
            for (SThread t : vm.scheduler().runnable()) if (!live.contains(t)) live.add(t);
            for (SThread t : vm.scheduler().waiting) if (!live.contains(t)) live.add(t);
        }
        SThread prober = null;
        safepoint.vm.lang.HashTables.EndlessProbe probe = null;
        int ended = vm.threadsCreated() - live.size(), others = 0;
        List<String> waiting = new ArrayList<>();
        for (SThread t : live) {
            if (t.state == SThread.State.TERMINATED) {
                ended++;
                continue;
            }
            safepoint.vm.lang.HashTables.EndlessProbe p = t.interp.spinningOn == null ? safepoint.vm.lang.HashTables.endlessProbe(t.interp) : null;
            if (p != null) {
                if (probe == null) {
                    prober = t;
                    probe = p;
                } else {
                    others++;
                }
                continue;
            }
            if (t.state == SThread.State.WAITING && t.wakeAt == Long.MAX_VALUE) {
                waiting.add(Names.name(t));
                continue;
            }
            return null; // it may still run and write the table
        }
        if (probe == null) return null;
        String table = null;
        for (Global gl : vm.globalCells()) if (gl.value == probe.table()) table = gl.name.name;
        return new ProbeHang(Names.name(prober), table, probe.op(), probe.slots(), probe.count(), probe.free(), Math.max(0, ended),
                waiting, others);
    }

    private static Explanation.State state(WaitForGraph g, SThread t) {
        for (WaitForGraph.Edge e : g.edges(t)) {
            if (e.kind().heldBack()) return new Explanation.HeldBack(e.kind(), e.timed(), String.valueOf(e.to()));
        }
        for (WaitForGraph.Edge e : g.into(t)) if (e.kind() == EdgeKind.RUNS) return new Explanation.Running(String.valueOf(e.from()));
        if (t.state == SThread.State.WAITING) {
            Object on = t.waitingOn;
            if (on instanceof SyncObjects.Mutex mx) return new Explanation.WaitingOnMutex(Names.name(mx), mx.owner != null ? Names.name(mx.owner) : null);
            if (on == t.mailbox) return new Explanation.WaitingOnMailbox();
            if (on instanceof SThread other) return new Explanation.WaitingForEnd(Names.name(other));
            return new Explanation.WaitingOn(WaitForGraph.name(on));
        }
        return new Explanation.Other(Names.state(t, null));
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
    static boolean signalable(AnalysisHost vm, SyncObjects.CondVar cv) {
        return new Reachability(vm).signalable(cv);
    }

    /**
     * Reachability questions about one look at a machine. What the globals reach is walked once
     * and kept: a report asks about many waiters, and most hang off a global list.
     */
    static final class Reachability {
        private final AnalysisHost vm;
        private IdentityHashMap<Object, Boolean> fromGlobals;

        Reachability(AnalysisHost vm) {
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
            synchronized (vm.scheduler()) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, vm.scheduler());
                live.add(vm.primordial());
                live.addAll(vm.scheduler().onCpu);
                live.addAll(vm.scheduler().runnable());
                live.addAll(vm.scheduler().waiting);
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
