package safepoint.vm.analysis;

import safepoint.vm.data.InputPort;
import safepoint.vm.smp.EventWait;
import safepoint.vm.smp.Names;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Scheduler;
import safepoint.vm.smp.Spinlocks;
import safepoint.vm.smp.SyncObjects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who waits for what (DESIGN.md "Deadlock, hang and race analysis"): a graph over threads,
 * processors, mutexes, spinlocks, condition variables, mailboxes and the GC barrier, built in
 * O(vertices + edges) from one consistent look at the machine (between slices in controlled
 * mode; with every processor idle or at a host stop in free run). Its edges are waits of a
 * {@link EdgeKind}, said in plain words, including the ones mainstream tools do not draw: "P0 waits at the GC barrier for P1",
 * "#<thread t2> spins on #<spinlock L> in code without polls", "#<spinlock L> is held by
 * #<thread t1>", "#<thread t1> is parked at the safepoint on P0", "#<thread t3> is queued on P1,
 * which never polls".
 *
 * <p>Locking rule: build it holding the scheduler's monitor, with no processor running.
 */
public final class WaitForGraph {
    /** A processor as a vertex. */
    public record Proc(int id) {
        @Override
        public String toString() {
            return "P" + id;
        }
    }

    /** A thread's mailbox as a vertex. */
    public record Mailbox(SThread owner) {
        @Override
        public String toString() {
            return "the mailbox of " + Names.name(owner);
        }
    }

    /** A wait: {@code from} cannot go on until {@code to} does something; {@code kind} says what, {@code timed} if it has a timeout. */
    public record Edge(Object from, Object to, EdgeKind kind, boolean timed) {
        /** The words between the two vertices. */
        String words() {
            return kind.words(timed);
        }

        String line() {
            return name(from) + " " + words() + (to == null ? "" : " " + name(to));
        }

        /** A wait with a timeout or a spin: it can end on its own, so a cycle through it proves nothing. */
        public boolean mayEndOnItsOwn() {
            return timed || kind.spins();
        }
    }

    /** What a processor is doing at the look: the thread on it (or null), and whether it stopped at the barrier. */
    public record ProcessorState(SThread running, boolean atBarrier) {}

    /** Out-edges by vertex, in the order they were found (so reports are the same on every run). */
    final Map<Object, List<Edge>> out;
    /** The threads looked at: the primordial thread, then running, queued and waiting ones. */
    final List<SThread> threads;

    /** Every thread of the graph: the primordial one, those on processors, queued and waiting. */
    public List<SThread> threads() {
        return java.util.Collections.unmodifiableList(threads);
    }
    final boolean barrierPending;

    /** Sized for {@code threads} at once: a look at 100,000 threads otherwise spends much of its time growing maps. */
    private WaitForGraph(boolean barrierPending, int threads) {
        this.barrierPending = barrierPending;
        this.out = new LinkedHashMap<>(threads * 4 / 3 + 16);
        this.threads = new ArrayList<>(threads);
    }

    static String name(Object v) {
        return v instanceof SThread || v instanceof SyncObjects.Mutex || v instanceof SyncObjects.CondVar
                || v instanceof Spinlocks.Spinlock || v instanceof safepoint.vm.data.InputPort || v instanceof EventWait ? Names.name(v) : String.valueOf(v);
    }

    private void edge(Object from, Object to, EdgeKind kind) {
        edge(from, to, kind, false);
    }

    private void edge(Object from, Object to, EdgeKind kind, boolean timed) {
        out.computeIfAbsent(from, k -> new ArrayList<>(2)).add(new Edge(from, to, kind, timed));
    }

    /** Every edge, grouped by the vertex it leaves, in the order they were found. */
    public List<Edge> edges() {
        List<Edge> all = new ArrayList<>();
        for (List<Edge> es : out.values()) all.addAll(es);
        return all;
    }

    List<Edge> edges(Object v) {
        return out.getOrDefault(v, List.of());
    }

    /** In-edges by vertex, made on first use (reports ask what points at each participant). */
    private Map<Object, List<Edge>> in;

    List<Edge> into(Object v) {
        if (in == null) {
            in = new HashMap<>();
            for (List<Edge> es : out.values()) {
                for (Edge e : es) if (e.to() != null) in.computeIfAbsent(e.to(), k -> new ArrayList<>(2)).add(e);
            }
        }
        return in.getOrDefault(v, List.of());
    }

