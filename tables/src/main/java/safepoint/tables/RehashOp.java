package safepoint.tables;

import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * {@code __raw-table-rehash!}: same size (a tombstone purge) when count &lt; slots/4, else double.
 * Exactly as Gerbil, it INSTALLS THE NEW EMPTY VECTOR FIRST (table, count := 0, free := new/2) and
 * then re-inserts the live entries of the old vector one by one with {@code __raw-table-set!}; until
 * it ends a reader sees an empty or partial table (scenario 5(d)3).
 *
 * <p>On a {@linkplain RawTable#publishing publishing} table (lock-free-reads) it builds the new
 * vector aside instead and publishes it, with its counts, in one last step: a reader sees the old
 * vector or the whole new one. A vector allocated before the policy took its lock may be given.
 */
final class RehashOp extends TableOp {
    private Object[] old;
    private Object[] fresh;
    private int oldSize;
    private int newSize;
    /** The key slot of the old vector to scan next. */
    private int j;
    private Object pendingKey;
    /** Building aside: the new vector's counts, until published. */
    int count;
    int free;
    private final boolean aside;

    RehashOp(RawTable tab, Object[] spare) {
        super(tab, Phase.ALLOCATE);
        this.fresh = spare;
        this.aside = tab.publishing;
    }

    /** Gerbil's check before a set or update: more than half of the entries have ever been used. */
    static boolean needed(RawTable tab) {
        return tab.free < tab.table.length / 4;
    }

    /** The size a rehash of {@code tab} would make now, in slots. */
    static int newSize(RawTable tab) {
        int oldSize = tab.table.length;
        return tab.count < oldSize / 4 ? oldSize : 2 * oldSize;
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
                newSize = newSize(tab);
                if (newSize < 0) throw new IllegalStateException("raw table too large to grow");
                if (fresh == null || fresh.length != newSize) fresh = RawTable.unusedVector(host, newSize);
                host.rehashStarted(tab, oldSize, newSize);
                j = 0;
                if (aside) {
                    count = 0;
                    free = newSize / 2;
                    return next(Phase.SCAN);
                }
                return next(Phase.INSTALL);
            case INSTALL:
                tab.table = fresh;
                tab.count = 0;
                tab.free = newSize / 2;
                fresh = null;
                host.stepped(tab, new TableStep.Publish(oldSize, newSize));
                return next(Phase.SCAN);
            case SCAN:
                if (j >= oldSize) {
                    if (aside) return next(Phase.PUBLISH);
                    return done(host);
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
                SetOp reinsert = new SetOp(tab, pendingKey, v, false, false);
                if (aside) {
                    reinsert.target = fresh;
                    reinsert.aside = this;
                }
                child = reinsert;
                pendingKey = null;
                return next(Phase.SCAN);
            case PUBLISH:
                VarHandle.releaseFence(); // every entry of the new vector is visible before the vector
                tab.table = fresh;
                tab.count = count;
                tab.free = free;
                fresh = null;
                host.stepped(tab, new TableStep.Publish(oldSize, newSize));
                return done(host);
            default:
                throw new IllegalStateException(name() + " in phase " + phase);
        }
    }

    private Step done(TableHost host) {
        host.rehashFinished(tab, oldSize, newSize);
        old = null;
        return finish(null);
    }

    @Override
    boolean writes() {
        return true;
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
