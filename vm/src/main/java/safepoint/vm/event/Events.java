package safepoint.vm.event;

import safepoint.vm.data.MonitorOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The VM's event stream (DESIGN.md "Observation"; schema in docs/events.md). Each processor
 * appends to its own buffer, so recording costs no shared lock: lossless when a run is recorded
 * ({@link Mode#RECORD}: tests, trace export), a bounded ring that drops the oldest and counts them
 * when live ({@link Mode#LIVE}: the REPL, the inspector). Events name objects without serial
 * numbers, so observing never changes what a program prints.
 */
public final class Events {
    public enum Mode { OFF, LIVE, RECORD }

    /** One event: a per-VM sequence number, the processor, what happened, to what, and details. */
    public record Event(long seq, int processor, long nanos, String kind, String subject, String detail) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%6d P%d %-14s %s%s", seq, processor, kind, subject,
                    detail.isEmpty() ? "" : " " + detail);
        }
    }

    static final int LIVE_CAPACITY = 4096;

    private volatile Mode mode = Mode.LIVE;
    private final java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();
    private final long t0 = System.nanoTime();
    private Buffer[] buffers = new Buffer[] {new Buffer()};

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

    public synchronized void ensureProcessors(int n) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.EVENTS, this);
        if (buffers.length >= n) return;
        Buffer[] b = java.util.Arrays.copyOf(buffers, n);
        for (int i = buffers.length; i < n; i++) b[i] = new Buffer();
        buffers = b;
    }

    public void emit(int processor, String kind, String subject, String detail) {
        Mode m = mode;
        if (m == Mode.OFF) return;
        Buffer[] bs = buffers;
        Buffer b = bs[Math.max(0, Math.min(processor, bs.length - 1))];
        Event e = new Event(seq.incrementAndGet(), Math.max(0, processor), System.nanoTime() - t0, kind, subject, detail);
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
