package safepoint.repl.bench;

import java.util.Arrays;
import java.util.Collection;

/** The two statistics the suite reports. */
public final class Stats {
    private Stats() {}

    /** The median (the mean of the two middle values for an even count); NaN for none. */
    public static double median(double[] xs) {
        if (xs.length == 0) return Double.NaN;
        double[] s = xs.clone();
        Arrays.sort(s);
        int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }

    /**
     * The geometric mean, computed as exp(mean(log x)) so that many ratios do not overflow;
     * NaN when there are no values or one is not positive (a ratio is always positive).
     */
    public static double geometricMean(Collection<Double> xs) {
        if (xs.isEmpty()) return Double.NaN;
        double logs = 0;
        for (double x : xs) {
            if (!(x > 0)) return Double.NaN;
            logs += Math.log(x);
        }
        return Math.exp(logs / xs.size());
    }
}
