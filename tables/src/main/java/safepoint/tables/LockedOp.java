package safepoint.tables;

import java.util.function.Consumer;

/**
 * An operation run whole under one lock: take it (each failed try is a {@link Step.Spin}), run the
 * operation, release it. With {@code allocateFirst} (per-table, lock-free-reads) the vector the
 * operation would allocate (a rehash's, a copy's) is allocated BEFORE the lock is taken, and checked
 * under it: if the guess went stale, the lock is let go and the allocation made again, so that
 * nothing that holds the lock can request a GC. Without it (global, striped-address), the critical
 * section allocates, as PR #1416's and PR #989's first design do.
 */
final class LockedOp extends TableOp {
    private final TableOp inner;
    private final LockSite site;
    private final WaitPolls polls;
    private final boolean allocateFirst;
    /** Allocated in PREPARE, unlocked; handed to the operation once verified under the lock. */
    private Object[] prepared;
    private Object held;
    private Step.Spin spinning;

    LockedOp(TableOp inner, LockSite site, WaitPolls polls, boolean allocateFirst) {
        super(inner.tab, allocateFirst ? Phase.PREPARE : Phase.ACQUIRE);
        this.inner = inner;
        this.site = site;
        this.polls = polls;
        this.allocateFirst = allocateFirst;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    boolean writes() {
        return inner.writes();
    }

    /** The lock held now, or null. */
    Object held() {
        return held;
    }

    @Override
    boolean holdsNoPollLock() {
        return held != null && polls == WaitPolls.NEVER;
    }

    /**
     * Taking the lock, checking what was allocated for it and the operation's first step are one
     * step (they are all this caller's, under the lock just taken), and so are the operation's
     * last step and the release ({@link #childFinished}); an allocation is a step of its own. So
     * the uncontended path costs no scheduling point that {@code none} does not have: one
     * compare-and-swap before, one store after.
     */
    @Override
    Step run(TableHost host) {
        if (phase == Phase.PREPARE) {
            int w = inner.wants();
            phase = Phase.ACQUIRE;
            if (w != 0) {
                prepared = RawTable.unusedVector(host, w);
                return Step.CONTINUE;
            }
            prepared = null;
        }
        if (phase == Phase.ACQUIRE) {
            Object lock = site.lockNow(host);
            if (!host.tryLock(lock)) return spin(lock);
            if (!site.stillRight(host, lock)) {
                host.unlock(lock);
                return Step.CONTINUE;
            }
            held = lock;
            if (allocateFirst) {
                int w = inner.wants();
                if (w != 0 && (prepared == null || prepared.length != w)) {
                    // the table changed while we were not holding the lock: allocate again, unlocked
                    release(host);
                    return next(Phase.PREPARE);
                }
                if (w != 0) inner.give(prepared);
                prepared = null;
            }
            phase = Phase.LOCKED;
        }
        if (phase != Phase.LOCKED) throw new IllegalStateException(name() + " in phase " + phase);
        return start(inner, host);
    }

    /** The operation's last step ran: release in the same step. */
    @Override
    Step childFinished(TableHost host) {
        if (inner.writes()) tab.version++;
        release(host);
        return finishAs(inner);
    }

    /** The failed try's step, made once per lock met (a spinner tries many times). */
    private Step.Spin spin(Object lock) {
        Step.Spin s = spinning;
        if (s == null || s.lock() != lock) spinning = s = new Step.Spin(lock, polls);
        return s;
    }

    @Override
    Object heldLock() {
        return held;
    }

    @Override
    void letGo(TableHost host) {
        if (held != null) release(host);
    }

    private void release(TableHost host) {
        host.unlock(site.toRelease(host, held));
        held = null;
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        inner.roots(visit);
        if (prepared != null) visit.accept(prepared);
    }
}
