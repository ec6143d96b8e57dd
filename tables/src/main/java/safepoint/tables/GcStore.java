package safepoint.tables;

/**
 * A gc-table's backing store: Gambit's gcht (reference 2.2), a movable object of its own. Entries
 * are placed by the simulated ADDRESS of their key, probing downward one entry at a time to an
 * unused one; the size is a prime. {@link #epoch} is the GC epoch the positions were computed in:
 * after a moving GC they are stale until {@link #rehashInPlace} places every entry again.
 *
 * <p>Unsynchronized, as the gcht is: every method is one step of its caller's operation and nobody
 * checks that another processor is not in the middle of its own (see {@link GcTable}'s rule).
 */
public final class GcStore {
    /** Gambit's loads: shrink below this load, resize to this one, grow past the last. */
    static final double MIN_LOAD = 0.45;
    static final double TARGET_LOAD = 0.6363961030678927;
    static final double MAX_LOAD = 0.9;

    /** Key at 2i, value at 2i+1; the sentinels are the raw table's. */
    final Object[] slots;
    int count;
    /** Inserts left before the store must grow (Gambit's FREE): negative after the insert that overfilled it. */
    int free;
    /** Below this many live entries a delete asks for a (shrinking) resize. */
    final int minCount;
    /** The GC epoch its positions were computed in. */
    int epoch;
    /** The heap object whose address is this store's (a new store: a new identity and address). */
    final Object header;

    private GcStore(Object[] slots, int count, int minCount, int epoch, Object header) {
        this.slots = slots;
        this.count = count;
        this.free = capacity(entries(slots)) - count;
        this.minCount = minCount;
        this.epoch = epoch;
        this.header = header;
    }

    /** A store sized for {@code count} entries at the target load, empty, allocated from the host. */
    static GcStore allocate(TableHost host, long count, boolean fresh) {
        return sized(host, entriesFor(count), fresh);
    }

    /** The entries of a store {@link #allocate} makes for {@code count} (a prime; the same for the same count). */
    static int entriesFor(long count) {
        long n = Math.max(1 + (long) (count / TARGET_LOAD), 5);
        while (capacity(prime((int) Math.min(n, RawTable.MAX_SLOTS / 2))) <= count && n < RawTable.MAX_SLOTS / 2) n++; // room for one more
        return prime((int) Math.min(n, RawTable.MAX_SLOTS / 2));
    }

    /** Whether a store allocated unlocked for a guessed count is the one {@link #allocate} makes for {@code count}. */
    boolean sizedFor(long count) {
        return entries() == entriesFor(count);
    }

    /** Overfilled by the last insert, or emptied below its minimum by the last delete: it must be resized. */
    boolean needsResize() {
        return free < 0 || count < minCount;
    }

    /** An empty store of the smallest prime number of entries at least {@code atLeast}. */
    static GcStore sized(TableHost host, int atLeast, boolean fresh) {
        int entries = prime(atLeast);
        Object[] v = RawTable.unusedVector(host, entries * 2);
        int min = fresh ? 0 : (int) (entries * MIN_LOAD);
        return new GcStore(v, 0, min, host.gcEpoch(), host.allocateObject(4));
    }

    static int entries(Object[] slots) {
        return slots.length / 2;
    }

    /** Live entries a store of {@code entries} may hold before it must grow. */
    static int capacity(int entries) {
        return (int) ((entries - 2) * MAX_LOAD);
    }

    public int entries() {
        return entries(slots);
    }

    public int count() {
        return count;
    }

    /** The simulated address of this store now. */
    public long address(TableHost host) {
        return host.address(header);
    }

    /** The entry a key hashes to now: by its address, or by its eq-hash for an object without one. */
    int home(TableHost host, Object key) {
        long a = host.address(key);
        long x = a != 0 ? a : host.hash(HashKind.EQ, key);
        x ^= x >>> 32;
        int h = Integer.rotateLeft((int) x, 16) * (4096 + 256 + 1);
        return (int) (((h & 0xffffffffL) * entries()) >>> 32);
    }

    /**
     * Where {@code key} is, or where it would go: its entry, else the first tombstone met, else the
     * unused entry that ended the walk. Ends, because a store always keeps unused entries.
     */
    int find(TableHost host, Object key) {
        int n = entries();
        int tomb = -1;
        for (int i = home(host, key), step = 0; step < n; step++, i = i == 0 ? n - 1 : i - 1) {
            Object k = slots[2 * i];
            if (k == RawTable.UNUSED) return tomb >= 0 ? tomb : i;
            if (k == RawTable.DELETED) {
                if (tomb < 0) tomb = i;
            } else if (host.test(TestKind.EQ, key, k)) {
                return i;
            }
        }
        return tomb; // no unused entry left (only a race can do that): the tombstone, or -1
    }

    /** True when entry i holds {@code key} (as the probe found it). */
    boolean holds(TableHost host, int i, Object key) {
        return i >= 0 && RawTable.isLive(slots[2 * i]) && host.test(TestKind.EQ, key, slots[2 * i]);
    }

    /** Writes the entry at i: true when an insert overfilled the store, which must now be resized (Gambit's set returns #t). */
    boolean put(int i, Object key, Object value) {
        Object k = slots[2 * i];
        slots[2 * i] = key;
        slots[2 * i + 1] = value;
        if (k == RawTable.DELETED) count++;
        if (k != RawTable.UNUSED) return false; // an overwrite or a tombstone reused: no growth
        free--;
        count++;
        return free < 0;
    }

    /** Deletes the entry at i (the key slot becomes a tombstone): true when it should shrink. */
    boolean delete(int i) {
        slots[2 * i] = RawTable.DELETED;
        slots[2 * i + 1] = RawTable.ABSENT;
        count--;
        return count < minCount;
    }

    /** Re-inserts one entry (a resize's copy, a copy's): by the key's address now. */
    void insert(TableHost host, Object key, Object value) {
        int i = find(host, key);
        if (i < 0) throw new IllegalStateException("gc-table store full: " + count + " of " + entries());
        put(i, key, value);
    }

    /**
     * After a moving GC: every live entry placed again by its key's new address, tombstones dropped,
     * in this same store (a read that writes: Gambit's lazy rehash). One step.
     */
    void rehashInPlace(TableHost host) {
        Object[] old = slots.clone();
        java.util.Arrays.fill(slots, RawTable.UNUSED);
        count = 0;
        free = capacity(entries());
        for (int i = 0; i < old.length; i += 2) {
            if (RawTable.isLive(old[i])) insert(host, old[i], old[i + 1]);
        }
        epoch = host.gcEpoch();
    }

    /** The smallest prime at least {@code n}. */
    static int prime(int n) {
        for (int p = Math.max(n, 2); ; p++) {
            boolean isPrime = true;
            for (int d = 2; (long) d * d <= p; d++) {
                if (p % d == 0) {
                    isPrime = false;
                    break;
                }
            }
            if (isPrime) return p;
        }
    }
}
