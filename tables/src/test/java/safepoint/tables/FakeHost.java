package safepoint.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/** A plain Java host: fixnums are Longs, eq? on Longs is by value (as fixnums in the VM). */
final class FakeHost implements TableHost {
    final List<String> events = new ArrayList<>();
    int allocations;
    /** When set, the hash of every builtin kind (to force collisions). */
    ToLongFunction<Object> hashFn;

    FakeHost() {
    }

    FakeHost(ToLongFunction<Object> hashFn) {
        this.hashFn = hashFn;
    }

    @Override
    public long hash(HashKind kind, Object key) {
        if (kind == HashKind.PROCEDURE) throw new AssertionError("the table called a PROCEDURE hash itself");
        if (hashFn != null) return hashFn.applyAsLong(key);
        return switch (kind) {
            case EQ, EQV, IMMEDIATE -> key instanceof Long l ? l & 0xffffffffL : System.identityHashCode(key);
            default -> key.hashCode() & 0x7fffffff;
        };
    }

    @Override
    public boolean test(TestKind kind, Object a, Object b) {
        if (kind == TestKind.PROCEDURE) throw new AssertionError("the table called a PROCEDURE test itself");
        return switch (kind) {
            case EQ, EQV -> a == b || (a instanceof Long && a.equals(b));
            default -> Objects.equals(a, b);
        };
    }

    @Override
    public Object[] allocate(int slots) {
        allocations++;
        return new Object[slots];
    }

    /** A lock word: who holds it (a caller's name), or null. */
    static final class FakeLock {
        final String name;
        Object holder;

        FakeLock(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "#<lock " + name + ">";
        }
    }

    /** The caller the next {@link #tryLock} takes a lock for (tests that interleave set it). */
    Object caller = "main";
    /** Simulated addresses: what {@link #address} answers for an object (0 when not set). */
    final java.util.Map<Object, Long> addresses = new java.util.IdentityHashMap<>();
    final List<FakeLock> locks = new ArrayList<>();

    @Override
    public Object newLock(String name) {
        FakeLock l = new FakeLock(name);
        locks.add(l);
        return l;
    }

    @Override
    public boolean tryLock(Object lock) {
        FakeLock l = (FakeLock) lock;
        if (l.holder != null) return false;
        l.holder = caller;
        return true;
    }

    @Override
    public void unlock(Object lock) {
        ((FakeLock) lock).holder = null;
    }

    @Override
    public long address(Object object) {
        return addresses.getOrDefault(object, 0L);
    }

    /** The GC epoch {@link #gcEpoch} answers; {@link #moveAll} simulates a moving GC. */
    int epoch;
    private long nextAddress = 1 << 12;

    @Override
    public int gcEpoch() {
        return epoch;
    }

    @Override
    public Object allocateObject(int words) {
        Object o = new Object();
        addresses.put(o, nextAddress);
        nextAddress += words * 8L;
        return o;
    }

    /** A moving GC: every object with an address gets a new one, and the epoch changes. */
    void moveAll() {
        for (java.util.Map.Entry<Object, Long> e : addresses.entrySet()) e.setValue(nextAddress += 64);
        epoch++;
    }

    @Override
    public void gcTableRehashed(GcTable table, boolean resized, int oldSlots, int newSlots) {
        events.add((resized ? "gc-resize " : "gc-rehash ") + oldSlots + "->" + newSlots);
    }

    @Override
    public void rehashStarted(RawTable table, int oldSlots, int newSlots) {
        events.add("rehash " + oldSlots + "->" + newSlots);
    }

    @Override
    public void rehashFinished(RawTable table, int oldSlots, int newSlots) {
        events.add("rehashed " + oldSlots + "->" + newSlots);
    }

    /** Steps {@code op} until it stands in {@code phase} (as in {@link TableOp#describe}); builtin specs only. */
    Step stepUntil(TableOp op, String describe) {
        Step s = null;
        for (int n = 0; n < 10_000 && !op.describe().equals(describe); n++) {
            if (op.isDone()) throw new AssertionError(op.name() + " ended before reaching " + describe);
            s = op.step(this);
        }
        if (!op.describe().equals(describe)) throw new AssertionError("never reached " + describe + ": " + op);
        return s;
    }

    /** Entries of the vector holding a real key. */
    static int live(RawTable t) {
        int n = 0;
        Object[] v = t.vector();
        for (int i = 0; i < v.length; i += 2) if (RawTable.isLive(v[i])) n++;
        return n;
    }

    /** Entries of the vector never used. */
    static int unused(RawTable t) {
        int n = 0;
        Object[] v = t.vector();
        for (int i = 0; i < v.length; i += 2) if (v[i] == RawTable.UNUSED) n++;
        return n;
    }
}
