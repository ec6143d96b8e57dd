package safepoint.repl.bench;

/**
 * How many times to run a benchmark: one cold run, then warm runs until {@code maxWarm} of
 * them or until they have taken {@code budgetMillis} together, but at least {@code minWarm}.
 * {@code testSize} runs the program's small test input instead of its benchmark input.
 */
public record Policy(int minWarm, int maxWarm, long budgetMillis, boolean testSize) {
    /** The suite's policy: 3 to 10 warm runs within about 5 seconds. */
    public static final Policy DEFAULT = new Policy(3, 10, 5000, false);

    /** Whether another warm run is due after {@code done} runs that took {@code spentMillis}. */
    boolean more(int done, double spentMillis) {
        return done < minWarm || (done < maxWarm && spentMillis < budgetMillis);
    }
}
