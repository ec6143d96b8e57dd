package safepoint.vm.gc;

import safepoint.vm.interp.Owner;

/**
 * What the heap asks of the GC barrier (smp.Barrier, above this package): whether a collection
 * is pending, and to request one when allocation passes the capacity.
 */
public interface GcRequests {
    boolean pending();

    /** Ask for a collection on behalf of {@code t} (null: the host); nothing if one is pending. */
    void request(Owner t);
}
