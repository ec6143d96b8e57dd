package safepoint.tables;

/**
 * {@code lock-free-reads}: reads take no lock, writers take the table's own lock as under
 * per-table (allocating before locking; the wait polls). Readers never see a half-built table
 * because the table is {@linkplain RawTable#publishing publishing}: a rehash or a clear builds its
 * vector aside and publishes it with one release store, and a new entry is written value first,
 * key last, never into a tombstone (tombstones wait for the next rehash to be purged: the price).
 * A copy takes the lock (its counts and entries must agree); a for-each walks the published vector
 * unlocked.
 */
final class LockFreeReads extends PerTableLock {
    LockFreeReads(RawTable tab, Object lock) {
        super(tab, lock);
        tab.publishing = true;
    }

    @Override
    public Policy policy() {
        return Policy.LOCK_FREE_READS;
    }

    @Override
    public TableOp refOp(Object key, Object dflt) {
        return tab.refOp(key, dflt);
    }

    @Override
    public TableOp forEachOp() {
        return tab.forEachOp();
    }
}
