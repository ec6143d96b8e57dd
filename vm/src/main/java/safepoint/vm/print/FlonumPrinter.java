package safepoint.vm.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * TEMPORARY stand-in written by the numbers work item so its branch compiles and its tests can
 * print flonums; the printer work item owns the real one and replaces this file at merge.
 *
 * <p>Gambit's flonum syntax: shortest round-trip digits; positional when the decimal exponent
 * (value = 0.DIGITS x 10^e) is in -2..10 ({@code .001}, {@code 1000000000.}), otherwise
 * {@code 1.5e-10} style; no leading 0 before the point, a trailing point for integers.
 */
public final class FlonumPrinter {
    private FlonumPrinter() {}

    public static String format(double d) {
        if (Double.isNaN(d)) return "+nan.0";
        if (Double.isInfinite(d)) return d > 0 ? "+inf.0" : "-inf.0";
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        if (d == 0) return sign + "0.";
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal r = null;
        for (int p = 1; p <= 17; p++) {
            r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == Math.abs(d)) break;
        }
        String digits = r.unscaledValue().toString();
        int e = digits.length() - r.scale(); // value = 0.digits * 10^e
        digits = digits.replaceAll("0+$", "");
        int n = digits.length();
        StringBuilder sb = new StringBuilder(sign);
        if (e >= -2 && e <= 10) {
            if (e <= 0) sb.append('.').append("0".repeat(-e)).append(digits);
            else if (e < n) sb.append(digits, 0, e).append('.').append(digits, e, n);
            else sb.append(digits).append("0".repeat(e - n)).append('.');
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) sb.append('.').append(digits, 1, n);
            sb.append('e').append(e - 1);
        }
        return sb.toString();
    }
}
