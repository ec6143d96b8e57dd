package safepoint.tables;

/** Whether a thread waiting for a table lock polls while it spins (DESIGN.md's "wait polls?"). */
public enum WaitPolls {
    /** It polls: the processor can reach a safepoint (and switch threads) while waiting. */
    ALWAYS,
    /** As the calling code was compiled: no polls inside {@code (declare (not interrupts-enabled))}. */
    AS_COMPILED,
    /** Never, as a C spin with CPU_RELAX: the processor is held until it gets the lock. */
    NEVER
}
