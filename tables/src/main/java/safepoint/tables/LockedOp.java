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

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case PREPARE: {
                int w = inner.wants();
                prepared = w == 0 ? null : RawTable.unusedVector(host, w);
                return next(Phase.ACQUIRE);
            }
            case ACQUIRE: {
                Object lock = site.lockNow(host);
                if (!host.tryLock(lock)) return new Step.Spin(lock, polls);
                if (!site.stillRight(host, lock)) {
                    host.unlock(lock);
                    return Step.CONTINUE;
                }
                held = lock;
                return next(allocateFirst ? Phase.VERIFY : Phase.LOCKED);
            }
            case VERIFY: {
                int w = inner.wants();
                if (w != 0 && (prepared == null || prepared.length != w)) {
                    // the table changed while we were not holding the lock: allocate again, unlocked
                    release(host);
                    return next(Phase.PREPARE);
                }
                if (w != 0) inner.give(prepared);
                prepared = null;
                return next(Phase.LOCKED);
            }
            case LOCKED:
                if (!inner.isDone()) return start(inner, host);
                if (inner.writes()) tab.version++;
                release(host);
                return finish(inner.result());
            default:
                throw new IllegalStateException(name() + " in phase " + phase);
        }
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
