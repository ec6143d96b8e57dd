package safepoint.vm.event;

import safepoint.vm.data.MonitorOrder;
import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.HeapObj;

/**
 * The VM's event stream (DESIGN.md "Observation"; schema in docs/events.md). Each processor
 * appends to its own buffer, so recording costs no shared lock: lossless when a run is recorded
 * ({@link Mode#RECORD}: tests, trace export), a bounded ring that drops the oldest and counts them
 * when live ({@link Mode#LIVE}: the REPL, the inspector). Events are records ({@link What}) that
 * name objects by {@link Ref}s, never by serial numbers, so observing never changes what a program
 * prints; emit sites build them only when {@link #on()}.
 *
 * <p>Locking rule: each buffer's monitor and the id table's monitor are leaves. They may be taken
 * under any other monitor (emit sites often hold the scheduler's), and nothing is taken while one
 * is held.
 */
public final class Events {
    public enum Mode { OFF, LIVE, RECORD }

    /**
     * One event: a per-VM sequence number (a total order), the processor that emitted it, its time
     * (nanoseconds since the VM started in free run, the virtual clock in controlled mode), and what
     * happened.
     */
    public record Event(long seq, int processor, long nanos, What what) {}

    static final int LIVE_CAPACITY = 4096;

    private volatile Mode mode = Mode.LIVE;
    private final java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();
    private final long t0 = System.nanoTime();
    private Buffer[] buffers = new Buffer[] {new Buffer()};
    /** Controlled mode's virtual clock while a controlled run goes on, else null (wall clock). */
    private volatile java.util.function.LongSupplier virtualClock;
    /** Observer ids of objects that are not heap objects (raw tables; heap objects keep theirs in a field). */
    private final java.util.WeakHashMap<Object, Integer> ids = new java.util.WeakHashMap<>();
    private int lastId;

    /** Per-processor buffer; only its processor appends (guarded by its own monitor for readers). */
    private static final class Buffer {
        final ArrayList<Event> events = new ArrayList<>();
        int start; // ring start in LIVE mode
        long dropped;
    }

    public void setMode(Mode m) {
        mode = m;
        clear();
    }

    public Mode mode() {
        return mode;
    }

    /** Whether events are kept: emit sites build their records only then. */
    public boolean on() {
        return mode != Mode.OFF;
    }

    /** Whether the run is recorded losslessly (then schedule choices are events too). */
    public boolean recording() {
        return mode == Mode.RECORD;
    }

    /** Time events by {@code clock} (controlled mode's virtual nanoseconds), or by the wall clock when null. */
    public void useVirtualClock(java.util.function.LongSupplier clock) {
        virtualClock = clock;
    }

    /** The stable observer id of {@code o}: given on first request, 1, 2, 3, ... per VM. */
    public long id(Object o) {
        if (o instanceof HeapObj h) {
            int id = h.observerId;
            if (id != 0) return id;
            synchronized (ids) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.EVENTS, ids);
                if (h.observerId == 0) h.observerId = ++lastId;
                return h.observerId;
            }
        }
        synchronized (ids) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.EVENTS, ids);
            return ids.computeIfAbsent(o, k -> ++lastId);
        }
    }

    public synchronized void ensureProcessors(int n) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.EVENTS, this);
        if (buffers.length >= n) return;
        Buffer[] b = java.util.Arrays.copyOf(buffers, n);
        for (int i = buffers.length; i < n; i++) b[i] = new Buffer();
        buffers = b;
    }

    public void emit(int processor, What what) {
        Mode m = mode;
        if (m == Mode.OFF) return;
        Buffer[] bs = buffers;
        Buffer b = bs[Math.max(0, Math.min(processor, bs.length - 1))];
        java.util.function.LongSupplier vc = virtualClock;
        long nanos = vc != null ? vc.getAsLong() : System.nanoTime() - t0;
        Event e = new Event(seq.incrementAndGet(), Math.max(0, processor), nanos, what);
        synchronized (b) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.EVENT_BUFFER, b);
            if (m == Mode.LIVE && b.events.size() - b.start >= LIVE_CAPACITY) {
                b.start++;
                b.dropped++;
                if (b.start > LIVE_CAPACITY) {
                    b.events.subList(0, b.start).clear();
                    b.start = 0;
                }
            }
            b.events.add(e);
        }
    }

    /** All buffered events of every processor, in sequence order. */
    public List<Event> snapshot() {
        List<Event> all = new ArrayList<>();
        for (Buffer b : buffers) {
            synchronized (b) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.EVENT_BUFFER, b);
                all.addAll(b.events.subList(b.start, b.events.size()));
            }
        }
        all.sort((x, y) -> Long.compare(x.seq(), y.seq()));
        return all;
    }

    /** Events dropped by the live rings. */
    public long dropped() {
        long d = 0;
        for (Buffer b : buffers) {
            synchronized (b) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.EVENT_BUFFER, b);
                d += b.dropped;
            }
        }
        return d;
    }

    public void clear() {
        for (Buffer b : buffers) {
            synchronized (b) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.EVENT_BUFFER, b);
                b.events.clear();
                b.start = 0;
                b.dropped = 0;
            }
        }
    }
}
