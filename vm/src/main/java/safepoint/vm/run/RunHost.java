package safepoint.vm.run;

import safepoint.vm.analysis.AnalysisHost;
import safepoint.vm.analysis.Failure;
import safepoint.vm.analysis.WaitForGraph;
import safepoint.vm.event.Events;
import safepoint.vm.gc.Heap;
import safepoint.vm.observe.MachineView;
import safepoint.vm.smp.ConsoleReads;

/**
 * What the drivers (FreeRun, Controller) and the spin-deadlock proofs need of the machine (the
 * Machine implements it): what the analyses see, plus its events, heap, console input, clock,
 * Ctrl-C, limits, exit, views, and the outcomes of the deadlocks they prove.
 */
public interface RunHost extends AnalysisHost {
    Events events();

    Heap heap();

    /** The threads that wait for console input, and the input's arrival. */
    ConsoleReads input();

    /** The run's clock in nanoseconds: virtual in controlled mode. */
    long clock();

    /** Whether {@code exit} was called in this run. */
    boolean exited();

    /** Consume a pending Ctrl-C (the processor that takes it delivers it to the thread it runs next). */
    boolean takeInterrupt();

    /** Ctrl-C arrived while the controller held the scheduler: end the primordial thread's wait at the next choice. */
    boolean interruptWait();

    /** Under the scheduler's monitor: a waiting primordial thread gets "User interrupt". */
    void interruptWaitingPrimordial();

    /** The timeout's outcome once the run's deadline has passed, else null. */
    Outcome checkLimits();

    /** The view of the machine now, each processor doing what {@code procs} says (under the scheduler's monitor). */
    MachineView view(MachineView.Mode mode, WaitForGraph.ProcessorState[] procs);

    /** Nothing can run and no wait has a deadline: the outcome, or null when the primordial thread got the deadlock to handle. */
    Outcome deadlock(WaitForGraph.ProcessorState[] procs);

    /** A proven deadlock other than "nothing can run": the explanation, then the graph. */
    Outcome deadlock(Failure.Proof proof, String headline, WaitForGraph.ProcessorState[] procs);

    /** A proven deadlock or hang, {@code failure}, explained by {@code text}. */
    Outcome deadlockOutcome(Failure.Deadlock failure, String text);

    /** The same, with the machine as it was when it was found. */
    Outcome deadlockOutcome(Failure.Deadlock failure, String text, MachineView view);
}
