package safepoint.vm.run;

import java.util.List;
import safepoint.vm.interp.SliceEnd;

/**
 * The manual strategy's other side: whoever steps the machine by hand (the debugger, tests).
 * At each choice the controller calls {@link #next} on the VM's Java thread and runs what it
 * answers; an implementation may block there until its user decides.
 */
public interface Stepper {
    /** What to run next, given where the machine is. */
    Step next(View view);

    /**
     * Whether to be asked also when nothing can run (every thread waits or has ended), with an
     * empty {@link View#runnable}: the debugger's world, paused, waits for its user there instead of
     * ending in a deadlock report or a wait for input. Answers other than {@link Stop} are refused
     * and asked again.
     */
    default boolean asksWhenIdle() {
        return false;
    }

    /** Told after each slice: which processor ran which thread, for how many points, and what ended it. */
    default void ran(Ran ran) {}

    /**
     * Whether a {@link Run} in progress should end now (the user pressed Ctrl-C); asked before
     * each of its slices.
     */
    default boolean interrupted() {
        return false;
    }

    /** One slice that ran: processor, the thread's name as {@code ,threads} prints it, points, what ended it. */
    record Ran(int processor, String thread, long points, SliceEnd end) {}

    /**
     * Where the machine is at a choice: scheduling points so far, the runnable processors, the
     * thread on each processor (null when idle), and why the previous answer could not be
     * followed (or null).
     */
    record View(long steps, List<Integer> runnable, List<String> threadOn, String refused) {}

    /** An answer. */
    sealed interface Step {}

    /** Processor {@code processor} runs one scheduling point (or up to {@code points}, ending sooner if its thread leaves it). */
    record StepProcessor(int processor, long points) implements Step {
        public StepProcessor(int processor) {
            this(processor, 1);
        }
    }

    /** The thread with this name (as {@code ,threads} prints it) runs one scheduling point. */
    record StepThread(String thread) implements Step {}

    /** Run {@code points} scheduling points, processors taking turns (round robin), then ask again. */
    record Run(long points) implements Step {}

    /** End the run here (it counts as inconclusive, exit 4). */
    record Stop() implements Step {}
}
