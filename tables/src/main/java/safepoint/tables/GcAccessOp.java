package safepoint.tables;

import java.util.function.Consumer;

/**
 * {@code gc-table-ref}, {@code -set!}, {@code -update!} and {@code -delete!} as a step machine:
 * (lock), read (capture) the store field, place it again if a GC moved its keys, probe, write, (resize and
 * re-do; under PER_TABLE: unlock, allocate the new store, lock, check it, resize and re-do), (verify), (unlock). Each is one step, so another processor's steps may come between the
 * read of the store and the write into it: the window of scenario 5(c). What locks is the table's
 * {@link GcTable.Mode}, as GcTable's rule says.
 */
final class GcAccessOp extends GcOp {
    /** The operation, by the Gerbil procedure it models. */
    enum Kind {
        REF("gc-table-ref"), SET("gc-table-set!"), UPDATE("gc-table-update!"), DELETE("gc-table-delete!");

        final String procedure;

        Kind(String procedure) {
            this.procedure = procedure;
        }

        boolean writes() {
            return this != REF;
        }
    }

    private final Kind kind;
    private final Object key;
    /** The value to set, or the default of a ref or update. */
    private final Object given;
    /** What the write stores: the value to set, or the update's answer. */
    private Object toStore;
    private boolean setting;
    /** The store this operation read and works on. */
    private GcStore g;
    private int slot;
    /** PER_TABLE: the new store for a resize, allocated with the lock let go; checked once it is taken again. */
    private GcStore prepared;
    /** Decided at the first step: a key without an address goes to the immediate table (GcImmediateOp). */
    private boolean routed;
    private GcImmediateOp immediate;

    GcAccessOp(GcTable t, Kind kind, Object key, Object given) {
        super(t, Phase.BEGIN);
        this.kind = kind;
        this.key = key;
        this.given = given;
        this.setting = kind == Kind.SET;
        this.toStore = given;
        this.phase = t.mode == GcTable.Mode.PER_TABLE ? Phase.ACQUIRE : Phase.CAPTURE;
    }

    @Override
    public String name() {
        return kind.procedure;
    }

    @Override
    boolean writes() {
        return kind.writes();
    }

    @Override
    Step run(TableHost host) {
        if (!routed) {
            routed = true;
            if (host.immediate(key)) {
                // not ##mem-allocated?: the store hashed by address cannot hold it (Gerbil's rule)
                immediate = new GcImmediateOp(t, kind, key, given);
                return start(immediate, host);
            }
        }
        if (immediate != null) return finish(immediate.result());
        if (phase == Phase.UPDATED) {
            // the update's answer: now a gc-table-set!, which reads the store afresh
            toStore = answer;
            setting = true;
            phase = Phase.CAPTURE;
        }
        switch (phase) {
            case ACQUIRE:
                return acquire(host, prepared != null ? Phase.LOCKED : Phase.CAPTURE);
            case PREPARE:
                // unlocked: a holder of the table's lock never allocates, so never requests a GC
                prepared = GcStore.allocate(host, t.store.count, false);
                return next(Phase.ACQUIRE);
            case LOCKED:
                return resizeWithPrepared(host);
            case CAPTURE:
                g = t.store;
                t.freshen(host, g);
                phase = Phase.PROBE;
                return Step.CONTINUE;
            case PROBE:
                return probe(host);
            case WRITE_KEY:
                return write(host);
            default:
                // the seed's verify-and-retry: a set into a store that is no longer the table's is done again
                if (t.store != g) {
                    phase = Phase.CAPTURE;
                    return Step.CONTINUE;
                }
                return end(host, null);
        }
    }

    private Step probe(TableHost host) {
        slot = g.find(host, key);
        if (slot >= 0) host.stepped(t, new TableStep.Probe(2 * slot));
        boolean found = g.holds(host, slot, key);
        if (!setting && kind != Kind.DELETE) {
            Object v = found ? g.slots[2 * slot + 1] : given;
            if (kind == Kind.REF) return end(host, v);
            return await(Phase.AWAIT_UPDATE, new Step.NeedUpdate(v));
        }
        if (!setting && !found) return end(host, null);
        phase = Phase.WRITE_KEY;
        return Step.CONTINUE;
    }

    private Step write(TableHost host) {
        // No unused entry left (only racing writers can do that): grow, then set again.
        boolean resize = slot < 0 || (setting ? g.put(slot, key, toStore) : g.delete(slot));
        if (slot >= 0) {
            host.stepped(t, new TableStep.WriteKey(2 * slot));
            host.stepped(t, new TableStep.WriteValue(2 * slot + 1));
            host.stepped(t, new TableStep.Counts(g.count, g.free));
        }
        if (resize && t.mode == GcTable.Mode.PER_TABLE) {
            // the new store is allocated with the lock let go, then the resize runs under it again
            release(host);
            return next(Phase.PREPARE);
        }
        if (resize) {
            phase = Phase.CAPTURE; // Gerbil re-does the set (or delete) on the new store
            return start(new GcResizeOp(t), host);
        }
        if (setting && t.mode == GcTable.Mode.SEED_RETRY) {
            phase = Phase.VERIFY;
            return Step.CONTINUE;
        }
        return end(host, null);
    }

    /**
     * Locked again after allocating {@link #prepared}: resize with it if the store still needs
     * it and it is the right size, else allocate again (the count moved meanwhile), or, if another
     * caller resized meanwhile, drop it; then the set (or delete) is done again, on the new store.
     */
    private Step resizeWithPrepared(TableHost host) {
        GcStore now = t.store;
        GcStore given = prepared;
        prepared = null;
        phase = Phase.CAPTURE;
        if (now != g || !now.needsResize()) return Step.CONTINUE;
        if (!given.sizedFor(now.count)) {
            release(host);
            return next(Phase.PREPARE);
        }
        return start(new GcResizeOp(t, given), host);
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
        if (toStore != null) visit.accept(toStore);
        if (g != null) visit.accept(g);
        if (prepared != null) visit.accept(prepared);
        if (immediate != null) immediate.roots(visit);
    }
}
