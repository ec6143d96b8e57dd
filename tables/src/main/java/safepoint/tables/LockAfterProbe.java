package safepoint.tables;

/**
 * {@code lock-after-probe}: Gambit PR #989's final design ({@link LockAfterProbeOp}) for every
 * operation that probes; the others (for-each's snapshot, copy, clear) lock the verified stripe for
 * the whole operation, their vectors allocated before locking. The wait never polls, which is safe
 * only because nothing under the lock can reach a safepoint.
 */
final class LockAfterProbe extends WholeOpLocking {
    private final LockSite site;

    LockAfterProbe(RawTable tab, LockSite.Verified site) {
        super(tab, new Guard(site, WaitPolls.NEVER, true, true));
        this.site = site;
    }

    @Override
    public Policy policy() {
        return Policy.LOCK_AFTER_PROBE;
    }

    @Override
    public TableOp refOp(Object key, Object dflt) {
        return new LockAfterProbeOp(tab, site, () -> tab.refOp(key, dflt));
    }

    @Override
    public TableOp setOp(Object key, Object value) {
        return new LockAfterProbeOp(tab, site, () -> new SetOp(tab, key, value, false, false, true));
    }

    @Override
    public TableOp updateOp(Object key, Object dflt) {
        return new LockAfterProbeOp(tab, site, () -> new SetOp(tab, key, dflt, true, false, true));
    }

    @Override
    public TableOp deleteOp(Object key) {
        return new LockAfterProbeOp(tab, site, () -> tab.deleteOp(key));
    }
}
