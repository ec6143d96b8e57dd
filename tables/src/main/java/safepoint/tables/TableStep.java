package safepoint.tables;

/**
 * What one step of a table operation did to the table's shared memory, reported to
 * {@link TableHost#stepped} as it happens: data, so that a failing interleaving can show each
 * thread's steps in its column (the VM turns them into events; text is made at the edge). Slots
 * are indices into the vector (a key slot is even, its value slot the next one).
 */
public sealed interface TableStep {
    /** Read the key slot {@code slot} of the vector the operation walks. */
    record Probe(int slot) implements TableStep {}

    /** Wrote a key (or a tombstone) into {@code slot}. */
    record WriteKey(int slot) implements TableStep {}

    /** Wrote the value slot {@code slot}. */
    record WriteValue(int slot) implements TableStep {}

    /** Wrote the table's count and free (a read of them one step before: a read-modify-write). */
    record Counts(int count, int free) implements TableStep {}

    /** A resize copied the entry at {@code slot} of the store it read into the store it builds. */
    record Copy(int slot) implements TableStep {}

    /**
     * An address-striped release that cleared stripe {@code releasedStripe}, the stripe of the
     * table's address now ({@code releasedAt}), while the one taken, {@code heldStripe} of
     * {@code lockedAt}, stays locked: a GC moved the table inside the critical section (5(e)).
     */
    record StrandedRelease(int heldStripe, int releasedStripe, long lockedAt, long releasedAt) implements TableStep {}

    /** Installed a vector (a rehash, resize or clear): readers see the new one from now on. Sizes in slots. */
    record Publish(int oldSlots, int newSlots) implements TableStep {}
}
