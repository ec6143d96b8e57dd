package safepoint.vm.run;

import safepoint.vm.analysis.Failure;
import safepoint.vm.analysis.WaitForGraph;

import safepoint.vm.smp.Names;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Spinlocks;

/** Spins that no poll will ever end: the proofs of seed bug 5a, on the barrier and on one processor. */
public final class SpinDeadlock {
    private SpinDeadlock() {}

    /**
     * Seed bug 5a, proven in either mode once every other processor has stopped at the barrier
     * (the caller checks that): P spins without polls on a lock whose holder is not running, so
     * the holder cannot run until the GC is over, and the GC waits for P. Null when it is not so.
     */
    public static Outcome atBarrier(RunHost vm, int p, SThread t, WaitForGraph.ProcessorState[] states) {
        Spinlocks.Spinlock lock = t.spinningOn();
        if (lock == null) return null;
        SThread holder = lock.holder();
        if (holder == null || holder == t || holder.onProcessor >= 0) return null;
        String where = holder.state == SThread.State.WAITING ? "waiting (" + Names.waitText(holder) + ")"
                : holder.state == SThread.State.TERMINATED ? "which has ended" : "parked at the safepoint";
        if (lock.stranded != null) where += " (" + lock.stranded + ")";
        return vm.deadlock(Failure.Proof.BARRIER_NEVER_REACHED, "*** Deadlock: the GC barrier waits for P" + p + ", which never reaches a safepoint\n"
                + "  P" + p + " runs " + Names.name(t) + ", spinning without polls on " + Names.name(lock) + "\n"
                + "  " + Names.name(lock) + " is held by " + Names.name(holder) + ", " + where
                + (holder.state == SThread.State.TERMINATED ? ": nobody will ever release it\n" : ": it cannot run until the GC is over\n")
                + "  every other processor has stopped at the barrier\n"
                + "  fix: let the spin loop poll, or take a blocking mutex instead", states);
    }

    /**
     * {@code t} stopped in code without polls on processor {@code p} of {@code n}, so it keeps
     * that processor: the proof that it never lets go, or null. With a GC pending, once every
     * other processor has stopped ({@code othersStopped}); otherwise on the only processor.
     */
    public static Outcome withoutPolls(RunHost vm, int n, int p, SThread t, boolean othersStopped) {
        if (!vm.barrier().pending) return n == 1 ? onOneProcessor(vm, t) : null;
        if (!othersStopped) return null;
        WaitForGraph.ProcessorState[] states = new WaitForGraph.ProcessorState[n];
        for (int q = 0; q < n; q++) states[q] = new WaitForGraph.ProcessorState(q == p ? t : null, q != p);
        return atBarrier(vm, p, t, states);
    }

    /**
     * A thread that stopped without a poll while spinning on a lock held by another thread: on
     * one processor the holder can never run again.
     */
    public static Outcome onOneProcessor(RunHost vm, SThread t) {
        WaitForGraph.ProcessorState[] one = {new WaitForGraph.ProcessorState(t, false)};
        Spinlocks.Spinlock s = t.spinningOn();
        SThread holder = s == null ? null : s.holder();
        if (holder == null || holder == t) {
            if (holder == t) {
                return vm.deadlock(Failure.Proof.SPIN_ON_OWN_LOCK, "*** Deadlock: " + Names.name(t) + " spins without polls on "
                        + Names.name(s) + ", which it holds itself (spinlocks are not recursive)", one);
            }
            return null;
        }
        return vm.deadlock(Failure.Proof.SPIN_ON_ONE_PROCESSOR, "*** Deadlock: P0 spins without polls on " + Names.name(s) + " for "
                + Names.name(t) + "\n  " + Names.name(s) + " is held by " + Names.name(holder)
                + ", which cannot run: P0 is the only processor and code compiled with (declare (not interrupts-enabled))"
                + " never lets it switch threads\n  fix: let the spin loop poll, or take a blocking mutex instead", one);
    }
}
