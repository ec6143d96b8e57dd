package safepoint.repl.bench;

/**
 * The timing of one benchmark on one system: the cold (first) run and the median of the warm
 * runs, in milliseconds; or, when the program failed or gave a wrong result, why.
 */
public record Result(String name, String failure, double coldMs, double warmMs, int warmRuns) {
    public static Result ok(String name, double coldMs, double[] warmMs) {
        return new Result(name, null, coldMs, Stats.median(warmMs), warmMs.length);
    }

    public static Result failed(String name, String why) {
        return new Result(name, why, Double.NaN, Double.NaN, 0);
    }

    public boolean ok() {
        return failure == null;
    }
}
