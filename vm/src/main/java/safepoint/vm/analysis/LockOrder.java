package safepoint.vm.analysis;

import safepoint.vm.data.MonitorOrder;
import safepoint.vm.smp.Names;
import safepoint.vm.smp.SThread;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lock-order cycles (DESIGN.md): when a thread takes lock B while holding lock A, the edge A to B
 * of the lock-order graph is recorded with who, where, and which other locks it held. A cycle of
 * any length is a potential deadlock, reported even when the run passed (ThreadSanitizer's
 * lock-order-inversion is the model), but only if it could really close (the Goodlock
 * refinement): its edges are different threads', and no lock is held at two of its edges, so a
 * common "gate" lock taken around both orders, or one thread taking both orders, says nothing.
 * Each set of locks is reported once per run.
 *
 * <p>Locking rule: the fields are guarded by this object's monitor, a leaf of the VM's lock order
 * (MonitorOrder). Mutex operations call in holding the scheduler's monitor; spinlock operations
 * call in without it. The maps are only looked up; what is walked (the edges leaving a lock) is
 * in lists, in the order found, so controlled mode reports the same cycle with the same edges.
 */
public final class LockOrder {
    /**
     * {@code thread} took {@code took} while holding {@code held} and {@code others}: the first
     * time it did so with those others ({@code first}).
     */
    private record Edge(Object held, Object took, SThread thread, List<Object> others, Warning.Acquisition first) {
        /** Every lock held at this edge, its own held lock included. */
        boolean holds(Object lock) {
            return lock == held || others.contains(lock); // List.contains is equals, which locks do not override
        }

        /** Whether this edge and {@code e} could both be waiting at once: other threads, no lock held at both. */
        boolean compatible(Edge e) {
            if (thread == e.thread || e.holds(held)) return false;
            for (Object o : others) if (e.holds(o)) return false;
            return true;
        }
    }

    /**
     * Kinds of edge (thread and other locks) kept per pair of locks; the first ones are kept, so
     * a program with thousands of threads taking the same two locks costs no more than this.
     */
    static final int VARIANTS = 8;
    /** Edges a search for cycles may visit, so a program with many locks taken in many orders stays fast. */
    static final int SEARCH_BUDGET = 10_000;

    /** For lock A, the edges leaving it (locks taken while holding it), in the order found. */
    private final Map<Object, List<Edge>> after = new IdentityHashMap<>();
    /** The lock sets already reported (sorted names). */
    private final Set<List<String>> reported = new HashSet<>();
    private final List<Warning> warnings = new ArrayList<>();

    /** {@code t} now holds {@code lock}. */
    public synchronized void acquired(SThread t, Object lock) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.LOCK_ORDER, this);
        if (t == null) return;
        List<Object> held = t.held();
        for (Object h : held) {
            if (h == lock) continue;
            List<Object> others = new ArrayList<>(held.size());
            for (Object o : held) if (o != h && o != lock) others.add(o);
            List<Edge> from = after.computeIfAbsent(h, k -> new ArrayList<>(2));
            if (!isNew(from, lock, t, others)) continue;
            Edge e = new Edge(h, lock, t, List.copyOf(others),
                    new Warning.Acquisition(Names.name(t), WaitForGraph.name(lock), WaitForGraph.name(h), Names.calls(t.interp.k, 4)));
            from.add(e);
            new CycleSearch(e).from(lock);
        }
        t.hold(lock);
    }

    /** Whether {@code t} taking {@code lock} over {@code others} is a kind of edge not yet kept (and there is room for it). */
    private static boolean isNew(List<Edge> from, Object lock, SThread t, List<Object> others) {
        int kinds = 0;
        for (Edge e : from) {
            if (e.took != lock) continue;
            if (e.thread == t && sameSet(e.others, others)) return false;
            kinds++;
        }
        return kinds < VARIANTS;
    }

    private static boolean sameSet(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) return false;
        for (Object x : a) if (!b.contains(x)) return false;
        return true;
    }

    /**
     * The cycles a new edge {@code closing} (A to B) closes: paths of compatible edges from B back
     * to A through locks not yet on the path, depth first in the order the edges were found.
     */
    private final class CycleSearch {
        final Edge closing;
        final List<Edge> path = new ArrayList<>();
        int budget = SEARCH_BUDGET;

        CycleSearch(Edge closing) {
            this.closing = closing;
            path.add(closing);
        }

        void from(Object lock) {
            for (Edge f : after.getOrDefault(lock, List.of())) {
                if (budget-- <= 0) return;
                if (!compatibleWithPath(f)) continue;
                if (f.took == closing.held) {
                    path.add(f);
                    report();
                    path.remove(path.size() - 1);
                } else if (!onPath(f.took)) {
                    path.add(f);
                    from(f.took);
                    path.remove(path.size() - 1);
                }
            }
        }

        private boolean compatibleWithPath(Edge f) {
            for (Edge e : path) if (!e.compatible(f)) return false;
            return true;
        }

        private boolean onPath(Object lock) {
            for (Edge e : path) if (e.held == lock) return true;
            return false;
        }

        /** The path as a warning: the edges round the cycle from B, the closing edge last (for two locks: earlier, later). */
        private void report() {
            List<Warning.Acquisition> edges = new ArrayList<>(path.size());
            List<String> locks = new ArrayList<>(path.size());
            for (int i = 1; i <= path.size(); i++) {
                Edge e = path.get(i % path.size());
                edges.add(e.first);
                locks.add(e.first.holding());
            }
            Warning.LockOrderInversion w = new Warning.LockOrderInversion(locks, edges);
            if (reported.add(w.identity().names())) warnings.add(w);
        }
    }

    /** {@code owner} no longer holds {@code lock}. */
    public synchronized void released(SThread owner, Object lock) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.LOCK_ORDER, this);
        if (owner != null && owner.held != null) owner.held.remove(lock);
    }

    /** The warnings found since the last call. */
    public synchronized List<Warning> drain() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.LOCK_ORDER, this);
        List<Warning> w = new ArrayList<>(warnings);
        warnings.clear();
        return w;
    }
}