    /** Build the graph of {@code vm} as it is now; {@code procs} says what each processor does. */
    private static final java.util.concurrent.atomic.AtomicInteger STAMPS = new java.util.concurrent.atomic.AtomicInteger();

    public static WaitForGraph of(AnalysisHost vm, ProcessorState[] procs) {
        Scheduler s = vm.scheduler();
        int expected = 1 + procs.length + s.onCpu.size() + s.ready.size() + s.waiting.size();
        for (java.util.Collection<SThread> q : s.local) expected += q.size();
        WaitForGraph g = new WaitForGraph(vm.barrier().pending, expected);
        // Each thread once: marked with this graph's stamp (an identity map of 100,000 threads was a
        // third of a look). Graphs of one machine are built under its scheduler's monitor, one at a time.
        int stamp = STAMPS.incrementAndGet();
        java.util.function.Consumer<SThread> see = t -> {
            if (t != null && t.graphStamp != stamp) {
                t.graphStamp = stamp;
                g.threads.add(t);
            }
        };
        see.accept(vm.primordial());
        for (ProcessorState p : procs) if (p != null) see.accept(p.running());
        for (SThread t : s.onCpu) see.accept(t);
        for (SThread t : s.ready) see.accept(t);
        Map<SThread, Integer> queuedOn = new HashMap<>();
        for (int p = 0; p < s.local.length; p++) {
            for (SThread t : s.local[p]) {
                see.accept(t);
                queuedOn.put(t, p);
            }
        }
        for (SThread t : s.waiting) see.accept(t);

        // Processors: the barrier waits for every processor that has not stopped at it.
        for (int p = 0; p < procs.length; p++) {
            ProcessorState ps = procs[p];
            SThread t = ps == null ? null : ps.running();
            if (g.barrierPending && t != null && !ps.atBarrier()) {
                for (int q = 0; q < procs.length; q++) {
                    if (q != p && (procs[q] == null || procs[q].running() == null || procs[q].atBarrier())) {
                        g.edge(new Proc(q), new Proc(p), EdgeKind.WAITS_AT_BARRIER);
                    }
                }
            }
            if (t != null && t.interp.spinningOn != null) g.edge(new Proc(p), t, EdgeKind.RUNS);
        }
        for (SThread t : g.threads) {
            if (t.state == SThread.State.TERMINATED) continue;
            Spinlocks.Spinlock spin = t.spinningOn();
            if (spin != null && t.state == SThread.State.RUNNABLE) {
                g.edge(t, spin, t.interp.polling ? EdgeKind.SPINS_POLLING : EdgeKind.SPINS_WITHOUT_POLLS);
            }
            if (t.state == SThread.State.WAITING) {
                Object on = t.waitingOn;
                boolean timed = t.wakeAt != Long.MAX_VALUE;
                if (on instanceof SyncObjects.Mutex mx) g.edge(t, mx, EdgeKind.WAITS_TO_LOCK, timed);
                else if (on instanceof SyncObjects.CondVar cv) g.edge(t, cv, EdgeKind.WAITS_ON_CONDVAR, timed);
                else if (on instanceof SThread other) g.edge(t, other, EdgeKind.WAITS_FOR_END, timed);
                else if (on == t.mailbox) g.edge(t, new Mailbox(t), EdgeKind.WAITS_FOR_MESSAGE, timed);
                else if (on instanceof safepoint.vm.data.InputPort port) g.edge(t, port, EdgeKind.WAITS_FOR_INPUT, timed);
                else if (on instanceof EventWait ew) syncEdges(g, t, ew);
            } else if (t.state == SThread.State.RUNNABLE && t.onProcessor < 0 && !running(procs, t)) {
                Integer p = queuedOn.get(t);
                if (g.barrierPending) {
                    if (p != null) g.edge(t, new Proc(p), EdgeKind.PARKED_ON);
                    else for (int q = 0; q < procs.length; q++) g.edge(t, new Proc(q), EdgeKind.PARKED_QUEUED_FOR);
                } else if (p != null && procs.length > p && procs[p] != null && procs[p].running() != null
                        && !procs[p].running().interp.polling) {
                    g.edge(t, new Proc(p), EdgeKind.QUEUED_ON);
                    g.edge(new Proc(p), procs[p].running(), EdgeKind.NEVER_POLLS);
                }
            }
        }
        // Locks point at their holders.
        for (SThread t : g.threads) {
            if (t.waitingOn instanceof SyncObjects.Mutex mx && mx.owner != null && !g.out.containsKey(mx)) {
                g.edge(mx, mx.owner, EdgeKind.HELD_BY);
            }
            Spinlocks.Spinlock spin = t.spinningOn();
            SThread holder = spin == null ? null : spin.holder();
            if (holder != null && !g.out.containsKey(spin)) g.edge(spin, holder, EdgeKind.HELD_BY);
        }
        return g;
    }

