package safepoint.tables;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Gerbil's raw table ({@code __table::t}, src/gerbil/runtime/table.ss): open addressing over one flat
 * vector, key at slot 2i and value at 2i+1, quadratic probing {@code start + i + i^2}, sentinels
 * {@link #UNUSED} / {@link #DELETED} / {@link #ABSENT}, rehash before a set or update when
 * {@code free < slots/4}, never shrinking. Unsynchronized by design: see package-info.
 *
 * <p>Every operation is a {@link TableOp} made by one of the {@code ...Op} methods and run step by
 * step by the caller; {@link TableRunner} runs one to completion for Java callers.
 */
public final class RawTable {
    /** Key of a never-used entry (Gambit's {@code #!unused}); a walk ends here. */
    public static final Object UNUSED = new Sentinel("#!unused");
    /** Key of a deleted entry, a tombstone (Gambit's {@code #!deleted}); a walk goes on past it. */
    public static final Object DELETED = new Sentinel("#!deleted");
    /** Value of a deleted entry (Gambit's {@code #!absent}). */
    public static final Object ABSENT = new Sentinel("#!absent");

    /** Slots of a table made without a size hint (8 entries). */
    public static final int DEFAULT_SLOTS = 16;
    /** Largest vector this model makes: a hint that needs more is refused. */
    public static final int MAX_SLOTS = 1 << 30;

    // Gerbil's six fields. Plain fields on purpose: no volatile, no lock.
    Object[] table;
    int count;
    int free;
    final HashSpec hash;
    final TestSpec test;
    final long seed;
    /**
     * Set by the lock-free-reads policy before the table is shared: writers order their effects for
     * readers that take no lock (value before key, no tombstone reuse, a rehash or clear builds a
     * vector aside and publishes it with one store) and readers treat a sentinel value as a miss.
     */
    boolean publishing;
    /** Completed writes under a lock, for the policies that verify after probing (lock-after-probe). */
    int version;

    RawTable(Object[] table, int count, int free, HashSpec hash, TestSpec test, long seed) {
        this.table = table;
        this.count = count;
        this.free = free;
        this.hash = hash;
        this.test = test;
        this.seed = seed;
    }

    /**
     * {@code raw-table-size-hint->size}: no hint (0 or less) gives 16 slots; a hint h gives
     * {@code max(2, 2^(integer-length h)) * 4} slots, a power of two so that the probe walk visits
     * every entry. The result may exceed {@link #MAX_SLOTS}; {@link #make} refuses that.
     */
    public static long slotsForHint(long sizeHint) {
        if (sizeHint <= 0) return DEFAULT_SLOTS;
        int integerLength = 64 - Long.numberOfLeadingZeros(sizeHint);
        if (integerLength > 60) return Long.MAX_VALUE;
        return Math.max(2L, 1L << integerLength) * 4;
    }

    /**
     * {@code make-raw-table size-hint hash test seed}: a vector of {@code unused}, count 0,
     * free = slots/2. {@code sizeHint <= 0} means no hint.
     *
     * @throws IllegalArgumentException when the hint asks for more than {@link #MAX_SLOTS} slots
     */
    public static RawTable make(TableHost host, long sizeHint, HashSpec hash, TestSpec test, long seed) {
        long slots = slotsForHint(sizeHint);
        if (slots > MAX_SLOTS) throw new IllegalArgumentException("raw table size hint too large: " + sizeHint);
        Object[] v = unusedVector(host, (int) slots);
        return new RawTable(v, 0, v.length / 2, hash, test, seed);
    }

    // The specializations of defspecialized-table (default seed 0). Their algorithm is the generic one;
    // only the hash and test differ.

    /** {@code make-eq-table}: eq-hash, eq?. */
    public static RawTable makeEqTable(TableHost host, long sizeHint, long seed) {
        return make(host, sizeHint, HashSpec.EQ, TestSpec.EQ, seed);
    }

    /** {@code make-eqv-table}: eqv-hash, eqv?. */
    public static RawTable makeEqvTable(TableHost host, long sizeHint, long seed) {
        return make(host, sizeHint, HashSpec.EQV, TestSpec.EQV, seed);
    }

    /** {@code make-symbolic-table} (symbols and keywords): ##symbol-hash, eq?. */
    public static RawTable makeSymbolicTable(TableHost host, long sizeHint, long seed) {
        return make(host, sizeHint, HashSpec.SYMBOL, TestSpec.EQ, seed);
    }

    /** {@code make-string-table}: ##string=?-hash, ##string=?. */
    public static RawTable makeStringTable(TableHost host, long sizeHint, long seed) {
        return make(host, sizeHint, HashSpec.STRING, TestSpec.STRING, seed);
    }

    /** {@code make-immediate-table} (non-heap keys): the object word, eq?. */
    public static RawTable makeImmediateTable(TableHost host, long sizeHint, long seed) {
        return make(host, sizeHint, HashSpec.IMMEDIATE, TestSpec.EQ, seed);
    }

    /** A generic table on equal? with Gambit's equal?-hash ({@code make-hash-table} with no hash). */
    public static RawTable makeEqualTable(TableHost host, long sizeHint, long seed) {
        return make(host, sizeHint, HashSpec.EQUAL, TestSpec.EQUAL, seed);
    }

    /** A generic table with the user's {@code hash:} and {@code test:} procedures. */
    public static RawTable makeGeneric(TableHost host, long sizeHint, Object hashProcedure,
                                       Object testProcedure, long seed) {
        return make(host, sizeHint, HashSpec.procedure(hashProcedure), TestSpec.procedure(testProcedure), seed);
    }

    // ---- operations, each a step machine

    /** {@code raw-table-ref tab key default}. Done with the value, or {@code dflt}. */
    /** A copy of this table in {@code v} (a vector of as many slots, from the host): its fields and entries, at once. */
    RawTable copyInto(Object[] v) {
        System.arraycopy(table, 0, v, 0, table.length);
        return new RawTable(v, count, free, hash, test, seed);
    }

    public TableOp refOp(Object key, Object dflt) {
        return new RefOp(this, key, dflt);
    }

    /** {@code raw-table-set! tab key value}, rehashing first if needed. Done with null. */
    public TableOp setOp(Object key, Object value) {
        return new SetOp(this, key, value, false, true);
    }

    /**
     * {@code raw-table-update! tab key update default}, rehashing first if needed. Asks once with
     * {@link Step.NeedUpdate} (old value, or {@code dflt}) for the value to store. Done with null.
     */
    public TableOp updateOp(Object key, Object dflt) {
        return new SetOp(this, key, dflt, true, true);
    }

    /** {@code raw-table-delete! tab key}. Done with null. */
    public TableOp deleteOp(Object key) {
        return new DeleteOp(this, key);
    }

    /** {@code raw-table-for-each tab proc}: yields each live entry of the vector captured at its first step. */
    public TableOp forEachOp() {
        return new ForEachOp(this);
    }

    /** {@code raw-table-copy}: done with the new {@link RawTable}. */
    public TableOp copyOp() {
        return new CopyOp(this);
    }

    /** {@code raw-table-clear!}: done with null. */
    public TableOp clearOp() {
        return new ClearOp(this);
    }

    // ---- fields, for the VM, the inspector and tests

    /** {@code &raw-table-count}: live entries (as the counter says; a race can make it wrong). */
    public int count() {
        return count;
    }

    /** Entries never used since the last rehash or clear (as the counter says). */
    public int free() {
        return free;
    }

    /** The current vector itself (not a copy): read it, never write it. */
    public Object[] vector() {
        return table;
    }

    /** Vector length in slots (2 per entry). */
    public int slots() {
        return table.length;
    }

    public HashSpec hash() {
        return hash;
    }

    public TestSpec test() {
        return test;
    }

    public long seed() {
        return seed;
    }

    /** True for a key slot holding a real key (not {@link #UNUSED} nor {@link #DELETED}). */
    public static boolean isLive(Object key) {
        return key != UNUSED && key != DELETED;
    }

    /** Visits the vector and the procedures of the specs (the tracer scans the vector past sentinels). */
    public void roots(Consumer<Object> visit) {
        visit.accept(table);
        if (hash.procedure() != null) visit.accept(hash.procedure());
        if (test.procedure() != null) visit.accept(test.procedure());
    }

    static Object[] vector(TableHost host, int slots) {
        Object[] v = host.allocate(slots);
        if (v == null || v.length != slots)
            throw new IllegalStateException("TableHost.allocate(" + slots + ") returned a wrong vector");
        return v;
    }

    static Object[] unusedVector(TableHost host, int slots) {
        Object[] v = vector(host, slots);
        Arrays.fill(v, UNUSED);
        return v;
    }

    @Override
    public String toString() {
        return "#<raw-table count " + count + " free " + free + " slots " + table.length + ">";
    }
}
