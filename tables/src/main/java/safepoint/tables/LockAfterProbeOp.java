package safepoint.tables;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Gambit PR #989's final design: probe unlocked, then lock the stripe of the table's address,
 * verify, mutate, unlock; on a mismatch unlock and start again from hashing. Verify means: the
 * stripe still is the table's (a GC may have moved it while we waited), the table still has the
 * vector we probed, and no locked write completed since we began ({@link RawTable#version}), so
 * the probe's answer is still the table's. A set that needs a rehash does it first, its vector
 * allocated before locking. Nothing between lock and unlock allocates, so no GC can move the
 * table while its stripe is held: unless a {@code hash-update!} procedure, called under the lock,
 * allocates (as a C-level lock would never allow).
 */
final class LockAfterProbeOp extends TableOp {
    private final Supplier<TableOp> make;
    private final LockSite site;
    private TableOp inner;
    private Object[] vec;
    private int version;
    private Object held;
    private Object[] prepared;
    /** The rehash a set must do first, under the lock, or null. */
    private RehashOp rehash;

    LockAfterProbeOp(RawTable tab, LockSite site, Supplier<TableOp> make) {
        super(tab, Phase.BEGIN);
        this.make = make;
        this.site = site;
        this.inner = make.get();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    boolean writes() {
        return inner.writes();
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case BEGIN: {
                vec = tab.table;
                version = tab.version;
                if (inner instanceof SetOp && RehashOp.needed(tab)) {
                    prepared = RawTable.unusedVector(host, RehashOp.newSize(tab)); // allocate before locking
                    return next(Phase.ACQUIRE);
                }
                return next(Phase.PROBE);
            }
            case PROBE:
                if (inner.probing()) return start(inner, host);
                return next(Phase.ACQUIRE);
            case ACQUIRE: {
                Object lock = site.lockNow(host);
                if (!host.tryLock(lock)) return new Step.Spin(lock, WaitPolls.NEVER);
                held = lock;
                return next(Phase.VERIFY);
            }
            case VERIFY: {
                boolean right = site.stillRight(host, held) && tab.table == vec && tab.version == version;
                if (!right) return retry(host);
                if (prepared != null) {
                    // the rehash a set needed: done whole under the lock, with the vector allocated before it
                    if (!RehashOp.needed(tab) || prepared.length != RehashOp.newSize(tab)) return retry(host);
                    rehash = new RehashOp(tab, prepared);
                    prepared = null;
                }
                return next(Phase.LOCKED);
            }
            case LOCKED:
                if (rehash != null) {
                    if (!rehash.isDone()) return start(rehash, host);
                    rehash = null;
                    tab.version++;
                    return retry(host); // now probe the new vector
                }
                if (!inner.isDone()) return start(inner, host);
                if (inner.writes()) tab.version++;
                host.unlock(held);
                held = null;
                return finish(inner.result());
            default:
                throw new IllegalStateException(name() + " in phase " + phase);
        }
    }

    @Override
    boolean holdsNoPollLock() {
        return held != null;
    }

    @Override
    Object heldLock() {
        return held;
    }

    @Override
    void letGo(TableHost host) {
        if (held == null) return;
        host.unlock(held);
        held = null;
    }

    /** The probe ran unlocked up to where it would write or decide: the lock comes first. */
    @Override
    boolean pauses(TableOp child) {
        return phase == Phase.PROBE && !child.probing();
    }

    /** Unlock and start again from hashing with a fresh operation. */
    private Step retry(TableHost host) {
        host.unlock(held);
        held = null;
        prepared = null;
        inner = make.get();
        return next(Phase.BEGIN);
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        inner.roots(visit);
        if (vec != null) visit.accept(vec);
        if (prepared != null) visit.accept(prepared);
    }
}
