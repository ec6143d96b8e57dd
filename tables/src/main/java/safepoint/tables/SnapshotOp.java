package safepoint.tables;

/**
 * A copy of the table's vector in one step, taken under a policy's lock so that a for-each can
 * then walk it unlocked while its callback runs (PR #1416's snapshot): the callback may use this
 * table, or others, without deadlocking on a lock its own thread holds.
 */
final class SnapshotOp extends TableOp {
    SnapshotOp(RawTable tab) {
        super(tab, Phase.CAPTURE);
    }

    @Override
    public String name() {
        return "raw-table-for-each";
    }

    @Override
    Step run(TableHost host) {
        Object[] v = tab.table;
        Object[] copy = spareOr(host, v.length, false);
        System.arraycopy(v, 0, copy, 0, v.length);
        return finish(copy);
    }

    @Override
    int wants() {
        return phase == Phase.CAPTURE ? tab.table.length : 0;
    }
}
