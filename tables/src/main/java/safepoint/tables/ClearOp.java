package safepoint.tables;

import java.lang.invoke.VarHandle;
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
                if (tab.publishing) {
                    Object[] fresh = spareOr(host, tab.table.length, true);
                    host.stepped(tab, new TableStep.Publish(tab.table.length, fresh.length));
                    VarHandle.releaseFence();
                    tab.table = fresh; // readers see the old entries or none, never a half-cleared walk
                    tab.count = 0;
                    tab.free = fresh.length / 2;
                    return finish(null);
                }
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
                host.stepped(tab, new TableStep.Counts(0, tab.free));
                return finish(null);
            default:
                throw new IllegalStateException(name() + " in phase " + phase);
        }
    }

    @Override
    int wants() {
        return tab.publishing && phase == Phase.CAPTURE ? tab.table.length : 0;
    }

    @Override
    boolean writes() {
        return true;
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        if (vec != null) visit.accept(vec);
    }
}
