package safepoint.tables;

import java.util.function.Consumer;

/**
 * A gc-table operation on a key without an address (a fixnum, a character, a boolean: not
 * {@code ##mem-allocated?}): Gerbil's gc-table keeps those in a raw immediate-table of its own,
 * made on the first set, since a store hashed by address cannot hold them (reference 2.1, 2.4).
 * The raw table's operation runs as this one's child, under the gc-table's lock when its mode has
 * one, and as GcTable's rule says nothing holding that lock allocates: the immediate table, and a
 * vector its rehash wants, are allocated first, unlocked, and checked once locked.
 */
final class GcImmediateOp extends GcOp {
    private final GcAccessOp.Kind kind;
    private final Object key;
    private final Object given;
    /** Allocated unlocked: the immediate table (when there is none yet), and the vector a rehash of it wants. */
    private RawTable madeTable;
    private Object[] madeVector;
    private TableOp raw;

    GcImmediateOp(GcTable t, GcAccessOp.Kind kind, Object key, Object given) {
        super(t, Phase.PREPARE);
        this.kind = kind;
        this.key = key;
        this.given = given;
    }

    @Override
    public String name() {
        return kind.procedure;
    }

    @Override
    boolean writes() {
        return kind.writes();
    }

    private boolean inserts() {
        return kind == GcAccessOp.Kind.SET || kind == GcAccessOp.Kind.UPDATE;
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case PREPARE:
                // unlocked: what the insert may need, guessed from the table as it is now
                RawTable imm = t.immediate;
                if (inserts() && imm == null && madeTable == null) madeTable = RawTable.makeImmediateTable(host, 0, 0);
                if (inserts() && imm != null && RehashOp.needed(imm)) madeVector = RawTable.unusedVector(host, RehashOp.newSize(imm));
                return next(t.mode == GcTable.Mode.PER_TABLE ? Phase.ACQUIRE : Phase.LOCKED);
            case ACQUIRE:
                return acquire(host, Phase.LOCKED);
            case LOCKED:
                return begin(host);
            case RELEASE:
                return end(host, raw.result());
            default:
                throw new IllegalStateException(name() + " in phase " + phase);
        }
    }

    /** Locked (or unlocked by mode): install the table made for it if still none, check the vector, start the raw op. */
    private Step begin(TableHost host) {
        if (t.immediate == null) {
            if (!inserts()) return end(host, kind == GcAccessOp.Kind.REF ? given : null);
            if (madeTable == null) return retry(host);
            t.immediate = madeTable;
        }
        madeTable = null;
        RawTable imm = t.immediate;
        raw = switch (kind) {
            case REF -> imm.refOp(key, given);
            case SET -> imm.setOp(key, given);
            case UPDATE -> imm.updateOp(key, given);
            case DELETE -> imm.deleteOp(key);
        };
        int wants = raw.wants();
        if (wants != 0) {
            if (madeVector == null || madeVector.length != wants) return retry(host);
            raw.give(madeVector);
        }
        madeVector = null;
        phase = Phase.RELEASE;
        return start(raw, host);
    }

    /** The guess went stale while unlocked: let go, allocate again. */
    private Step retry(TableHost host) {
        release(host);
        madeVector = null;
        return next(Phase.PREPARE);
    }

    private Step end(TableHost host, Object result) {
        release(host);
        return finish(result);
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        visit.accept(key);
        if (given != null) visit.accept(given);
        if (madeVector != null) visit.accept(madeVector);
        if (madeTable != null) visit.accept(madeTable.table);
        if (raw != null) raw.roots(visit);
    }
}
