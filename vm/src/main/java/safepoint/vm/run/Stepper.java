package safepoint.vm.run;

import java.util.List;

/**
 * The manual strategy's other side: whoever steps the machine by hand (the debugger, tests).
 * At each choice the controller calls {@link #next} on the VM's Java thread and runs what it
 * answers; an implementation may block there until its user decides.
 */
public interface Stepper {
    /** What to run next, given where the machine is. */
    Step next(View view);

    /**
     * Where the machine is at a choice: scheduling points so far, the runnable processors, the
     * thread on each processor (null when idle), and why the previous answer could not be
     * followed (or null).
     */
    record View(long steps, List<Integer> runnable, List<String> threadOn, String refused) {}

    /** An answer. */
    sealed interface Step {}

    /** Processor {@code processor} runs one scheduling point. */
    record StepProcessor(int processor) implements Step {}

    /** The thread with this name (as {@code ,threads} prints it) runs one scheduling point. */
    record StepThread(String thread) implements Step {}

    /** Run {@code points} scheduling points, processors taking turns (round robin), then ask again. */
    record Run(long points) implements Step {}

    /** End the run here (it counts as inconclusive, exit 4). */
    record Stop() implements Step {}
}
