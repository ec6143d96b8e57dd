package safepoint.vm.interp;

/**
 * Why {@link Interp#run} returned: what the processor does with the thread next. Checked in this
 * order, so a slice that both blocked and reached its last point is {@link #BLOCKED}.
 */
public enum SliceEnd {
    /** The computation ended: its value is in {@code val}, or an uncaught condition in {@code uncaught}. */
    HALTED,
    /** The thread waits ({@link Interp#block}): it leaves the processor, and the scheduler wakes it. */
    BLOCKED,
    /** Stopped at a poll for a stop-the-world request: the thread goes on first after the GC. */
    SAFEPOINT,
    /** {@code thread-yield!}: the thread gives way to threads waiting to run. */
    YIELDED,
    /** Out of fuel, or stopped at a scheduling point, in code that polls: the processor may switch threads. */
    PREEMPTED,
    /** Stopped in code without polls: not a poll, so the thread keeps its processor (DESIGN.md). */
    NO_POLL
}
