package safepoint.tables;

/**
 * {@code striped-address}: Gambit PR #989's first design, 64 lock words indexed by the table's
 * address, taken before probing and held for the whole operation; the wait never polls (a C spin).
 * The critical section may allocate (a rehash's vector), so a GC can move the table while its
 * stripe is held; the release recomputes the stripe from the new address, clears the wrong one,
 * and leaves the taken one locked for ever (scenario 5e).
 */
final class StripedAddressLock extends WholeOpLocking {
    StripedAddressLock(RawTable tab, LockSite.Striped site) {
        super(tab, new Guard(site, WaitPolls.NEVER, false, false));
    }

    @Override
    public Policy policy() {
        return Policy.STRIPED_ADDRESS;
    }
}
