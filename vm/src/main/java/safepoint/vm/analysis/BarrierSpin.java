package safepoint.vm.analysis;

/**
 * Seed bug 5a as data: the GC barrier waits for processor {@code processor}, whose thread
 * {@code spinner} spins without polls on {@code lock}, held by {@code holder}, who cannot run
 * until the GC is over (or ever). Names only; {@link ExplanationText#barrierSpin} says it in words.
 *
 * @param tableLock       the lock is a table policy's (the global lock, a stripe, a table's own)
 * @param holderWait      what a waiting holder waits for, in a thread view's words; else null
 * @param holderProcessor the processor a parked holder is parked on (P1); null if it is queued for any
 * @param stranded        why nobody will ever release it (a striped release that cleared another stripe), or null
 */
public record BarrierSpin(String processor, String spinner, String lock, boolean tableLock, String holder, Holder holderIs,
        String holderWait, String holderProcessor, String stranded) {

    /** Where the holder is. */
    public enum Holder {
        /** Parked at the safepoint: it stopped for the GC holding the lock. */
        PARKED,
        /** Waiting for something else. */
        WAITING,
        /** Ended, without releasing the lock. */
        ENDED
    }
}
