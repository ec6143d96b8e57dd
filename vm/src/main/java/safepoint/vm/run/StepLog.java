package safepoint.vm.run;

import safepoint.vm.interp.Footprint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of one dfs run that a dpor search ({@code search.DporSearch}) reads: a step is what
 * one processor ran from one scheduling choice to the next, with the decision that started it,
 * the thread choice that put its thread on the processor (if one came just before), and its
 * footprint: the objects it read and wrote ({@link Footprint}), or unknown (dependent with every
 * step). Two extra writes are the scheduler's own: {@link #QUEUES} when the queues of threads
 * waiting to run changed during the step or just before it (an idle processor took a thread; who runs next
 * depends on the order of such steps), and an unknown footprint for every step taken while a
 * collection is pending or that asked for one (the barrier involves every processor).
 *
 * <p>One run, one thread (the controller's): no locking.
 */
public final class StepLog implements Footprint {
    /**
     * One step: decision and thread choice indices (-1 when none), processor, thread index, what
     * it touched; {@code stops}: its thread could not go on after it (it blocked, ended, yielded
     * or gave way at a spinlock), so switching away from it after this step was free; {@code enabled}: the threads it
     * started; {@code gaveWay}: it yielded or failed a spinlock try (its thread is not offered again at once).
     */
    public record Step(int decision, int pick, int processor, int thread, Object[] reads, Object[] writes, boolean unknown, boolean stops,
            int[] enabled, boolean gaveWay) {
        /** A step that made no thread runnable and did not give way. */
        public Step(int decision, int pick, int processor, int thread, Object[] reads, Object[] writes, boolean unknown, boolean stops) {
            this(decision, pick, processor, thread, reads, writes, unknown, stops, NONE, false);
        }
    }

    private static final int[] NONE = new int[0];

    /** Stands for the scheduler's queues in a footprint. */
    public static final Object QUEUES = new Object() {
        @Override
        public String toString() {
            return "the run queues";
        }
    };

    private final List<Step> steps = new ArrayList<>();
    private final Map<Object, Boolean> touched = new IdentityHashMap<>();
    private boolean open;
    private boolean unknown;
    private boolean stops;
    private boolean gaveWay;
    /** The threads the open step started. */
    private final List<Integer> enabled = new ArrayList<>();
    private int decision;
    private int pick;
    private int processor;
    private int thread;
    private int[] queuesAtBegin;
    /** The queues when the last step ended (null before the first). */
    private int[] queuesAtEnd;

    /** A new step of {@code thread} on {@code processor}; the previous one ends (see {@link #end}). */
    void begin(int decision, int pick, int processor, int thread, int[] queues, boolean gcPending) {
        end(queues, gcPending);
        open = true;
        this.decision = decision;
        this.pick = pick;
        this.processor = processor;
        this.thread = thread;
        queuesAtBegin = queues;
        unknown = gcPending;
        stops = false;
        gaveWay = false;
        // An idle processor took a thread from a queue between the steps: the step after it
        // stands for the take. A thread put straight on an idle processor (a spawn, a wake) was
        // placed by the step that did it, which the thread's own objects already order.
        if (queuesAtEnd != null && !java.util.Arrays.equals(queues, queuesAtEnd)) touch(QUEUES, true);
    }

    /** The step under way ends: the queues as they are now, and whether a collection is pending now. */
    void end(int[] queues, boolean gcPending) {
        if (!open) return;
        if (!java.util.Arrays.equals(queues, queuesAtBegin)) touch(QUEUES, true);
        queuesAtEnd = queues;
        if (gcPending) unknown = true;
        List<Object> reads = new ArrayList<>();
        List<Object> writes = new ArrayList<>();
        for (Map.Entry<Object, Boolean> e : touched.entrySet()) (e.getValue() ? writes : reads).add(e.getKey());
        steps.add(new Step(decision, pick, processor, thread, reads.toArray(), writes.toArray(), unknown, stops,
                enabled.isEmpty() ? NONE : enabled.stream().mapToInt(Integer::intValue).toArray(), gaveWay));
        touched.clear();
        enabled.clear();
        open = false;
    }

    @Override
    public void touch(Object o, boolean write) {
        if (!open) return;
        if (write) touched.put(o, Boolean.TRUE);
        else touched.putIfAbsent(o, Boolean.FALSE);
    }

    /** How the step's last slice ended: whether its thread can go on (the last slice of a step decides). */
    void stopped(boolean stopped, boolean gaveWay) {
        if (open) {
            stops = stopped;
            this.gaveWay = gaveWay;
        }
    }

    @Override
    public void unknown() {
        unknown = true;
    }

    /** Only within a step: a start outside one orders nothing here, so it stays a race. */
    @Override
    public void enabled(int index) {
        if (open) enabled.add(index);
    }

    /** The steps so far (the run has ended: the last step is closed first). */
    List<Step> steps(int[] queues, boolean gcPending) {
        end(queues, gcPending);
        return steps;
    }
}
