package safepoint.tables;

/**
 * {@code global}: Gerbil PR #1416's {@code __raw-table-lock}, one spinlock of the whole machine
 * around every operation on every table, reads included. Its wait spins as the calling code was
 * compiled, so inside {@code (declare (not interrupts-enabled))} it never polls; and the critical
 * section allocates (a rehash's vector, a copy, the for-each snapshot), so it may request a GC
 * while holding the lock: with a no-poll spinner on another processor, the barrier deadlocks (5a).
 */
final class GlobalLock extends WholeOpLocking {
    GlobalLock(RawTable tab, Object global) {
        super(tab, new Guard(new LockSite.Fixed(global), WaitPolls.AS_COMPILED, false, false));
    }

    @Override
    public Policy policy() {
        return Policy.GLOBAL;
    }
}
