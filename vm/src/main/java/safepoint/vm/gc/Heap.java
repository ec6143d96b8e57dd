package safepoint.vm.gc;

import safepoint.vm.data.MonitorOrder;
import safepoint.vm.Machine;
import safepoint.vm.interp.Global;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.Lambda;
import safepoint.vm.interp.Node;
import safepoint.vm.smp.SThread;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.MString;

/**
 * The simulated heap and its stop-the-world collector. Threads report what they allocate at
 * scheduling points; when the heap is full a collection is requested: every processor stops at
 * its next poll (idle processors count as stopped), the requester's even in code without polls;
 * then Safepoint traces the Scheme heap itself from a fixed order of roots (globals, then
 * threads) with an explicit mark stack, gives the survivors new addresses in trace order (a
 * moving collector: values derived from old addresses go stale, on purpose), and releases
 * everyone. Locking rule: {@link #pending} is written under the scheduler's monitor and read by
 * processors at polls; the collection runs under that monitor while every processor is stopped.
 */
public final class Heap {
    private final Machine vm;
    /** Capacity in words (8 bytes each). */
    public volatile long capacity = (256L << 20) / 8;
    public final AtomicLong sinceGc = new AtomicLong();
    public volatile long liveAfterGc;
    public volatile boolean pending;
    public SThread requester;
    public long requestedAt;
    public int epoch;
    public long collections;
    public long lastPauseNanos;
    public long totalPauseNanos;
    public long lastLive;
    public long lastCleared;
    /** Nanoseconds from the request until each processor stopped, for the last collection. */
    public long[] timeToSafepoint = new long[0];
    private long nextAddress = 1 << 12;

    public Heap(Machine vm) {
        this.vm = vm;
    }

    /** Words in one processor allocation area. */
    static final long AREA_WORDS = 4096;
    private final AtomicLong nextArea = new AtomicLong(1L << 32);

    /**
     * A processor's allocation area: a bump pointer over addresses handed out by the heap. Only
     * the processor that owns it bumps it; it may overshoot its end by one object (the slack).
     */
    public static class Area {
        /** For code run outside any processor (expansion time): objects get no address. */
        public static final Area DETACHED = new Area(null) {
            @Override
            public long bump(long words) {
                return 0;
            }
        };

        private final Heap heap;
        long next;
        long end;

        public Area(Heap heap) {
            this.heap = heap;
        }

        public long bump(long words) {
            if (next >= end) heap.refill(this);
            long a = next;
            next += words * 8;
            return a;
        }
    }

    /** Give an area a fresh range of addresses. */
    void refill(Area a) {
        long start = nextArea.getAndAdd(AREA_WORDS * 8);
        a.next = start;
        a.end = start + AREA_WORDS * 8;
    }

    /** A thread's allocation since its last report; may request a collection. */
    public void account(Interp m, long words) {
        long s = sinceGc.addAndGet(words);
        if (!pending && liveAfterGc + s > capacity) request(m.thread);
    }

