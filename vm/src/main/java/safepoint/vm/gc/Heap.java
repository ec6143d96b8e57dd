package safepoint.vm.gc;

import safepoint.vm.event.Events;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.Area;
import safepoint.vm.interp.Owner;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Condition;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.MString;
import safepoint.vm.event.What;

/**
 * The simulated heap and its stop-the-world collector. Threads report what they allocate at
 * scheduling points; when the heap is full a collection is requested from the GC barrier
 * ({@link GcRequests}, kept by smp.Barrier), which stops every processor; then Safepoint traces the Scheme heap itself from the machine's {@link Roots}, in their fixed
 * order, with an explicit mark stack over the shared {@link ObjectWalker}, gives the survivors
 * new addresses in trace order (a moving collector: values derived from old addresses go stale,
 * on purpose), and releases everyone. Its own rules: what each object costs in words, weak
 * tables' weak sides untraced, and only an Interp's registers. Locking rule: the collection runs
 * under the scheduler's monitor while every processor is stopped; the allocation counters are
 * atomic or volatile, written by processors as they run.
 */
public final class Heap implements Area.Source {
    private final Roots roots;
    private final GcRequests barrier;
    private final Events events;
    /** Capacity in words (8 bytes each). */
    public volatile long capacity = (256L << 20) / 8;
    public final AtomicLong sinceGc = new AtomicLong();
    public volatile long liveAfterGc;
    public int epoch;
    public long collections;
    public long lastPauseNanos;
    public long totalPauseNanos;
    public long lastLive;
    public long lastCleared;
    private long nextAddress = 1 << 12;

    /** What a pause is measured with: the machine's clock (virtual in controlled mode, so a pause there is the same in every run). */
    private final java.util.function.LongSupplier clock;

    public Heap(Roots roots, GcRequests barrier, Events events) {
        this(roots, barrier, events, System::nanoTime);
    }

    public Heap(Roots roots, GcRequests barrier, Events events, java.util.function.LongSupplier clock) {
        this.roots = roots;
        this.barrier = barrier;
        this.events = events;
        this.clock = clock;
    }

    /** Words in one processor allocation area. */
    static final long AREA_WORDS = 4096;
    private final AtomicLong nextArea = new AtomicLong(1L << 32);

    /** Give an area a fresh range of addresses. */
    @Override
    public void refill(Area a) {
        long start = nextArea.getAndAdd(AREA_WORDS * 8);
        a.reset(start, start + AREA_WORDS * 8);
    }

    /** Thread {@code t}'s allocation since its last report; may request a collection. */
    public void account(Owner t, long words) {
        long s = sinceGc.addAndGet(words);
        if (!barrier.pending() && liveAfterGc + s > capacity) barrier.request(t);
    }

    /**
     * Count {@code words} allocated outside a thread's own accounting (a table's vector): they
     * count since the last GC, and the next scheduling point that reports allocation may request
     * a collection. Heap-overflow when no heap could hold them.
     */
    public void charge(long words) {
        if (words > capacity) throw Condition.of(Condition.Kind.HEAP_OVERFLOW, "Heap overflow");
        sinceGc.addAndGet(words);
    }

    /**
     * Collect now for {@code requester} (who gets heap-overflow if the live data still do not
     * fit): every processor is stopped, under the scheduler's monitor; the barrier opens after.
     */
    public void collect(Owner requester) {
        long t0 = clock.getAsLong();
        if (events.on()) events.emit(0, new What.GcPhase(epoch + 1, What.Phase.TRACE));
        Tracer tr = new Tracer();
        roots.forEachRoot(tr.push);
        long live = tr.run();
        epoch++;
        // Weak entries whose keys (or values) nothing else reaches are cleared (make-table weak-keys:).
        if (events.on()) events.emit(0, new What.GcPhase(epoch, What.Phase.CLEAR_WEAK));
        long cleared = 0;
        for (safepoint.vm.prims.SchemeTable t : tr.weakTables) cleared += t.clearDead(tr.markValue);
        lastCleared = cleared;
        collections++;
        lastLive = live;
        liveAfterGc = live;
        sinceGc.set(0);
        lastPauseNanos = clock.getAsLong() - t0;
        totalPauseNanos += lastPauseNanos;
        if (events.on()) events.emit(0, new What.GcRelease(epoch, live, lastPauseNanos));
        if (live > capacity && requester != null) {
            requester.registers().pendingRaise = Condition.heapOverflow();
        }
    }

    /** Marks from the roots with an explicit stack and moves survivors to new addresses in trace order. */
    private final class Tracer {
        private final ArrayDeque<Object> stack = new ArrayDeque<>();
        private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        final List<safepoint.vm.prims.SchemeTable> weakTables = new ArrayList<>();
        private final Consumer<Object> push = this::push;
        private long live;
        /**
         * This collection's mark: unique in the JVM, so a mark left by another VM (objects such
         * as the empty list are shared) or by a run since rewound never passes for this one's.
         */
        final int markValue = MARKS.incrementAndGet();

        void push(Object o) {
            // Cheapest tests first: most objects are HeapObjs (never atoms or code), and the test
            // for code is an interface test, which costs more when it fails.
            if (o instanceof HeapObj h) {
                if (h.mark == markValue) return;
                h.mark = markValue;
            } else if (o == null) {
                return;
            } else if (ObjectWalker.atom(o)) {
                // Nothing to walk inside, but a boxed atom is heap data all the same.
                if (!immediate(o) && seen.put(o, Boolean.TRUE) == null) live += boxedWords(o);
                return;
            } else if (ObjectWalker.code(o) || seen.put(o, Boolean.TRUE) != null) {
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

        /** Push what {@code o} refers to; its size in words. */
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
            if (o instanceof MString s) return s.words();
            if (o instanceof StringBuilder s) return 2 + s.length() / 4; // a string port's text
            if (o instanceof Bytevector b) return 2 + b.bytes.length / 8;
            if (o instanceof safepoint.vm.data.NumVector v) return v.words();
            if (o instanceof Interp m) {
                // Registers only: the rest of an Interp is the machine's.
                push(m.env);
                push(m.val);
                push(m.k);
                push(m.winders);
                push(m.handlers);
                push(m.params);
                push(m.pendingRaise);
                push(m.pendingAsync);
                return 8;
            }
            ObjectWalker.Shape shape = ObjectWalker.shape(o.getClass());
            int slots = ObjectWalker.forEachRef(o, shape, true, push);
            // A header word, and one more for a collection's or map's own object.
            return 1 + slots + (shape.container() ? 1 : 0);
        }
    }

    /**
     * Atoms that take no heap words here: fixnums, flonums, booleans, enum constants, classes,
     * and Java strings (symbols' names).
     */
    private static boolean immediate(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean || o instanceof String || o instanceof Enum<?>
                || o instanceof Class<?>;
    }

    /** The words a boxed atom takes: a bignum its digits; others (characters, symbols) a header and their fields. */
    private static long boxedWords(Object o) {
        if (o instanceof BigInteger b) return 1 + b.bitLength() / 64;
        return 1 + ObjectWalker.shape(o.getClass()).data().length;
    }

    private static final java.util.concurrent.atomic.AtomicInteger MARKS = new java.util.concurrent.atomic.AtomicInteger();
}
