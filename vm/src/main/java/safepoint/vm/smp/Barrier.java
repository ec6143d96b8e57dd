package safepoint.vm.smp;

import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import safepoint.vm.data.MonitorOrder;
import safepoint.vm.event.Events;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;
import safepoint.vm.gc.GcRequests;
import safepoint.vm.gc.Heap;
import safepoint.vm.interp.BarrierFlag;
import safepoint.vm.interp.Owner;

/**
 * The GC barrier: a collection is requested (by an allocation past the heap's capacity, or by
 * {@code (gc)}), every processor stops at its next poll (an idle one counts as stopped; the
 * requester stops even in code without polls), and once all have arrived the world is collected
 * and released. This is the state the inspector shows: pending, the requester, when it was asked
 * for, and each processor's time to safepoint.
 *
 * <p>Locking rule: {@link #pending} and {@link #requester} (in {@link BarrierFlag}, which every
 * procedure entry reads) are written under the scheduler's monitor; {@code pending} is read by
 * processors at polls without it (volatile), and {@code requester} at entries only to ask whether
 * it is the entering thread (see BarrierFlag); every other field is read and written only under
 * the scheduler's monitor. The collection itself runs under that monitor with every processor
 * stopped.
 */
public final class Barrier extends BarrierFlag<SThread> implements GcRequests {
    /** The scheduler's monitor: requests are made under it, and waiting processors woken on it. */
    private final Object monitor;
    private final IntSupplier processors;
    private final Events events;
    private final Function<SThread, Ref.ThreadRef> threadRef;
    /** The run's clock: virtual nanoseconds in controlled mode, so times to safepoint replay the same. */
    private final LongSupplier clock;
    private final Supplier<Heap> heap;

    // pending and requester: in BarrierFlag, which every procedure entry reads.
    /** When the pending (or last) collection was asked for, on the run's clock. */
    public long requestedAt;
    /** Nanoseconds from the request until each processor stopped, for the last collection; 0: not yet. */
    public long[] timeToSafepoint = new long[0];

    public Barrier(Object monitor, IntSupplier processors, Events events, Function<SThread, Ref.ThreadRef> threadRef,
            LongSupplier clock, Supplier<Heap> heap) {
        this.monitor = monitor;
        this.processors = processors;
        this.events = events;
        this.threadRef = threadRef;
        this.clock = clock;
        this.heap = heap;
    }

    @Override
    public boolean pending() {
        return pending;
    }

    @Override
    public void request(Owner o) {
        SThread t = SThread.of(o);
        synchronized (monitor) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, monitor);
            if (pending) return;
            pending = true;
            requester = t;
            requestedAt = clock.getAsLong();
            timeToSafepoint = new long[processors.getAsInt()];
            if (events.on()) {
                Heap h = heap.get();
                int p = t == null || t.onProcessor < 0 ? 0 : t.onProcessor;
                events.emit(p, new What.GcRequest(threadRef.apply(t), h.liveAfterGc + h.sinceGc.get(), h.capacity));
            }
            monitor.notifyAll();
        }
    }

    /** Record a processor's arrival at the barrier, and its event, the first time; true then. */
    public boolean arrived(int processor) {
        if (processor < timeToSafepoint.length && timeToSafepoint[processor] == 0) {
            timeToSafepoint[processor] = Math.max(1, clock.getAsLong() - requestedAt);
            if (events.on()) events.emit(processor, new What.GcArrive(new Ref.ProcessorRef(processor)));
            return true;
        }
        return false;
    }

    /** Whether processor {@code p} has stopped at the pending collection's barrier. */
    public boolean hasArrived(int p) {
        return pending && p < timeToSafepoint.length && timeToSafepoint[p] > 0;
    }

    /** Every processor is stopped: collect, and release the world. Called under the scheduler's monitor. */
    public void collect() {
        heap.get().collect(requester);
        pending = false;
        requester = null;
    }
}
