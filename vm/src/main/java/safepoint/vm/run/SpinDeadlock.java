package safepoint.vm.run;

import safepoint.vm.analysis.BarrierSpin;
import safepoint.vm.analysis.EdgeKind;
import safepoint.vm.analysis.ExplanationText;
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
        BarrierSpin.Holder is = holder.state == SThread.State.WAITING ? BarrierSpin.Holder.WAITING
                : holder.state == SThread.State.TERMINATED ? BarrierSpin.Holder.ENDED : BarrierSpin.Holder.PARKED;
        BarrierSpin b = new BarrierSpin("P" + p, Names.name(t), Names.name(lock), lock.table, Names.name(holder), is,
                is == BarrierSpin.Holder.WAITING ? Names.waitText(holder) : null, is == BarrierSpin.Holder.PARKED ? parkedOn(vm, holder, states) : null,
                lock.stranded);
        return vm.deadlock(Failure.Proof.BARRIER_NEVER_REACHED, ExplanationText.barrierSpin(b), states);
    }

    /** The processor a parked thread is parked on, as the wait-for graph has it ({@code P1}), or null if it is queued for any. */
    private static String parkedOn(RunHost vm, SThread holder, WaitForGraph.ProcessorState[] states) {
        for (WaitForGraph.Edge e : WaitForGraph.of(vm, states).edges()) {
            if (e.from() == holder && e.kind() == EdgeKind.PARKED_ON) return e.to().toString();
        }
        return null;
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
