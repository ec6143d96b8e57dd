package safepoint.tables;

import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * {@code raw-table-for-each}: walks the vector captured at call time, skipping unused and deleted
 * keys, and yields each entry. It reads the key and, in the next step, the value, as Gerbil does, so
 * a concurrent delete in between shows up as a value of {@link RawTable#ABSENT}.
 */
final class ForEachOp extends TableOp {
    private Object[] vec;
    private int j;
    private Object pendingKey;

    ForEachOp(RawTable tab) {
        super(tab, Phase.CAPTURE);
    }

    /** A walk of {@code snapshot}, a copy a policy took under its lock, instead of the table's vector. */
    ForEachOp(RawTable tab, Object[] snapshot) {
        super(tab, Phase.SCAN);
        this.vec = snapshot;
    }

    @Override
    public String name() {
        return "raw-table-for-each";
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case CAPTURE:
                vec = tab.table;
                j = 0;
                return next(Phase.SCAN);
            case SCAN:
                if (j >= vec.length) {
                    vec = null;
                    return finish(null);
                }
                Object k = vec[j];
                if (tab.publishing) VarHandle.acquireFence(); // a key published after its value
                if (RawTable.isLive(k)) {
                    pendingKey = k;
                    return next(Phase.READ_VALUE);
                }
                j += 2;
                return Step.CONTINUE;
            case READ_VALUE:
                Object key = pendingKey;
                Object value = vec[j + 1];
                pendingKey = null;
                j += 2;
                if (tab.publishing && value instanceof Sentinel) return next(Phase.SCAN); // being deleted
                phase = Phase.SCAN;
                return new Step.Yield(key, value);
            default:
                throw new IllegalStateException(name() + " in phase " + phase);
        }
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        if (vec != null) visit.accept(vec);
        if (pendingKey != null) visit.accept(pendingKey);
    }
}
