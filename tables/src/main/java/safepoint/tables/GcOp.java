package safepoint.tables;

/**
 * What the gc-table operations share: their table, and holding its lock word (the table's own, or
 * the machine's {@code __gc-table-lock}) from a take to a release; which operations take it is
 * each one's rule (GcTable's).
 */
abstract class GcOp extends TableOp {
    final GcTable t;
    private boolean held;

    GcOp(GcTable t, Phase first) {
        super(null, first);
        this.t = t;
    }

    /** One try of the lock: on success go to {@code then}, else the spin to report (its wait polls). */
    final Step acquire(TableHost host, Phase then) {
        if (!host.tryLock(t.lock)) return new Step.Spin(t.lock, WaitPolls.ALWAYS);
        held = true;
        return next(then);
    }

    /** Gives the lock back if this operation holds it. */
    final void release(TableHost host) {
        if (held) host.unlock(t.lock);
        held = false;
    }
}
