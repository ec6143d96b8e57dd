package safepoint.tables;

import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * The probe walk shared by ref, set, update and delete ({@code __table-ref/set!/update!/del!}).
 * Like Gerbil, it reads the table's vector and seed before hashing and then walks that captured
 * vector to the end, even if a rehash installs another one meanwhile.
 */
abstract class ProbingOp extends TableOp {
    final Object key;
    /** The vector captured at the start: all reads and writes of this op go to it. */
    Object[] vec;
    long seed;
    int size;
    int start;
    /** The probe count of the next probe (kept mod size: start + i + i^2 is periodic in i). */
    long i;
    /** The key slot being looked at. */
    int probe;
    /** The first tombstone on the walk, or -1. */
    int firstDeleted = -1;
    /** A vector not yet installed to walk instead of the table's (a rehash building aside), or null. */
    Object[] target;
    /** Key slots read since hashing: once it reaches the entries, the walk has seen every one. */
    int probes;

    ProbingOp(RawTable tab, Object key, Phase first) {
        super(tab, first);
        this.key = key;
    }

    /** Sees an {@code unused} key slot at {@link #probe} (read in this step). */
    abstract Step atUnused(TableHost host);

    /**
     * The key at {@link #probe} passed the test. {@code slotReadNow}: the key slot was read in this
     * step (a builtin test), so this step has done its shared-memory access already.
     */
    abstract Step atMatch(TableHost host, boolean slotReadNow);

    /** The probing phases; subclasses handle the rest. */
    final Step runProbe(TableHost host) {
        return switch (phase) {
            case BEGIN -> begin(host);
            case HASHED -> hashed(host, (Long) answer);
            case PROBE -> probe(host);
            case TESTED -> tested(host, truthy(answer));
            default -> throw new IllegalStateException(name() + " in phase " + phase);
        };
    }

    private Step begin(TableHost host) {
        vec = target != null ? target : tab.table;
        // lock-free-reads: the acquire half of the publication of a vector built aside
        if (tab.publishing) VarHandle.acquireFence();
        seed = tab.seed;
        HashSpec h = tab.hash;
        if (h.isProcedure()) return await(Phase.AWAIT_HASH, new Step.NeedHash(h.procedure(), key));
        return hashed(host, host.hash(h.kind(), key));
    }

    private Step hashed(TableHost host, long h) {
        size = vec.length;
        int entries = size >>> 1;
        start = (int) Math.floorMod(h ^ seed, (long) entries) << 1;
        probe = start;
        i = 1;
        firstDeleted = -1;
        probes = 0;
        phase = Phase.PROBE;
        return probe(host);
    }

    /** Reads one key slot. */
    private Step probe(TableHost host) {
        Object k = vec[probe];
        probes++;
        host.stepped(tab, new TableStep.Probe(probe));
        // lock-free-reads: the acquire half of a key written after its value
        if (tab.publishing) VarHandle.acquireFence();
        if (k == RawTable.UNUSED) return atUnused(host);
        if (k == RawTable.DELETED) {
            if (firstDeleted < 0) firstDeleted = probe;
            advance();
            return Step.CONTINUE;
        }
        TestSpec t = tab.test;
        if (t.isProcedure()) return await(Phase.AWAIT_TEST, new Step.NeedTest(t.procedure(), key, k));
        if (host.test(t.kind(), key, k)) return atMatch(host, true);
        advance();
        return Step.CONTINUE;
    }

    private Step tested(TableHost host, boolean match) {
        if (match) return atMatch(host, false);
        phase = Phase.PROBE;
        advance();
        return probe(host);
    }

    /**
     * The walk has read every key slot of its vector, and now none is unused and none holds the
     * key: it can end only if another thread writes the key there (no write makes a slot unused
     * again, only a clear). Checked on the vector as it is now; a procedure test cannot be asked.
     */
    @Override
    final int walksForever(TableHost host) {
        if (phase != Phase.PROBE || vec == null || probes < size >>> 1 || tab.test.isProcedure()) return 0;
        for (int s = 0; s < vec.length; s += 2) {
            Object k = vec[s];
            if (k == RawTable.UNUSED) return 0;
            if (k != RawTable.DELETED && host.test(tab.test.kind(), key, k)) return 0;
        }
        return vec.length;
    }

    /** probe-step: (start + i + i^2) mod size, i = 1, 2, ... */
    private void advance() {
        probe = probeSlot(start, i, size);
        i = (i + 1) % size;
    }

    static int probeSlot(int start, long i, int size) {
        return (int) ((start + i + i * i) % size);
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        visit.accept(key);
        if (vec != null) visit.accept(vec);
        if (target != null) visit.accept(target);
    }
}