    public void request(SThread t) {
        synchronized (vm.scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, vm.scheduler);
            if (pending) return;
            pending = true;
            requester = t;
            requestedAt = System.nanoTime();
            timeToSafepoint = new long[vm.processors];
            vm.event(t, "gc-request", t, "live+allocated " + (liveAfterGc + sinceGc.get()) + " of " + capacity + " words");
            vm.scheduler.notifyAll();
        }
    }

    /** Record a processor's arrival at the barrier; true the first time. */
    public boolean arrived(int processor) {
        if (processor < timeToSafepoint.length && timeToSafepoint[processor] == 0) {
            timeToSafepoint[processor] = Math.max(1, System.nanoTime() - requestedAt);
            return true;
        }
        return false;
    }

    /** Collect now: every processor is stopped. Called under the scheduler's monitor. */
    public void collect() {
        long t0 = System.nanoTime();
        Tracer tr = new Tracer();
        for (Global g : vm.globalCells()) tr.push(g.value);
        tr.push(vm.primordial);
        for (SThread t : vm.scheduler.runnable()) tr.push(t);
        for (SThread t : vm.scheduler.waiting) tr.push(t);
        long live = tr.run();
        epoch++;
        // Weak entries whose keys (or values) nothing else reaches are cleared (make-table weak-keys:).
        long cleared = 0;
        for (safepoint.vm.prims.SchemeTable t : tr.weakTables) cleared += t.clearDead(tr.markValue);
        lastCleared = cleared;
        collections++;
        lastLive = live;
        liveAfterGc = live;
        sinceGc.set(0);
        lastPauseNanos = System.nanoTime() - t0;
        totalPauseNanos += lastPauseNanos;
        pending = false;
        vm.events.emit(0, "gc", "epoch " + epoch, "live " + live + " words, pause " + lastPauseNanos / 1000 + " us");
        SThread r = requester;
        requester = null;
        if (live > capacity && r != null) {
            r.interp.pendingRaise = new safepoint.vm.data.Condition(safepoint.vm.data.Condition.Kind.HEAP_OVERFLOW,
                    "Heap overflow", List.of(), null, List.of(), 0);
        }
    }

    /** Marks from the roots with an explicit stack and moves survivors to new addresses in trace order. */
    private final class Tracer {
        private final ArrayDeque<Object> stack = new ArrayDeque<>();
        private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        final List<safepoint.vm.prims.SchemeTable> weakTables = new ArrayList<>();
        private long live;
        /**
         * This collection's mark: unique in the JVM, so a mark left by another VM (objects such
         * as the empty list are shared) or by a run since rewound never passes for this one's.
         */
        final int markValue = MARKS.incrementAndGet();

        void push(Object o) {
            if (o == null || isLeaf(o)) return;
            if (o instanceof HeapObj h) {
                if (h.mark == markValue) return;
                h.mark = markValue;
            } else if (seen.put(o, Boolean.TRUE) != null) {
                return;
            }
            stack.push(o);
        }

        long run() {
            nextAddress = 1 << 12;
            while (!stack.isEmpty()) {
                Object o = stack.pop();
                long words = scan(o);
                live += words;
                if (o instanceof HeapObj h) {
                    h.addr = nextAddress; // moved: survivors packed in trace order
                    nextAddress += words * 8;
                }
            }
            return live;
        }

        private long scan(Object o) {
            if (o instanceof safepoint.vm.prims.SchemeTable t && (t.weakKeys || t.weakValues)) {
                // Weak references are not traced: only the strong side of each entry.
                weakTables.add(t);
                for (Object[] e : t.entries()) {
                    if (!t.weakKeys) push(e[0]);
                    if (!t.weakValues) push(e[1]);
                }
                return 2 + 2L * t.size();
            }
            if (o instanceof Object[] a) {
                for (Object x : a) push(x);
                return a.length + 1;
            }
            if (o instanceof MString s) return 2 + s.b.length() / 4;
            if (o instanceof Bytevector b) return 2 + b.bytes.length / 8;
            if (o instanceof Collection<?> c) {
                for (Object x : c.toArray()) push(x);
                return c.size() + 2;
            }
            if (o instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : new ArrayList<>(m.entrySet())) {
                    push(e.getKey());
                    push(e.getValue());
                }
                return 2 * m.size() + 2;
            }
            if (o instanceof Interp m) {
                push(m.env);
                push(m.val);
                push(m.k);
                push(m.winders);
                push(m.handlers);
                push(m.params);
                push(m.pendingRaise);
                return 8;
            }
            long words = 1;
            for (Field f : fields(o.getClass())) {
                try {
                    push(f.get(o));
                    words++;
                } catch (IllegalAccessException e) {
                    // A field we may not read holds no Scheme data.
                }
            }
            return words;
        }
    }

    private static boolean isLeaf(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean || o instanceof BigInteger
                || o instanceof String || o instanceof Enum<?> || o instanceof Node || o instanceof Lambda
                || o instanceof Machine || o instanceof Class<?>;
    }

    private static final java.util.concurrent.atomic.AtomicInteger MARKS = new java.util.concurrent.atomic.AtomicInteger();

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    /** Reference fields of Safepoint's own data classes (code, the VM and Java internals excluded). */
    private static List<Field> fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            List<Field> out = new ArrayList<>();
            for (Class<?> x = k; x != null && x != Object.class; x = x.getSuperclass()) {
                if (!x.getName().startsWith("safepoint.")) continue;
                for (Field f : x.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                    if (Node.class.isAssignableFrom(f.getType()) || f.getType() == Machine.class || f.getType() == Lambda.class) continue;
                    try {
                        f.setAccessible(true);
                        out.add(f);
                    } catch (RuntimeException e) {
                        // Not ours to read.
                    }
                }
            }
            return out;
        });
    }
}
