package safepoint.tables;

import java.util.function.Consumer;

/**
 * Gerbil's gc-table (reference section 2; Gerbil's runtime {@code table.ss} "gc tables"): a table
 * whose backing store, a {@link GcStore} like Gambit's gcht, hashes keys by their simulated
 * address. So every moving GC leaves the entries stale; the first access in a new GC epoch places
 * them again (a read that writes, as Gambit's lazy rehash; an event each time), and a store that
 * overfills (or empties below its minimum) is replaced by a new one: a new object, with a new
 * identity and address.
 *
 * <h2>Concurrency rule</h2>
 * The {@link #store} field and the store are plain fields. Each operation reads the store once
 * and works on that one; how writers are kept apart is the table's {@link Mode}, each enforced in
 * {@link GcAccessOp} and {@link GcResizeOp}:
 * <ul>
 * <li>{@code UNLOCKED} (under {@code --locks none}): nothing; a set into a store that a concurrent
 *     resize has replaced is lost (scenario 5(c)).</li>
 * <li>{@code SEED_RETRY} (under {@code global}, PR #1416): resize and clear under the machine-wide
 *     {@code __gc-table-lock}, and after a set, if the store is no longer the one written, the set
 *     again. A resize that is copying when the set writes, and installs after the check, still
 *     loses it: the retry narrows the window without closing it.</li>
 * <li>{@code PER_TABLE} (every other policy): the table's own lock, identity-found, around the
 *     whole operation (read the store, rehash, probe, write, resize). Its wait polls, so a GC may
 *     come while it is held; nothing breaks, since the lock is found by identity. And nothing
 *     that holds it allocates, so no holder requests a GC: a resize's new store, a clear's and a
 *     copy's are allocated with the lock not held (a set that overfills the store lets it go,
 *     allocates, and takes it again), sized from a count read unlocked, and checked under the
 *     lock; a guess gone stale lets the lock go and allocates again, and a store another caller
 *     replaced meanwhile makes the operation start again on the new one.</li>
 * </ul>
 */
public final class GcTable {
    /** How the table's writers are kept apart (see the rule above). */
    public enum Mode {
        UNLOCKED, SEED_RETRY, PER_TABLE;

        /** The gc-table mode a {@code --locks} policy gives. */
        public static Mode of(Policy p) {
            return switch (p) {
                case NONE -> UNLOCKED;
                case GLOBAL -> SEED_RETRY;
                default -> PER_TABLE;
            };
        }
    }

    GcStore store;
    /**
     * Keys without an address (fixnums, characters, booleans: not {@code ##mem-allocated?}), in a
     * raw immediate-table of their own, made on the first such set (Gerbil's gc-table: "gcht don't
     * seem to work with mixed keys"); null until then. Under the table's mode as the store is.
     */
    RawTable immediate;
    final Mode mode;
    /** The table's own lock (PER_TABLE) or the machine's {@code __gc-table-lock} (SEED_RETRY); null when UNLOCKED. */
    final Object lock;
    /** Resizes (new stores installed) and GC rehashes so far. */
    int resizes;
    int gcRehashes;

    private GcTable(GcStore store, Mode mode, Object lock) {
        this.store = store;
        this.mode = mode;
        this.lock = lock;
    }

    /**
     * {@code make-gc-table size-hint}: room for about {@code sizeHint} entries. {@code lock}: the
     * table's own lock word for PER_TABLE, the machine's {@code __gc-table-lock} for SEED_RETRY.
     */
    public static GcTable make(TableHost host, long sizeHint, Mode mode, Object lock) {
        if (sizeHint > RawTable.MAX_SLOTS / 4) throw new IllegalArgumentException("gc table size hint too large: " + sizeHint);
        if (mode != Mode.UNLOCKED && lock == null) throw new IllegalArgumentException(mode + " needs a lock word");
        return new GcTable(GcStore.allocate(host, Math.max(sizeHint, 0), true), mode, mode == Mode.UNLOCKED ? null : lock);
    }

    /** A table over {@code store}, allocated by its caller (a copy's, before it took a lock). */
    static GcTable with(GcStore store, Mode mode, Object lock) {
        return new GcTable(store, mode, mode == Mode.UNLOCKED ? null : lock);
    }

    /** {@code gc-table-ref tab key default}. */
    public TableOp refOp(Object key, Object dflt) {
        return new GcAccessOp(this, GcAccessOp.Kind.REF, key, dflt);
    }

    /** {@code gc-table-set! tab key value}. */
    public TableOp setOp(Object key, Object value) {
        return new GcAccessOp(this, GcAccessOp.Kind.SET, key, value);
    }

    /** {@code gc-table-update! tab key update default}: a ref, one NeedUpdate, then a set (not atomic, as Gerbil's). */
    public TableOp updateOp(Object key, Object dflt) {
        return new GcAccessOp(this, GcAccessOp.Kind.UPDATE, key, dflt);
    }

    /** {@code gc-table-delete! tab key}. */
    public TableOp deleteOp(Object key) {
        return new GcAccessOp(this, GcAccessOp.Kind.DELETE, key, null);
    }

    /** {@code gc-table-for-each tab proc}: yields the live entries of the store as it is at the first step. */
    public TableOp forEachOp() {
        return new GcWholeOp(this, GcWholeOp.Kind.FOR_EACH);
    }

    /** {@code gc-table-copy}: done with the new GcTable (same mode; its own lock from {@code copyLock}). */
    public TableOp copyOp(Object copyLock) {
        GcWholeOp op = new GcWholeOp(this, GcWholeOp.Kind.COPY);
        op.copyLock = copyLock;
        return op;
    }

    /** {@code gc-table-clear!}: installs a fresh store of 16 entries. */
    public TableOp clearOp() {
        return new GcWholeOp(this, GcWholeOp.Kind.CLEAR);
    }

    /** {@code gc-table-length}. */
    public int length() {
        return store.count + (immediate == null ? 0 : immediate.count);
    }

    /** The immediate keys' raw table, or null while none was set. */
    public RawTable immediates() {
        return immediate;
    }

    public GcStore store() {
        return store;
    }

    public Mode mode() {
        return mode;
    }

    public int resizes() {
        return resizes;
    }

    public int gcRehashes() {
        return gcRehashes;
    }

    /** The store, for the tracer (it scans the slots past the sentinels). */
    public void roots(Consumer<Object> visit) {
        visit.accept(store);
        if (immediate != null) visit.accept(immediate.table);
    }

    /** Installs {@code s} as the table's store: a resize's publication. */
    void install(TableHost host, GcStore old, GcStore s) {
        store = s;
        resizes++;
        host.gcTableRehashed(this, true, old.slots.length, s.slots.length);
    }

    /** The first step of every operation on a store: a GC since it was placed means place it again. */
    void freshen(TableHost host, GcStore s) {
        if (s.epoch == host.gcEpoch()) return;
        s.rehashInPlace(host);
        gcRehashes++;
        host.gcTableRehashed(this, false, s.slots.length, s.slots.length);
    }

    @Override
    public String toString() {
        return "#<gc-table count " + store.count + " entries " + store.entries() + ">";
    }
}
