package safepoint.vm.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.VmFixture;
import safepoint.vm.lang.Compiler;

/**
 * {@link Interp#run} says what ended the slice, which is all the drivers read to queue the
 * thread: each way a slice ends, run on the primordial thread's registers directly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SliceEndTest {
    private static final String DEFS = """
            (define (loop n) (if (> n 0) (loop (- n 1)) 'done))
            (declare (not interrupts-enabled))
            (define (quiet n) (if (> n 0) (quiet (- n 1)) 'done))
            (declare (interrupts-enabled))
            """;

    /** The registers of a fresh machine's primordial thread, ready to evaluate {@code expr}. */
    private static Interp start(String expr) {
        return start(new VmFixture(), expr);
    }

    /** The same on the machine of {@code f}. */
    private static Interp start(VmFixture f, String expr) {
        f.run(DEFS);
        Interp m = f.vm.primordial.interp;
        m.start(new Compiler(f.vm, "t.ss").compileTop(f.vm.readAll(expr, "t.ss").get(0)), null);
        return m;
    }

    /** What ended each of the slices of these lengths, run one after the other on {@code expr}. */
    private static List<SliceEnd> ends(String expr, int... slices) {
        Interp m = start(expr);
        List<SliceEnd> ends = new ArrayList<>();
        for (int len : slices) ends.add(m.run(len));
        return ends;
    }

    private static final int ALL = 1_000_000;

    @Test
    void aComputationThatEndsHalts() {
        assertEquals(List.of(SliceEnd.HALTED), ends("(loop 10)", ALL));
    }

    @Test
    void runningOutOfFuelInPollingCodeIsAPreemptionAndTheThreadGoesOn() {
        assertEquals(List.of(SliceEnd.PREEMPTED, SliceEnd.HALTED), ends("(loop 1000)", 10, ALL));
    }

    @Test
    void runningOutOfFuelWithoutPollsKeepsTheProcessor() {
        assertEquals(List.of(SliceEnd.NO_POLL, SliceEnd.HALTED), ends("(quiet 1000)", 10, ALL));
    }

    @Test
    void yieldingEndsTheSliceAtOnceAndANewSliceForgetsIt() {
        assertEquals(List.of(SliceEnd.YIELDED, SliceEnd.HALTED), ends("(begin (thread-yield!) (loop 10))", ALL, ALL));
    }

    @Test
    void waitingBlocks() {
        assertEquals(List.of(SliceEnd.BLOCKED), ends("(begin (thread-sleep! 10) (loop 10))", ALL));
    }

    @Test
    void aGcRequestStopsTheRequesterAtTheSafepointOnce() {
        VmFixture f = new VmFixture();
        Interp m = start(f, "(begin (gc) (loop 10))");
        assertEquals(SliceEnd.SAFEPOINT, m.run(ALL));
        assertFalse(m.atSafepoint, "the flag is consumed: the processor joins the barrier");
        assertEquals(SliceEnd.SAFEPOINT, m.run(ALL), "the GC is still pending: stopped at the next poll");
        synchronized (f.vm.scheduler) {
            f.vm.barrier.collect();
        }
        assertEquals(SliceEnd.HALTED, m.run(ALL), "after the GC the thread goes on");
    }
}
