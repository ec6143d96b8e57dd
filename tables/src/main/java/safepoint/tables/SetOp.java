package safepoint.tables;

import java.util.function.Consumer;

/**
 * {@code raw-table-set!} and {@code raw-table-update!} (with {@code checkLoad}), and their unchecked
 * {@code __raw-table-set!} that a rehash uses to re-insert. Gerbil's order of effects is kept, one
 * effect per step: key slot, value slot, then read and write of count/free (a read-modify-write,
 * so a concurrent writer can lose an update, as on real SMP hardware).
 */
final class SetOp extends ProbingOp {
    enum Outcome { REPLACE, INSERT, RESURRECT }

    private final boolean update;
    private final boolean checkLoad;
    /** The value to store (set), or the default given to the update procedure (update). */
    private Object value;
    private int slot;
    private Outcome outcome;
    private int seenFree;
    private int seenCount;

    SetOp(RawTable tab, Object key, Object valueOrDefault, boolean update, boolean checkLoad) {
        super(tab, key, checkLoad ? Phase.CHECK : Phase.BEGIN);
        this.value = valueOrDefault;
        this.update = update;
        this.checkLoad = checkLoad;
    }

    @Override
    public String name() {
        if (update) return checkLoad ? "raw-table-update!" : "__raw-table-update!";
        return checkLoad ? "raw-table-set!" : "__raw-table-set!";
    }

    Outcome outcome() {
        return outcome;
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case CHECK:
                // rehash first when more than half of the entries have ever been used
                if (tab.free < tab.table.length / 4) {
                    phase = Phase.BEGIN;
                    return start(new RehashOp(tab), host);
                }
                phase = Phase.BEGIN;
                return runProbe(host);
            case WRITE_KEY:
                return writeKey();
            case UPDATED:
                value = answer;
                phase = Phase.WRITE_VALUE;
                return writeValue();
            case WRITE_VALUE:
                return writeValue();
            case READ_COUNTS:
                seenFree = tab.free;
                seenCount = tab.count;
                return next(Phase.WRITE_COUNTS);
            case WRITE_COUNTS:
                if (outcome == Outcome.INSERT) tab.free = seenFree - 1;
                tab.count = seenCount + 1;
                return finish(null);
            default:
                return runProbe(host);
        }
    }

    @Override
    Step atUnused(TableHost host) {
        if (firstDeleted >= 0) {
            slot = firstDeleted;
            outcome = Outcome.RESURRECT;
        } else {
            slot = probe;
            outcome = Outcome.INSERT;
        }
        return next(Phase.WRITE_KEY);
    }

    @Override
    Step atMatch(TableHost host, boolean slotReadNow) {
        slot = probe;
        outcome = Outcome.REPLACE;
        phase = Phase.WRITE_KEY;
        return slotReadNow ? Step.CONTINUE : writeKey();
    }

    private Step writeKey() {
        vec[slot] = key;
        if (update) {
            // Gerbil writes the key, then calls update on the old value (or the default)
            Object old = outcome == Outcome.REPLACE ? vec[slot + 1] : value;
            return await(Phase.AWAIT_UPDATE, new Step.NeedUpdate(old));
        }
        return next(Phase.WRITE_VALUE);
    }

    private Step writeValue() {
        vec[slot + 1] = value;
        if (outcome == Outcome.REPLACE) return finish(null);
        return next(Phase.READ_COUNTS);
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        visit.accept(value);
    }
}
