package safepoint.tables;

import java.util.function.Consumer;

/**
 * The gc-table operations on the whole store: {@code gc-table-for-each} (a snapshot of the store
 * taken in one step, under the table's lock if it has one, then walked unlocked, so the callback
 * may use the table), {@code gc-table-copy} (the entries re-inserted into a new table in one step)
 * and {@code gc-table-clear!} (a fresh 16-entry store installed; under SEED_RETRY, under the
 * machine's {@code __gc-table-lock}, as PR #1416's).
 */
final class GcWholeOp extends GcOp {
    enum Kind {
        FOR_EACH, COPY, CLEAR
    }

    private final Kind kind;
    /** The copy's own lock word (PER_TABLE), or the shared one. */
    Object copyLock;
    private Object[] snapshot;
    private int next;
    /** PER_TABLE: the store a clear installs or a copy fills, allocated before the lock is taken. */
    private GcStore prepared;
    /** PER_TABLE: the vector a copy of the immediate keys' table fills, allocated with {@link #prepared}. */
    private Object[] immediateCopy;

    GcWholeOp(GcTable t, Kind kind) {
        super(t, !locks(t, kind) ? Phase.CAPTURE : allocatesFirst(t, kind) ? Phase.PREPARE : Phase.ACQUIRE);
        this.kind = kind;
    }

    /** PER_TABLE's clear and copy: their store is allocated unlocked (GcTable's rule). */
    private static boolean allocatesFirst(GcTable t, Kind kind) {
        return t.mode == GcTable.Mode.PER_TABLE && kind != Kind.FOR_EACH;
    }

    private static boolean locks(GcTable t, Kind kind) {
        return t.mode == GcTable.Mode.PER_TABLE || t.mode == GcTable.Mode.SEED_RETRY && kind == Kind.CLEAR;
    }

    @Override
    public String name() {
        return switch (kind) {
            case FOR_EACH -> "gc-table-for-each";
            case COPY -> "gc-table-copy";
            case CLEAR -> "gc-table-clear!";
        };
    }

    @Override
    boolean writes() {
        return kind == Kind.CLEAR;
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case PREPARE:
                prepared = kind == Kind.CLEAR ? GcStore.sized(host, 16, true) : GcStore.allocate(host, t.store.count, true);
                RawTable imm = t.immediate;
                if (kind == Kind.COPY && imm != null) immediateCopy = RawTable.vector(host, imm.table.length);
                return next(Phase.ACQUIRE);
            case ACQUIRE:
                return acquire(host, Phase.CAPTURE);
            case CAPTURE:
                boolean staleCopy = immediateCopy != null && (t.immediate == null || t.immediate.table.length != immediateCopy.length)
                        || immediateCopy == null && t.immediate != null;
                if (kind == Kind.COPY && prepared != null && (!prepared.sizedFor(t.store.count) || staleCopy)) {
                    // the count moved while unlocked: let go, allocate again
                    release(host);
                    return next(Phase.PREPARE);
                }
                return capture(host);
            default:
                // FOR_EACH walking its snapshot, unlocked
                while (next < snapshot.length && !RawTable.isLive(snapshot[next])) next += 2;
                if (next >= snapshot.length) return finish(null);
                next += 2;
                return new Step.Yield(snapshot[next - 2], snapshot[next - 1]);
        }
    }

    private Step capture(TableHost host) {
        GcStore g = t.store;
        Object result = null;
        switch (kind) {
            case FOR_EACH -> {
                // heap keys, then the immediate ones (Gerbil's order)
                t.freshen(host, g);
                Object[] imm = t.immediate == null ? new Object[0] : t.immediate.table;
                snapshot = java.util.Arrays.copyOf(g.slots, g.slots.length + imm.length);
                System.arraycopy(imm, 0, snapshot, g.slots.length, imm.length);
                phase = Phase.SCAN;
            }
            case COPY -> {
                Object lock = copyLock != null ? copyLock : t.lock;
                GcTable c = prepared != null ? GcTable.with(prepared, t.mode, lock) : GcTable.make(host, g.count, t.mode, lock);
                Object[] v = g.slots;
                for (int i = 0; i < v.length; i += 2) if (RawTable.isLive(v[i])) c.store.insert(host, v[i], v[i + 1]);
                // the immediate keys' table is copied as raw-table-copy does, into the vector
                // allocated with the store (before the lock, under PER_TABLE)
                if (t.immediate != null) c.immediate = t.immediate.copyInto(immediateCopy != null ? immediateCopy : RawTable.vector(host, t.immediate.table.length));
                result = c;
            }
            default -> {
                t.store = prepared != null ? prepared : GcStore.sized(host, 16, true);
                t.immediate = null; // made again by the next immediate set
            }
        }
        prepared = null;
        immediateCopy = null;
        release(host);
        return kind == Kind.FOR_EACH ? Step.CONTINUE : finish(result);
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        if (snapshot != null) visit.accept(snapshot);
        if (prepared != null) visit.accept(prepared);
        if (immediateCopy != null) visit.accept(immediateCopy);
    }
}
