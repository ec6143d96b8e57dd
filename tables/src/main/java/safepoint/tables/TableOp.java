package safepoint.tables;

import java.util.function.Consumer;

/**
 * One raw-table operation as a resumable step machine. Each {@link #step} does one bounded piece of
 * work (see package-info for what a step may touch) and keeps everything it needs to resume in fields,
 * so steps of other operations on the same table may run in between.
 *
 * <p>Protocol: call {@code step} until it returns {@link Step.Done}. After a {@link Step.NeedHash},
 * {@link Step.NeedTest} or {@link Step.NeedUpdate}, call {@link #supply} once with the answer before the
 * next step. After a {@link Step.Yield}, just step again. Stepping a finished op returns its Done again.
 */
public abstract class TableOp {
    final RawTable tab;
    Phase phase;
    /** An operation this one runs first (a rehash inside a set, a re-insertion inside a rehash). */
    TableOp child;
    /** The last answer given to {@link #supply}. */
    Object answer;
    private Step.Done done;
    /** The policy's lock this operation takes in its first step and gives back in its last, or null. */
    private Guard guard;
    /** The lock word this operation holds now (taken through its guard), or null. */
    private Object holding;

    TableOp(RawTable tab, Phase first) {
        this.tab = tab;
        this.phase = first;
    }

    /** The table this operation works on. */
    public final RawTable table() {
        return tab;
    }

    /** The Gerbil procedure this models, e.g. {@code raw-table-set!}; for backtraces. */
    public abstract String name();

    /**
     * This operation under {@code g}'s lock: taken in its first step, given back in its last. Set
     * once, before the first step, by the policy that made it.
     */
    final TableOp guarded(Guard g) {
        guard = g;
        return this;
    }

    /** Runs one step. */
    public final Step step(TableHost host) {
        if (done != null) return done;
        if (guard != null && holding == null) {
            Step s = lockFirst(host);
            if (s != null) return s;
        }
        Step s;
        if (child != null) {
            s = stepChild(host);
        } else {
            if (phase.awaiting())
                throw new IllegalStateException(name() + " is waiting for an answer: supply it first");
            s = run(host);
        }
        // the last step gives the lock back in the same step: one store, no scheduling point of its own
        if (done != null && holding != null) {
            if (guard.countsWrites && writes()) tab.version++;
            release(host);
        }
        return s;
    }

    /**
     * Before the operation's own first step, under a guard: take the lock, and under an
     * allocate-first guard check under it what the operation would allocate now ({@link #wants}).
     * If that is a vector not allocated yet (a set that must rehash, a snapshot, a copy), let go,
     * allocate it unlocked and end the step there (an allocation may request a GC, so it is a step
     * of its own, taken holding nothing); the next step takes the lock again and checks again.
     * Taking the lock, the check and the operation's first step are one step (all this caller's,
     * under the lock just taken), so the uncontended path costs no scheduling point and no check
     * that {@code none} does not have. Returns the step to report (a spin, an allocation, a
     * retry), or null once the lock is held.
     */
    private Step lockFirst(TableHost host) {
        Guard g = guard;
        Object lock = g.fixed != null ? g.fixed : g.site.lockNow(host);
        if (!host.tryLock(lock)) return g.spin(lock);
        if (g.fixed == null && !g.site.stillRight(host, lock)) {
            host.unlock(lock);
            return Step.CONTINUE;
        }
        holding = lock;
        if (g.allocateFirst) {
            int w = wants();
            if (w == 0) {
                spare = null;
            } else if (spare == null || spare.length != w) {
                release(host);
                spare = RawTable.unusedVector(host, w);
                return Step.CONTINUE;
            }
        }
        return null;
    }

    private void release(TableHost host) {
        host.unlock(guard.fixed != null ? holding : guard.site.toRelease(host, holding));
        holding = null;
    }

    /** The answer to the last {@code Need...} step: a {@link Long} for NeedHash, any object otherwise. */
    public final void supply(Object answer) {
        if (child != null) {
            child.supply(answer);
            return;
        }
        switch (phase) {
            case AWAIT_HASH -> {
                if (!(answer instanceof Long))
                    throw new IllegalArgumentException("a hash must be a fixnum (java.lang.Long): " + answer);
                phase = Phase.HASHED;
            }
            case AWAIT_TEST -> phase = Phase.TESTED;
            case AWAIT_UPDATE -> phase = Phase.UPDATED;
            default -> throw new IllegalStateException(name() + " is not waiting for an answer");
        }
        this.answer = answer;
    }

    /** True when the last step asked for an answer that has not been supplied yet (here or in a child). */
    public final boolean isAwaiting() {
        return child != null ? child.isAwaiting() : phase.awaiting();
    }

    public final boolean isDone() {
        return done != null;
    }

    /** The result once done: the value for a ref, the new table for a copy, {@code null} otherwise. */
    public final Object result() {
        if (done == null) throw new IllegalStateException(name() + " has not finished");
        return done.result();
    }

