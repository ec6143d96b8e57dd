package safepoint.vm.interp;

/**
 * The part of the GC barrier (smp.Barrier, which extends this) that every procedure entry
 * reads: a plain field here, so the poll costs what it did when the interpreter read the
 * barrier itself. {@code T} is the barrier's thread type.
 *
 * <p>Locking rule (the barrier's): {@link #pending} is written under the scheduler's monitor
 * and read at polls without it (volatile); {@link #requester} is written under that monitor
 * before {@link #pending} becomes true, so a poll that sees {@code pending} sees the requester.
 */
public abstract class BarrierFlag<T extends Owner> {
    public volatile boolean pending;
    /** The thread that asked for the pending collection (null: the host), or null when none is pending. */
    public T requester;
}
