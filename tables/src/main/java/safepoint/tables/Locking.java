package safepoint.tables;

/**
 * A table under a locking {@link Policy}: the operations of {@link RawTable}, each wrapped as the
 * policy wraps it. One subclass per policy; each is its whole rule. Made once per table, before
 * the table is shared ({@code lock-free-reads} changes how the table's own writers order their
 * effects), and kept for the table's life: a table keeps the policy it was made under.
 */
public abstract class Locking {
    final RawTable tab;

    Locking(RawTable tab) {
        this.tab = tab;
    }

    /**
     * {@code tab} under {@code policy}. {@code owner} is the object whose address the
     * address-indexed policies read (the VM's table object); {@code locks} the machine's shared
     * lock words; {@code lockName} names a per-table lock in reports.
     */
    public static Locking of(Policy policy, RawTable tab, Object owner, TableLocks locks, TableHost host, String lockName) {
        return switch (policy) {
            case NONE -> new NoLocking(tab);
            case GLOBAL -> new GlobalLock(tab, locks.global(host));
            case PER_TABLE -> new PerTableLock(tab, host.newLock(lockName));
            case STRIPED_ADDRESS -> new StripedAddressLock(tab, new LockSite.Striped(locks, owner));
            case LOCK_AFTER_PROBE -> new LockAfterProbe(tab, new LockSite.Verified(locks, owner));
            case LOCK_FREE_READS -> new LockFreeReads(tab, host.newLock(lockName));
        };
    }

    public abstract Policy policy();

    public final RawTable table() {
        return tab;
    }

    /** The table's own lock word (per-table, lock-free-reads), or null when it has none. */
    public Object lock() {
        return null;
    }

    public abstract TableOp refOp(Object key, Object dflt);

    public abstract TableOp setOp(Object key, Object value);

    public abstract TableOp updateOp(Object key, Object dflt);

    public abstract TableOp deleteOp(Object key);

    public abstract TableOp forEachOp();

    public abstract TableOp copyOp();

    public abstract TableOp clearOp();

    /** A for-each that snapshots the vector under {@code locked}'s lock and walks the copy unlocked. */
    final TableOp snapshotThenWalk(TableOp lockedSnapshot) {
        return new ThenOp(lockedSnapshot, v -> new ForEachOp(tab, (Object[]) v));
    }
}