    /** The innermost operation now running: this one, or the rehash or re-insertion it is inside. */
    public final TableOp current() {
        return child != null ? child.current() : this;
    }

    /**
     * The slots of the vector the innermost operation probes for ever unless another thread
     * writes it (a full walk that found neither the key nor an unused slot); 0 when it does not.
     */
    public final int probesForever(TableHost host) {
        return current().walksForever(host);
    }

    int walksForever(TableHost host) {
        return 0;
    }

    /** Where the innermost operation stands, for backtraces: e.g. {@code "raw-table-set! probe"}. */
    public final String describe() {
        TableOp op = current();
        return op.name() + " " + (op.guard != null && op.holding == null && op.done == null ? "acquire" : op.phase.text());
    }

    /**
     * Visits every object this operation holds (keys, values, defaults, answers, and each captured
     * {@code Object[]} vector, which the tracer should scan past the sentinels), its child's included.
     * A suspended operation is a GC root.
     */
    public void roots(Consumer<Object> visit) {
        if (answer != null) visit.accept(answer);
        if (done != null && done.result() != null) visit.accept(done.result());
        if (child != null) child.roots(visit);
        if (spare != null) visit.accept(spare);
    }

    /**
     * For the policies that allocate before locking: the slots of the vector this operation would
     * allocate if it ran now (read unlocked, so only a guess until checked under the lock), 0 for none.
     */
    int wants() {
        return 0;
    }

    /**
     * A vector of {@link #wants()} slots, filled with unused, allocated before the policy took its
     * lock (by the guard, or by lock-after-probe), to use instead of allocating; or null.
     */
    Object[] spare;

    /** Under the lock: a vector of {@link #wants()} slots, filled with unused, to use instead of allocating. */
    final void give(Object[] vector) {
        spare = vector;
    }

    /** The spare vector if it has {@code slots} slots (it is used up), else a new one from the host. */
    final Object[] spareOr(TableHost host, int slots, boolean unused) {
        Object[] v = spare;
        spare = null;
        if (v != null && v.length == slots) return v;
        return unused ? RawTable.unusedVector(host, slots) : RawTable.vector(host, slots);
    }

    /** Whether this operation changes the table (the verifying policies count such writes). */
    boolean writes() {
        return false;
    }

    /** Still probing (nothing written, nothing decided that a lock must protect): lock-after-probe's unlocked part. */
    final boolean probing() {
        if (done != null) return false;
        return switch (phase) {
            case BEGIN, AWAIT_HASH, HASHED, PROBE, AWAIT_TEST, TESTED -> child == null;
            default -> false;
        };
    }

    /**
     * True while this operation (or the one it runs) holds a lock whose critical section must not
     * poll (a policy whose wait never polls: a holder preempted there would leave its waiters
     * spinning for ever). The caller runs such steps as code without polls.
     */
    public final boolean inNoPollSection() {
        return holdsNoPollLock() || child != null && child.inNoPollSection();
    }

    boolean holdsNoPollLock() {
        return holding != null && guard.polls == WaitPolls.NEVER;
    }

    /** Whether this operation (or the one it runs) holds a policy's lock now. */
    public final boolean holdsLock() {
        return heldLock() != null || child != null && child.holdsLock();
    }

    /** The lock this operation itself holds now, or null. */
    Object heldLock() {
        return holding;
    }

    /**
     * This operation will never step again (a {@code hash:}, {@code test:} or update procedure it
     * called raised, and a handler escaped past it): give back every lock it and its child hold,
     * so that the table's next caller does not spin for ever on a lock nobody will release.
     */
    public final void abandon(TableHost host) {
        if (child != null) child.abandon(host);
        letGo(host);
    }

    /** Releases the lock this operation itself holds, if any. */
    void letGo(TableHost host) {
        if (holding != null) release(host);
    }

    /** Whether to take back control from {@code child} after its last step (it is not done). */
    boolean pauses(TableOp child) {
        return false;
    }

    /** One step in the current phase; the phase is never an AWAIT one here. */
    abstract Step run(TableHost host);

    final Step start(TableOp op, TableHost host) {
        child = op;
        return stepChild(host);
    }

    private Step stepChild(TableHost host) {
        Step s = child.step(host);
        if (child.isDone()) {
            child = null;
            return Step.CONTINUE; // this op goes on at its next step
        }
        if (pauses(child)) child = null; // this op decides what comes next; it steps the child again later
        return s;
    }

    final Step finish(Object result) {
        phase = Phase.DONE;
        done = new Step.Done(result);
        return done;
    }

    /** Done with the result {@code other} (done) ended with: its very step, nothing new made. */
    final Step finishAs(TableOp other) {
        phase = Phase.DONE;
        done = other.done;
        return done;
    }

    final Step await(Phase awaiting, Step request) {
        phase = awaiting;
        return request;
    }

    final Step next(Phase p) {
        phase = p;
        return Step.CONTINUE;
    }

    static boolean truthy(Object o) {
        return o != Boolean.FALSE;
    }

    @Override
    public String toString() {
        return "#<table-op " + describe() + ">";
    }
}
