package safepoint.vm.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Serials;
import safepoint.vm.print.Printer;
import safepoint.vm.smp.SThread;

/**
 * What a failed run failed of, as data: the same failure under two schedules is equal, however
 * its report words it, so shrinking keeps to it. No serial numbers, no processor numbers, no
 * step counts: only what the program did wrong.
 */
public sealed interface Failure permits Failure.Error, Failure.Deadlock {
    /**
     * An uncaught error: where it was raised (procedure, source position; null when unknown),
     * the condition's kind, its message, the offending argument (0 for none) and the values it
     * names. Values are written against a scratch state, so their serial numbers count from the
     * start in each error and the program's own are never consumed.
     */
    record Error(String procedure, String source, String condition, String message, int argument, List<String> irritants)
            implements Failure {
        public Error {
            irritants = List.copyOf(irritants);
        }
    }

    /** Which proof found a deadlock or a hang. */
    enum Proof {
        /** No thread can run and none waits with a timeout. */
        NOTHING_CAN_RUN,
        /** At the step bound: the main thread's chain of waits can never end. */
        HANG,
        /** The GC barrier waits for a processor spinning without polls on a lock whose holder cannot run. */
        BARRIER_NEVER_REACHED,
        /** One processor spins without polls on a lock another thread holds. */
        SPIN_ON_ONE_PROCESSOR,
        /** A thread spins without polls on a spinlock it holds itself. */
        SPIN_ON_OWN_LOCK,
        /** Free run: the same cycle of untimed waits at two looks, its threads unmoved. */
        CYCLE_UNMOVED,
        /** Free run: the barrier pending, no thread moving, at two looks. */
        NO_PROGRESS
    }

    /** One thread's wait in a cycle: what it waits on by name, or null for a processor. */
    record Wait(String thread, EdgeKind kind, String on) {}

    /** A proven deadlock or hang: its proof and the threads' waits in its cycle of waits (empty when it has none). */
    record Deadlock(Proof proof, Set<Wait> cycle) implements Failure {
        public Deadlock {
            cycle = Set.copyOf(cycle);
        }
    }

    /** The failure of an uncaught {@code payload} raised at {@code procedure}, {@code source}. */
    static Error error(Object payload, String procedure, String source) {
        Serials scratch = new Serials();
        if (!(payload instanceof Condition c)) {
            return new Error(procedure, source, "raised object", Printer.write(payload, scratch), 0, List.of());
        }
        List<String> irritants = new ArrayList<>();
        if (c.irritants != null) for (Object o : c.irritants) irritants.add(Printer.write(o, scratch));
        return new Error(procedure, source, c.kind.gambitName, c.message == null ? "" : c.message, c.argIndex, irritants);
    }

    /** The deadlock {@code proof} found in graph {@code g}, with the cycle of waits {@code g} has. */
    static Deadlock deadlock(Proof proof, WaitForGraph g) {
        Set<Wait> cycle = new LinkedHashSet<>();
        for (WaitForGraph.Edge e : g.cycle()) {
            if (!(e.from() instanceof SThread t)) continue;
            cycle.add(new Wait(safepoint.vm.smp.Names.name(t), e.kind(), e.to() instanceof WaitForGraph.Proc ? null : WaitForGraph.name(e.to())));
        }
        return new Deadlock(proof, cycle);
    }
}
