package safepoint.tables;

/**
 * What a table needs from the machine it lives in (the VM implements it; tests use a plain Java fake).
 * The table calls these from inside {@link TableOp#step}; none of them may call back into the table.
 */
public interface TableHost {
    /** The builtin hash of {@code key}; never called with {@link HashKind#PROCEDURE}. */
    long hash(HashKind kind, Object key);

    /** The builtin test {@code (test a b)}; never called with {@link TestKind#PROCEDURE}. */
    boolean test(TestKind kind, Object a, Object b);

    /**
     * A new vector of {@code slots} slots for a table (the table fills it with {@link RawTable#UNUSED}).
     * The VM accounts for it and may request a GC; that GC starts at the next scheduling point, not here.
     */
    Object[] allocate(int slots);

    /**
     * A new lock word for a locking policy, named for reports (e.g. {@code __raw-table-lock}); the
     * VM makes a spinlock that its deadlock analysis and its events know.
     */
    Object newLock(String name);

    /**
     * One compare-and-swap of {@code lock}'s word on behalf of the caller now stepping: true when
     * it took the lock. Never waits: a failed try is a {@link Step.Spin}, and the caller steps again.
     */
    boolean tryLock(Object lock);

    /**
     * Clears {@code lock}'s word, whoever holds it (a stale stripe releases another caller's lock,
     * as the hardware would). Nothing happens when nobody holds it.
     */
    void unlock(Object lock);

    /**
     * Whether {@code key} is no heap object (Gambit's {@code ##mem-allocated?} is false: a fixnum,
     * a character, a boolean, the empty list): a gc-table keeps such keys in its raw immediate-table.
     */
    default boolean immediate(Object key) {
        return address(key) == 0;
    }

    /** The simulated address of {@code object} now; a moving GC changes it. */
    long address(Object object);

    /**
     * The GC epoch now: how many moving collections have run. A gc-table whose entries were placed
     * in another epoch hashes by stale addresses and must be rehashed before it is probed.
     */
    default int gcEpoch() {
        return 0;
    }

    /**
     * A new heap object of {@code words} words with nothing inside, whose {@link #address} is a real
     * simulated address that the next moving GC changes: the header of a gc-table's backing store.
     */
    default Object allocateObject(int words) {
        return new Object();
    }

    /**
     * A gc-table was rehashed: by a GC epoch change ({@code resized} false: same size, entries
     * placed again by their new addresses) or by a resize that installed a new backing store.
     * Sizes are in slots (2 per entry).
     */
    default void gcTableRehashed(GcTable table, boolean resized, int oldSlots, int newSlots) {
    }

    /**
     * An address-striped release found {@code table} at another address than when it locked (a GC
     * moved it): it clears {@code released}, and {@code held} stays locked (scenario 5e).
     */
    default void strandedStripe(Object table, Object held, Object released, long lockedAt, long releasedAt) {
    }

    /**
     * A step of an operation on {@code table} (a {@link RawTable} or a {@link GcTable}) has just
     * done {@code step}: called inside the step, never to call back into the table.
     */
    default void stepped(Object table, TableStep step) {
    }

    /** A rehash has allocated its new vector and is about to install it. Sizes are in slots. */
    default void rehashStarted(RawTable table, int oldSlots, int newSlots) {
    }

    /** A rehash has re-inserted the last live entry of the old vector. */
    default void rehashFinished(RawTable table, int oldSlots, int newSlots) {
    }
}
