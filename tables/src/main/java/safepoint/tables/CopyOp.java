package safepoint.tables;

import java.util.function.Consumer;

/**
 * {@code raw-table-copy}: {@code ##structure-copy} (count, free, hash, test, seed as they are now),
 * then {@code vector-copy} of the table's vector as it is one step later, one entry per step.
 * A shallow copy: keys and values are shared.
 */
final class CopyOp extends TableOp {
    private int count;
    private int free;
    private Object[] src;
    private Object[] dst;
    private int j;

    CopyOp(RawTable tab) {
        super(tab, Phase.CAPTURE);
    }

    @Override
    public String name() {
        return "raw-table-copy";
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case CAPTURE:
                count = tab.count;
                free = tab.free;
                return next(Phase.ALLOCATE);
            case ALLOCATE:
                src = tab.table;
                dst = spareOr(host, src.length, false);
                j = 0;
                return next(Phase.COPY);
            case COPY:
                if (j >= src.length) {
                    RawTable copy = new RawTable(dst, count, free, tab.hash, tab.test, tab.seed);
                    src = dst = null;
                    return finish(copy);
                }
                dst[j] = src[j];
                dst[j + 1] = src[j + 1];
                j += 2;
                return Step.CONTINUE;
            default:
                throw new IllegalStateException(name() + " in phase " + phase);
        }
    }

    @Override
    int wants() {
        return phase == Phase.CAPTURE ? tab.table.length : 0;
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        if (src != null) visit.accept(src);
        if (dst != null) visit.accept(dst);
    }
}
