package safepoint.vm.interp;

/**
 * The part of the GC barrier (smp.Barrier, which extends this) that every procedure entry
 * reads: a plain field here, so the poll costs what it did when the interpreter read the
 * barrier itself. {@code T} is the barrier's thread type.
 *
 * <p>Locking rule (the barrier's, see smp.Barrier): both are written under the scheduler's
 * monitor; {@link #pending} is read at polls without it (volatile). An entry reads
 * {@link #requester} without the monitor only to ask whether its own thread is the requester,
 * which the same Java thread wrote when it asked (in code without polls the requester must stop
 * itself).
 */
public abstract class BarrierFlag<T extends Owner> {
    public volatile boolean pending;
    /** The thread that asked for the pending collection (null: the host), or null when none is pending. */
    public T requester;
}
