package safepoint.tables;

import java.util.function.Consumer;

/**
 * {@code __raw-table-rehash!}: same size (a tombstone purge) when count &lt; slots/4, else double.
 * Exactly as Gerbil, it INSTALLS THE NEW EMPTY VECTOR FIRST (table, count := 0, free := new/2) and
 * then re-inserts the live entries of the old vector one by one with {@code __raw-table-set!}; until
 * it ends a reader sees an empty or partial table (scenario 5(d)3).
 */
final class RehashOp extends TableOp {
    private Object[] old;
    private Object[] fresh;
    private int oldSize;
    private int newSize;
    /** The key slot of the old vector to scan next. */
    private int j;
    private Object pendingKey;

    RehashOp(RawTable tab) {
        super(tab, Phase.ALLOCATE);
    }

    @Override
    public String name() {
        return "__raw-table-rehash!";
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case ALLOCATE:
                old = tab.table;
                oldSize = old.length;
                newSize = tab.count < oldSize / 4 ? oldSize : 2 * oldSize;
                if (newSize < 0) throw new IllegalStateException("raw table too large to grow");
                fresh = RawTable.unusedVector(host, newSize);
                host.rehashStarted(tab, oldSize, newSize);
                return next(Phase.INSTALL);
            case INSTALL:
                tab.table = fresh;
                tab.count = 0;
                tab.free = newSize / 2;
                fresh = null;
                j = 0;
                return next(Phase.SCAN);
            case SCAN:
                if (j >= oldSize) {
                    host.rehashFinished(tab, oldSize, newSize);
                    old = null;
                    return finish(null);
                }
                Object k = old[j];
                if (RawTable.isLive(k)) {
                    pendingKey = k;
                    return next(Phase.READ_VALUE);
                }
                j += 2;
                return Step.CONTINUE;
            case READ_VALUE:
                Object v = old[j + 1];
                j += 2;
                child = new SetOp(tab, pendingKey, v, false, false);
                pendingKey = null;
                return next(Phase.SCAN);
            default:
                throw new IllegalStateException(name() + " in phase " + phase);
        }
    }

    /** Slot-pair index in the old vector the scan has reached (for tests and the inspector). */
    int scanned() {
        return j;
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        if (old != null) visit.accept(old);
        if (fresh != null) visit.accept(fresh);
        if (pendingKey != null) visit.accept(pendingKey);
    }
}
