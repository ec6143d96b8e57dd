package safepoint.vm.interp;

/**
 * The green thread that runs a set of registers, as this layer sees it (smp.SThread is the one
 * implementation): the registers only ever need to start a wait on it and to know it by
 * identity (the GC barrier's requester, the heap's accounting).
 */
public interface Owner {
    /** The registers this thread runs now. */
    Interp registers();

    /**
     * Mark the thread as waiting on {@code on} until {@code wakeAt} (nanoseconds on the run's
     * clock, Long.MAX_VALUE for no deadline), then returning {@code timeoutValue} if it times out.
     */
    void beginWait(Object on, long wakeAt, Object timeoutValue);
}
