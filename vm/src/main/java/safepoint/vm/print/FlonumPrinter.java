package safepoint.vm.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Flonums as gsi 4.9.3 writes them: the shortest decimal that reads back as the same double
 * (Java 17's {@link Double#toString} is not always shortest), in Gambit's layout: {@code .5},
 * {@code 100.}, {@code -0.}, {@code 1e21}, {@code 1.5e-7}, {@code +inf.0}, {@code +nan.0}.
 */
public final class FlonumPrinter {
    private FlonumPrinter() {}

    /** {@code value = 0.digits × 10^point}; digits has no leading or trailing zeros. */
    record Digits(String digits, int point) {}

    private static final double TWO_53 = 9007199254740992.0;

    public static String format(double d) {
        if (Double.isNaN(d)) return "+nan.0";
        if (d == Double.POSITIVE_INFINITY) return "+inf.0";
        if (d == Double.NEGATIVE_INFINITY) return "-inf.0";
        if (d == 0) return 1 / d < 0 ? "-0." : "0.";
        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
            d = -d;
        }
        layout(shortest(d), sb);
        return sb.toString();
    }

    /**
     * Gambit switches to exponent form outside [1e-3, 1e10): checked against gsi, which prints
     * {@code .001}, {@code 1e-4}, {@code 9999999999.5} and {@code 1e10}.
     */
    static void layout(Digits g, StringBuilder sb) {
        String ds = g.digits();
        int n = ds.length();
        int k = g.point();
        if (k >= -2 && k <= 10) {
            if (k <= 0) {
                sb.append('.');
                for (int i = k; i < 0; i++) sb.append('0');
                sb.append(ds);
            } else if (k < n) {
                sb.append(ds, 0, k).append('.').append(ds, k, n);
            } else {
                sb.append(ds);
                for (int i = n; i < k; i++) sb.append('0');
                sb.append('.');
            }
        } else {
            sb.append(ds.charAt(0));
            if (n > 1) sb.append('.').append(ds, 1, n);
            sb.append('e').append(k - 1);
        }
    }

    /** The shortest round-tripping digits of a finite positive double, the closest if several. */
    static Digits shortest(double d) {
        if (d < TWO_53 && d == Math.rint(d)) {
            // Integers below 2^53 are all representable, so no shorter decimal maps to d.
            return digitsOf(BigDecimal.valueOf((long) d));
        }
        BigDecimal exact = new BigDecimal(d);
        // Whether some p-digit decimal reads back as d is monotone in p (a p-digit decimal is
        // also a (p+1)-digit one), so the shortest p is found by bisection; 17 always suffices.
        int lo = 1;
        int hi = 17;
        BigDecimal found = null;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            BigDecimal c = candidate(exact, d, mid);
            if (c != null) {
                hi = mid;
                found = c;
            } else {
                lo = mid + 1;
            }
        }
        if (found == null) found = candidate(exact, d, 17);
        return digitsOf(found != null ? found : exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    /** The p-digit decimal closest to d that reads back as d, or null if there is none. */
    private static BigDecimal candidate(BigDecimal exact, double d, int p) {
        BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (readsAs(nearest, d)) return nearest;
        // Rounding to nearest can miss when d's rounding interval is lopsided (at a power of
        // two): a decimal farther away on the wider side may still read back as d.
        BigDecimal best = null;
        for (RoundingMode m : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal c = exact.round(new MathContext(p, m));
            if (c.compareTo(nearest) == 0 || !readsAs(c, d)) continue;
            if (best == null || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) best = c;
        }
        return best;
    }

    private static boolean readsAs(BigDecimal c, double d) {
        return Double.parseDouble(c.toString()) == d;
    }

    private static Digits digitsOf(BigDecimal c) {
        BigDecimal s = c.stripTrailingZeros();
        String ds = s.unscaledValue().toString();
        return new Digits(ds, ds.length() - s.scale());
    }
}
