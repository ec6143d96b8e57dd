package safepoint.vm.run;

import safepoint.tables.Policy;

/**
 * How a machine runs its next evaluations: how many processors, the simulated heap's size,
 * free run ({@code control} null) or controlled mode, and the locking policy of the tables made
 * from now on (a table keeps the policy it was made under). Immutable: a Machine takes a whole one
 * ({@code Machine.configure}) between runs and reads it once when each run starts. The
 * {@code with...} methods and the factories give changed copies, each checked here (the command
 * line reports bad options in its own words before it builds one).
 */
public record RunSettings(int processors, long heapBytes, Control control, Policy locks) {
    /** The simulated heap when --heap does not say: 256 MB. */
    public static final long DEFAULT_HEAP_BYTES = 256L << 20;

    /** Controlled mode's step bound when --max-steps does not say. */
    public static final long DEFAULT_MAX_STEPS = 10_000_000L;

    /**
     * A new Machine's settings: free run on one processor, so its prelude and the tests that
     * embed a Machine run deterministically. The command line starts from 4 ({@code -p}).
     */
    public static final RunSettings INITIAL = freeRun(1);

    public RunSettings {
        if (processors < 1) throw new IllegalArgumentException("processors: at least 1, not " + processors);
        if (heapBytes < 1) throw new IllegalArgumentException("heap size: a positive number of bytes, not " + heapBytes);
        if (locks == null) throw new IllegalArgumentException("a locking policy is needed (none for unsynchronized tables)");
    }

    /** The same settings, with tables made from now on under {@code policy}. */
    public RunSettings withLocks(Policy policy) {
        return new RunSettings(processors, heapBytes, control, policy);
    }

    /**
     * Controlled mode (--seed): every processor on one Java thread, {@code chooser} making the
     * choices (its randomness from {@code seed}), at most {@code maxSteps} scheduling points.
     */
    public record Control(long seed, Chooser chooser, long maxSteps) {
        public Control {
            if (chooser == null) throw new IllegalArgumentException("controlled mode needs a chooser");
            if (maxSteps < 1) throw new IllegalArgumentException("step bound: at least 1, not " + maxSteps);
        }
    }

    /** Free run on {@code processors} processors, default heap. */
    public static RunSettings freeRun(int processors) {
        return new RunSettings(processors, DEFAULT_HEAP_BYTES, null, Policy.DEFAULT);
    }

    public boolean controlled() {
        return control != null;
    }

    public RunSettings withProcessors(int n) {
        return new RunSettings(n, heapBytes, control, locks);
    }

    public RunSettings withHeapBytes(long bytes) {
        return new RunSettings(processors, bytes, control, locks);
    }

    /** Controlled mode with {@code seed} and the strategy of this command-line name, default step bound. */
    public RunSettings controlled(long seed, String strategy) {
        return controlled(seed, Chooser.named(strategy));
    }

    /** Controlled mode with {@code seed} and {@code chooser}, default step bound. */
    public RunSettings controlled(long seed, Chooser chooser) {
        return new RunSettings(processors, heapBytes, new Control(seed, chooser, DEFAULT_MAX_STEPS), locks);
    }

    /**
     * The same controlled mode with another chooser (a replay, a dfs prefix, a stepper), keeping
     * the seed and the step bound; from free run, seed 0 and the default bound.
     */
    public RunSettings choosing(Chooser chooser) {
        return control == null ? controlled(0, chooser) : new RunSettings(processors, heapBytes, new Control(control.seed, chooser, control.maxSteps), locks);
    }

    /** The same controlled mode with step bound {@code maxSteps}. */
    public RunSettings withMaxSteps(long maxSteps) {
        if (control == null) throw new IllegalArgumentException("a step bound needs controlled mode (free run has --timeout)");
        return new RunSettings(processors, heapBytes, new Control(control.seed, control.chooser, maxSteps), locks);
    }
}
