package safepoint.repl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The benchmark programs: portable Scheme files under {@code /safepoint/bench/} that both
 * Safepoint and gsi run unchanged. Each defines {@code bench-run} (the fixed work, done once),
 * {@code bench-expected} (its correct result), {@code bench-size}, and for tests a smaller
 * {@code bench-test-size} with its {@code bench-test-expected}.
 */
public final class Programs {
    private Programs() {}

    /** Every benchmark, in the order the suite runs them. */
    public static final List<String> NAMES = List.of(
            "fib", "tak", "ack", "cpstak", "ctak", "fibc", "nqueens", "deriv", "destruc", "primes", "sum",
            "quicksort", "string", "vector");

    /** The benchmarks dominated by call/cc, whose figures are also summarised apart. */
    public static final Set<String> CONTINUATION = Set.of("ctak", "fibc");

    /** The Scheme text of a benchmark (one of NAMES). */
    public static String source(String name) {
        String path = "/safepoint/bench/" + name + ".scm";
        try (InputStream in = Programs.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no benchmark program " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
