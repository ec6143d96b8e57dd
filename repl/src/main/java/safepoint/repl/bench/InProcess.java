package safepoint.repl.bench;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import java.io.Reader;
import java.io.Writer;

/**
 * Times a benchmark on Safepoint itself: one fresh Machine per benchmark, {@code bench-run}
 * called through {@link Machine#call} and timed with System.nanoTime around the call, each
 * result checked against the expected one with the Scheme {@code equal?}.
 */
public final class InProcess {
    private InProcess() {}

    /** A run that takes longer than this is a failure (a hang must not stall the suite). */
    static final long RUN_LIMIT_NANOS = 120_000_000_000L;

    public static Result run(String name, String source, Policy policy) {
        return run(name, source, policy, false);
    }

    /** As {@link #run(String, String, Policy)}, in controlled mode (seed 1, one processor) when asked. */
    public static Result run(String name, String source, Policy policy, boolean controlled) {
        return run(name, source, policy, controlled, null);
    }

    /**
     * As {@link #run(String, String, Policy, boolean)}, with {@code observer} (when not null) made
     * for the benchmark's machine before it loads and closed after its last run: what looks at the
     * machine meanwhile (the inspector, for {@code bench inspector}).
     */
    public static Result run(String name, String source, Policy policy, boolean controlled,
            java.util.function.Function<Machine, AutoCloseable> observer) {
        Machine vm = new Machine(Writer.nullWriter(), Writer.nullWriter(), Reader.nullReader(), 0);
        try (AutoCloseable watching = observer == null ? null : observer.apply(vm)) {
            return timed(vm, name, source, policy, controlled);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in Safepoint: report it on this benchmark's line and go on with the others.
            return Result.failed(name, "Safepoint internal error: " + e);
        } catch (Exception e) {
            return Result.failed(name, "the observer could not stop: " + e);
        }
    }

    private static Result timed(Machine vm, String name, String source, Policy policy, boolean controlled) {
        if (controlled) vm.configure(vm.settings().controlled(1, "random").withMaxSteps(Long.MAX_VALUE));
        vm.deadline = System.nanoTime() + RUN_LIMIT_NANOS;
        Outcome loaded = vm.load(source, name + ".scm");
        if (loaded.status() != Outcome.Status.VALUE) return Result.failed(name, "loading failed: " + text(loaded));
        if (policy.testSize()) {
            Outcome set = vm.load("(set! bench-size bench-test-size)", "(bench)");
            if (set.status() != Outcome.Status.VALUE) return Result.failed(name, "setting the test size failed: " + text(set));
        }
        Object run = vm.lookup("bench-run");
        Object expected = vm.lookup(policy.testSize() ? "bench-test-expected" : "bench-expected");
        Object equal = vm.lookup("equal?");
        if (run == null || expected == null) return Result.failed(name, "the program does not define bench-run and its expected result");
        if (equal == null) return Result.failed(name, "equal? is not defined, so the result cannot be checked");

        Timed cold = once(vm, run, expected, equal);
        if (cold.failure != null) return Result.failed(name, "first run: " + cold.failure);
        double[] warm = new double[policy.maxWarm() + policy.minWarm()];
        int n = 0;
        double spent = 0;
        while (policy.more(n, spent)) {
            Timed t = once(vm, run, expected, equal);
            if (t.failure != null) return Result.failed(name, "run " + (n + 2) + ": " + t.failure);
            warm[n++] = t.millis;
            spent += t.millis;
        }
        return Result.ok(name, cold.millis, java.util.Arrays.copyOf(warm, n));
    }

    private record Timed(double millis, String failure) {}

    private static Timed once(Machine vm, Object run, Object expected, Object equal) {
        vm.deadline = System.nanoTime() + RUN_LIMIT_NANOS;
        long t0 = System.nanoTime();
        Outcome r = vm.call(run);
        long t1 = System.nanoTime();
        if (r.status() != Outcome.Status.VALUE) return new Timed(0, text(r));
        Outcome same = vm.call(equal, r.value(), expected);
        if (same.status() != Outcome.Status.VALUE) return new Timed(0, "equal? failed: " + text(same));
        if (Boolean.FALSE.equals(same.value())) {
            return new Timed(0, "wrong result " + vm.showResult(r.value()) + ", expected " + vm.showResult(expected));
        }
        return new Timed((t1 - t0) / 1e6, null);
    }

    private static String text(Outcome o) {
        if (o.status() == Outcome.Status.TIMEOUT) return "did not finish within " + RUN_LIMIT_NANOS / 1_000_000_000L + " s";
        if (o.status() == Outcome.Status.EXIT) return "the program called exit";
        String t = o.errorText() == null ? "error" : o.errorText().strip();
        return t.replace('\n', ' ');
    }
}
