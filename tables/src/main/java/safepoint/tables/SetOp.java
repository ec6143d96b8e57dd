package safepoint.tables;

import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * {@code raw-table-set!} and {@code raw-table-update!} (with {@code checkLoad}), and their unchecked
 * {@code __raw-table-set!} that a rehash uses to re-insert. Gerbil's order of effects is kept, one
 * effect per step: key slot, value slot, then read and write of count/free (a read-modify-write,
 * so a concurrent writer can lose an update, as on real SMP hardware).
 *
 * <p>On a {@linkplain RawTable#publishing publishing} table (lock-free-reads) a new entry is written
 * value first, then its key (a release store), and never into a tombstone, so that a reader that
 * takes no lock sees either no entry or a whole one.
 */
final class SetOp extends ProbingOp {
    enum Outcome { REPLACE, INSERT, RESURRECT }

    private final boolean update;
    private final boolean checkLoad;
    /** Named as the public operation even when the policy does the load check itself. */
    private final boolean named;
    /** The value to store (set), or the default given to the update procedure (update). */
    private Object value;
    private int slot;
    private Outcome outcome;
    private int seenFree;
    private int seenCount;
    /** Re-inserting into a vector built aside: the counts go to that rehash, not to the table. */
    RehashOp aside;

    SetOp(RawTable tab, Object key, Object valueOrDefault, boolean update, boolean checkLoad) {
        this(tab, key, valueOrDefault, update, checkLoad, checkLoad);
    }

    SetOp(RawTable tab, Object key, Object valueOrDefault, boolean update, boolean checkLoad, boolean named) {
        super(tab, key, checkLoad ? Phase.CHECK : Phase.BEGIN);
        this.value = valueOrDefault;
        this.update = update;
        this.checkLoad = checkLoad;
        this.named = named;
    }

    @Override
    public String name() {
        if (update) return named ? "raw-table-update!" : "__raw-table-update!";
        return named ? "raw-table-set!" : "__raw-table-set!";
    }

    Outcome outcome() {
        return outcome;
    }

    @Override
    int wants() {
        return checkLoad && phase == Phase.CHECK && RehashOp.needed(tab) ? RehashOp.newSize(tab) : 0;
    }

    @Override
    boolean writes() {
        return true;
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case CHECK:
                // rehash first when more than half of the entries have ever been used
                phase = Phase.BEGIN;
                if (RehashOp.needed(tab)) {
                    Object[] given = spare;
                    spare = null;
                    return start(new RehashOp(tab, given), host);
                }
                return runProbe(host);
            case WRITE_KEY:
                return writeKey(host);
            case UPDATED:
                value = answer;
                phase = Phase.WRITE_VALUE;
                return writeValue(host);
            case WRITE_VALUE:
                return writeValue(host);
            case READ_COUNTS:
                seenFree = aside != null ? aside.free : tab.free;
                seenCount = aside != null ? aside.count : tab.count;
                return next(Phase.WRITE_COUNTS);
            case WRITE_COUNTS:
                if (aside != null) {
                    if (outcome == Outcome.INSERT) aside.free = seenFree - 1;
                    aside.count = seenCount + 1;
                    return finish(null);
                }
                if (outcome == Outcome.INSERT) tab.free = seenFree - 1;
                tab.count = seenCount + 1;
                host.stepped(tab, new TableStep.Counts(tab.count, tab.free));
                return finish(null);
            default:
                return runProbe(host);
        }
    }

    /** A new entry written value first (lock-free-reads), so its key publishes it whole. */
    private boolean valueFirst() {
        return tab.publishing && outcome != Outcome.REPLACE;
    }

    @Override
    Step atUnused(TableHost host) {
        if (firstDeleted >= 0 && !tab.publishing) {
            slot = firstDeleted;
            outcome = Outcome.RESURRECT;
        } else {
            slot = probe;
            outcome = Outcome.INSERT;
        }
        if (valueFirst()) {
            if (update) return await(Phase.AWAIT_UPDATE, new Step.NeedUpdate(value));
            return next(Phase.WRITE_VALUE);
        }
        return next(Phase.WRITE_KEY);
    }

    @Override
    Step atMatch(TableHost host, boolean slotReadNow) {
        slot = probe;
        outcome = Outcome.REPLACE;
        phase = Phase.WRITE_KEY;
        return slotReadNow ? Step.CONTINUE : writeKey(host);
    }

    private Step writeKey(TableHost host) {
        if (valueFirst()) {
            VarHandle.releaseFence(); // the value is visible before the key that publishes it
            vec[slot] = key;
            host.stepped(tab, new TableStep.WriteKey(slot));
            return next(Phase.READ_COUNTS);
        }
        vec[slot] = key;
        host.stepped(tab, new TableStep.WriteKey(slot));
        if (update) {
            // Gerbil writes the key, then calls update on the old value (or the default)
            Object old = outcome == Outcome.REPLACE ? vec[slot + 1] : value;
            return await(Phase.AWAIT_UPDATE, new Step.NeedUpdate(old));
        }
        return next(Phase.WRITE_VALUE);
    }

    private Step writeValue(TableHost host) {
        vec[slot + 1] = value;
        host.stepped(tab, new TableStep.WriteValue(slot + 1));
        if (valueFirst()) return next(Phase.WRITE_KEY);
        if (outcome == Outcome.REPLACE) return finish(null);
        return next(Phase.READ_COUNTS);
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        visit.accept(value);
    }
}
