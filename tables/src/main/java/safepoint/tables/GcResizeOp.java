package safepoint.tables;

import java.util.function.Consumer;

/**
 * {@code __gc-table-rehash!}: allocate a new store sized for the table's count, copy the live
 * entries of the store the table has now into it one per step, then install it (a new object: the
 * table's store changes identity and address). Under SEED_RETRY it runs under the machine's
 * {@code __gc-table-lock} and allocates there, as PR #1416's does; under PER_TABLE inside the
 * table's lock, which the operation that asked for it holds, with the store that operation
 * allocated before locking (GcTable's rule); UNLOCKED, two resizes may copy one store and the last
 * wins.
 */
final class GcResizeOp extends GcOp {
    private GcStore from;
    private GcStore to;
    private int next;

    GcResizeOp(GcTable t) {
        this(t, null);
    }

    /** {@code given}: the new store, allocated before the lock was taken and checked to fit (PER_TABLE), or null. */
    GcResizeOp(GcTable t, GcStore given) {
        super(t, t.mode == GcTable.Mode.SEED_RETRY ? Phase.ACQUIRE : Phase.ALLOCATE);
        this.to = given;
    }

    @Override
    public String name() {
        return "gc-table-rehash!";
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case ACQUIRE:
                return acquire(host, Phase.ALLOCATE);
            case ALLOCATE:
                from = t.store;
                if (to == null || !to.sizedFor(from.count)) to = GcStore.allocate(host, from.count, false);
                return next(Phase.COPY);
            case COPY:
                // one live entry per step; a write into `from` behind `next` is not copied
                Object[] v = from.slots;
                while (next < v.length && !RawTable.isLive(v[next])) next += 2;
                if (next < v.length) {
                    to.insert(host, v[next], v[next + 1]);
                    host.stepped(t, new TableStep.Copy(next));
                    next += 2;
                    return Step.CONTINUE;
                }
                return next(Phase.INSTALL);
            default:
                t.install(host, from, to);
                host.stepped(t, new TableStep.Publish(from.slots.length, to.slots.length));
                release(host);
                return finish(null);
        }
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        if (from != null) visit.accept(from);
        if (to != null) visit.accept(to);
    }
}