    /**
     * A :std/event sync: the thread syncs on its set (timed only by a timeout of the program's),
     * which waits for the threads in it to end and for the mutexes in it to be free.
     */
    private static void syncEdges(WaitForGraph g, SThread t, EventWait ew) {
        g.edge(t, ew, EdgeKind.SYNCS_ON, ew.timed());
        for (Object x = ew.objects; x instanceof safepoint.vm.data.Pair p; x = p.cdr) {
            if (p.car instanceof SThread other && other.state != SThread.State.TERMINATED) g.edge(ew, other, EdgeKind.WAITS_FOR_END);
            else if (p.car instanceof SyncObjects.Mutex mx && mx.owner != null) {
                g.edge(ew, mx, EdgeKind.WAITS_TO_LOCK);
                if (!g.out.containsKey(mx)) g.edge(mx, mx.owner, EdgeKind.HELD_BY);
            }
        }
    }

    private static boolean running(ProcessorState[] procs, SThread t) {
        for (ProcessorState p : procs) if (p != null && p.running() == t) return true;
        return false;
    }

    /**
     * A cycle of waits, as its edges in order, or an empty list. Depth-first with colours, so
     * O(V + E); the search starts from the threads in their listed order, so the same graph
     * always gives the same cycle.
     */
    public List<Edge> cycle() {
        if (cycle == null) cycle = findCycle();
        return cycle;
    }

    /** The cycle, once found (a report and its caller both ask). */
    private List<Edge> cycle;

    private List<Edge> findCycle() {
        Map<Object, Integer> colour = new HashMap<>(); // absent white, 1 grey (on the path), 2 black
        List<Object> starts = new ArrayList<>(threads);
        starts.addAll(out.keySet());
        for (Object start : starts) {
            if (colour.containsKey(start)) continue;
            // Iterative DFS: a stack of (vertex, next edge index); the path is the grey vertices' edges.
            List<Object> stack = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            List<Edge> path = new ArrayList<>();
            stack.add(start);
            next.add(0);
            colour.put(start, 1);
            while (!stack.isEmpty()) {
                int top = stack.size() - 1;
                Object v = stack.get(top);
                List<Edge> es = edges(v);
                int i = next.get(top);
                if (i < es.size()) {
                    next.set(top, i + 1);
                    Edge e = es.get(i);
                    if (e.to() == null) continue;
                    Integer c = colour.get(e.to());
                    if (c == null) {
                        colour.put(e.to(), 1);
                        stack.add(e.to());
                        next.add(0);
                        path.add(e);
                    } else if (c == 1) {
                        // Back edge: the cycle runs from e.to() along the path, then e.
                        List<Edge> cyc = new ArrayList<>();
                        int from = 0;
                        while (from < path.size() && path.get(from).from() != e.to() && !path.get(from).from().equals(e.to())) from++;
                        cyc.addAll(path.subList(from, path.size()));
                        cyc.add(e);
                        return cyc;
                    }
                } else {
                    colour.put(v, 2);
                    stack.remove(top);
                    next.remove(top);
                    if (!path.isEmpty()) path.remove(path.size() - 1);
                }
            }
        }
        return List.of();
    }

    /** The chain of waits from {@code v}: each edge followed until a vertex waits on nothing, or a repeat. */
    List<Edge> chain(Object v) {
        List<Edge> chain = new ArrayList<>();
        java.util.Set<Object> visited = new java.util.HashSet<>();
        Object at = v;
        while (at != null && visited.add(at)) {
            List<Edge> es = edges(at);
            if (es.isEmpty()) break;
            Edge e = es.get(0);
            chain.add(e);
            at = e.to();
        }
        return chain;
    }

    /** Whether a chain of waits ends where it passed before: a cycle. */
    static boolean loopsBack(List<Edge> chain) {
        if (chain.isEmpty()) return false;
        Object end = chain.get(chain.size() - 1).to();
        for (Edge e : chain) if (e.from().equals(end)) return true;
        return false;
    }

    /** Threads that wait (on anything but the clock). */
    List<SThread> blocked() {
        List<SThread> b = new ArrayList<>();
        for (SThread t : threads) if (t.state == SThread.State.WAITING && out.containsKey(t)) b.add(t);
        return b;
    }
}
