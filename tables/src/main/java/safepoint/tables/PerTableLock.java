package safepoint.tables;

/**
 * {@code per-table}: one lock per table, found by identity (it moves with the table), around every
 * operation, reads included. Its wait polls, so a waiter's processor can reach the GC barrier; and
 * nothing under the lock allocates (a rehash's or a copy's vector is allocated before locking and
 * checked under it), so a holder never requests a GC.
 */
class PerTableLock extends WholeOpLocking {
    private final Object lock;

    PerTableLock(RawTable tab, Object lock) {
        super(tab, new Guard(new LockSite.Fixed(lock), WaitPolls.ALWAYS, true, false));
        this.lock = lock;
    }

    @Override
    public Policy policy() {
        return Policy.PER_TABLE;
    }

    @Override
    public Object lock() {
        return lock;
    }
}
