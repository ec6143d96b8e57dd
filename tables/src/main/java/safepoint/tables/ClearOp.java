package safepoint.tables;

import java.util.function.Consumer;

/**
 * {@code raw-table-clear!}: fills the same vector with unused (one entry per step), then resets
 * count := 0 and free := slots/2. The table keeps its size: it never shrinks.
 */
final class ClearOp extends TableOp {
    private Object[] vec;
    private int j;

    ClearOp(RawTable tab) {
        super(tab, Phase.CAPTURE);
    }

    @Override
    public String name() {
        return "raw-table-clear!";
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case CAPTURE:
                vec = tab.table;
                j = 0;
                return next(Phase.FILL);
            case FILL:
                if (j >= vec.length) {
                    vec = null;
                    return next(Phase.RESET);
                }
                vec[j] = RawTable.UNUSED;
                vec[j + 1] = RawTable.UNUSED;
                j += 2;
                return Step.CONTINUE;
            case RESET:
                tab.count = 0;
                tab.free = tab.table.length / 2;
                return finish(null);
            default:
                throw new IllegalStateException(name() + " in phase " + phase);
        }
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        if (vec != null) visit.accept(vec);
    }
}
