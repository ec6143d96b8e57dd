package safepoint.vm.analysis;

import java.util.List;
import safepoint.vm.data.Machinery;
import safepoint.vm.interp.Global;
import safepoint.vm.smp.Barrier;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Scheduler;

/**
 * What the analyses look at in the machine (the Machine implements it): its threads (the
 * scheduler's queues and the primordial thread), the GC barrier, and the global cells that
 * reachability starts from.
 */
public interface AnalysisHost extends Machinery {
    Scheduler scheduler();

    Barrier barrier();

    /** The thread that runs programs and REPL input: #<thread #1 primordial>. */
    SThread primordial();

    /** Threads made so far (the primordial thread is 1). */
    int threadsCreated();

    /** Every global cell, by name. */
    List<Global> globalCells();
}
