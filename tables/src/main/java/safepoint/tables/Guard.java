package safepoint.tables;

/**
 * How a whole-operation policy locks (global, per-table, striped-address, and the whole-op
 * operations of lock-after-probe and lock-free-reads): where its lock is found, whether its wait
 * polls, and whether what the operation allocates is allocated before locking. One per table, made
 * with its {@link Locking} and shared by the table's operations; the operation itself takes the
 * lock in its first step and gives it back in its last ({@link TableOp#guarded}), so a locked
 * operation is one object with the steps it has under {@code none}, not a wrapper around it.
 */
final class Guard {
    final LockSite site;
    /**
     * The lock when the site finds it by identity (global, per-table), else null: such a lock needs
     * no lookup, no check once held and no lookup at release, so its operations make no call on
     * the site (a call that, with the address-found sites in the same machine, the JIT cannot inline).
     */
    final Object fixed;
    final WaitPolls polls;
    /**
     * Per-table, lock-free-reads and lock-after-probe: a rehash's, copy's or snapshot's vector is
     * allocated unlocked and checked under the lock, so that nothing holding the lock requests a GC.
     * Global and striped-address allocate inside the critical section, as PR #1416 and PR #989's
     * first design do.
     */
    final boolean allocateFirst;
    /**
     * Lock-after-probe only: a write done under the lock counts in the table's {@link
     * RawTable#version}, which its unlocked probes verify against. No other policy reads it, so
     * theirs write nothing more per operation than {@code none} does.
     */
    final boolean countsWrites;
    /** The failed try's step for the last lock met (a spinner tries many times; it is immutable, so shared). */
    private Step.Spin spin;

    Guard(LockSite site, WaitPolls polls, boolean allocateFirst, boolean countsWrites) {
        this.site = site;
        this.fixed = site instanceof LockSite.Fixed f ? f.lock() : null;
        this.polls = polls;
        this.allocateFirst = allocateFirst;
        this.countsWrites = countsWrites;
    }

    /** The step of a failed try of {@code lock}. */
    Step.Spin spin(Object lock) {
        Step.Spin s = spin;
        if (s == null || s.lock() != lock) spin = s = new Step.Spin(lock, polls);
        return s;
    }
}
