package safepoint.vm.analysis;

import safepoint.vm.data.MonitorOrder;
import safepoint.vm.smp.Names;
import safepoint.vm.smp.SThread;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lock-order inversions (DESIGN.md): when a thread takes lock B while holding lock A, the order
 * A then B is recorded with where it happened; a later B-then-A is a potential deadlock, reported
 * even when the run passed (ThreadSanitizer's lock-order-inversion is the model).
 *
 * <p>Locking rule: the fields are guarded by this object's monitor, a leaf of the VM's lock order
 * (MonitorOrder). Mutex operations call in holding the scheduler's monitor; spinlock operations
 * call in without it.
 */
public final class LockOrder {
    /** For lock A, the locks taken while holding it, each with the first time it happened. */
    private final Map<Object, Map<Object, Warning.Acquisition>> after = new IdentityHashMap<>();
    private final List<Warning> warnings = new ArrayList<>();

    /** {@code t} now holds {@code lock}. */
    public synchronized void acquired(SThread t, Object lock) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.LOCK_ORDER, this);
        if (t == null) return;
        for (Object held : t.held()) {
            if (held == lock) continue;
            Map<Object, Warning.Acquisition> then = after.computeIfAbsent(held, k -> new IdentityHashMap<>());
            if (then.containsKey(lock)) continue;
            Warning.Acquisition here = new Warning.Acquisition(Names.name(t), WaitForGraph.name(lock), WaitForGraph.name(held),
                    Names.calls(t.interp.k, 4));
            then.put(lock, here);
            Warning.Acquisition other = after.getOrDefault(lock, Map.of()).get(held);
            if (other != null) warnings.add(new Warning.LockOrderInversion(here.took(), here.holding(), other, here));
        }
        t.hold(lock);
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
