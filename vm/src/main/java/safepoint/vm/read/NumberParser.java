package safepoint.vm.read;

import java.math.BigInteger;
import safepoint.vm.num.Complex;
import safepoint.vm.num.Num;

/**
 * Gambit's number syntax: optional prefixes {@code #x #b #o #d} and
 * {@code #e #i} (at most one of each, either order), a sign, then an integer, a ratio
 * {@code n/d}, or (radix 10 only) a decimal with an optional exponent marked by any of
 * {@code e s f d l}. Trailing {@code #} digits (R4RS) count as 0 and make the number inexact.
 * {@code +inf.0 -inf.0 +nan.0} are flonums. Results are normalized: Long, BigInteger only outside
 * the long range, Ratnum in lowest terms, Double.
 */
public final class NumberParser {
    /** Beyond this many powers of ten an exact decimal would take unreasonable time and memory. */
    private static final int MAX_EXACT_EXPONENT = 100_000;

    private NumberParser() {}

    /** The number written as {@code text}, or null when it is not a number. */
    public static Object parse(String text, int defaultRadix) {
        int n = text.length();
        int i = 0;
        int radix = 0;
        char exactness = 0;
        while (i < n && text.charAt(i) == '#') {
            if (i + 1 >= n) return null;
            char c = Character.toLowerCase(text.charAt(i + 1));
            if (c == 'e' || c == 'i') {
                if (exactness != 0) return null;
                exactness = c;
            } else {
                int r = c == 'x' ? 16 : c == 'd' ? 10 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
                if (r == 0 || radix != 0) return null;
                radix = r;
            }
            i += 2;
        }
        if (radix == 0) radix = defaultRadix;
        if (i >= n) return null;
        String body = text.substring(i);
        Object r = real(body, radix, exactness);
        return r != null ? r : complex(body, radix, exactness);
    }

    /** {@code m@a} or {@code a+bi} (the real part optional, {@code b} too: {@code +i}); else null. */
    private static Object complex(String s, int radix, char exactness) {
        int at = s.indexOf('@');
        if (at >= 0) {
            Object m = real(s.substring(0, at), radix, exactness), a = real(s.substring(at + 1), radix, exactness);
            return m == null || a == null ? null : Complex.polar(m, a);
        }
        int n = s.length();
        char last = s.charAt(n - 1);
        if (last != 'i' && last != 'I') return null;
        int split = n - 2;
        while (split >= 0 && !isPartSign(s, split, radix)) split--;
        if (split < 0) return null;
        Object re = split == 0 ? (Object) 0L : real(s.substring(0, split), radix, exactness);
        String imText = s.substring(split, n - 1);
        Object im = imText.length() == 1 ? (Object) (imText.charAt(0) == '-' ? -1L : 1L) : real(imText, radix, exactness);
        if (re == null || im == null) return null;
        if (imText.length() == 1 && exactness == 'i') im = Num.inexact(im);
        return Complex.make(re, im);
    }

    /** A sign that begins the imaginary part: not one of a decimal exponent ({@code 1e-2}). */
    private static boolean isPartSign(String s, int i, int radix) {
        char c = s.charAt(i);
        if (c != '+' && c != '-') return false;
        boolean afterMarker = radix == 10 && i >= 2 && "eEsSfFdDlL".indexOf(s.charAt(i - 1)) >= 0
                && "0123456789.#".indexOf(s.charAt(i - 2)) >= 0;
        return !afterMarker;
    }

    /** A real number, the whole of s (a sign, then an unsigned real, or an infinity or NaN). */
    private static Object real(String text, int radix, char exactness) {
        int n = text.length(), i = 0;
        if (n == 0) return null;
        char first = text.charAt(i);
        boolean neg = first == '-';
        boolean signed = neg || first == '+';
        if (signed && ++i >= n) return null;
        if (signed && n - i == 5) {
            Object special = infOrNan(text.substring(i), neg, exactness);
            if (special != null) return special;
        }
        return ureal(text, i, radix, neg, exactness);
    }

    // gsi reads each of these as one shared object, so (eq? +nan.0 +nan.0) is #t there.
    private static final Double POS_INF = Double.POSITIVE_INFINITY;
    private static final Double NEG_INF = Double.NEGATIVE_INFINITY;
    private static final Double NAN = Double.NaN;

    private static Object infOrNan(String body, boolean neg, char exactness) {
        if (exactness == 'e') return null;
        if (body.equalsIgnoreCase("inf.0")) return neg ? NEG_INF : POS_INF;
        if (body.equalsIgnoreCase("nan.0") && !neg) return NAN;
        return null;
    }

    private static Object ureal(String s, int start, int radix, boolean neg, char exactness) {
        int n = s.length();
        int p = digits(s, start, radix);
        int intEnd = p;
        int intHashes = hashes(s, p, intEnd > start);
        p += intHashes;
        if (p < n && s.charAt(p) == '/') {
            if (intEnd == start) return null;
            int dStart = p + 1;
            int dEnd = digits(s, dStart, radix);
            int dHashes = hashes(s, dEnd, dEnd > dStart);
            if (dEnd == dStart || dEnd + dHashes != n) return null;
            BigInteger num = integer(s, start, intEnd, intHashes, radix);
            BigInteger den = integer(s, dStart, dEnd, dHashes, radix);
            if (neg) num = num.negate();
            boolean inexact = exactness == 'i' || (exactness == 0 && intHashes + dHashes > 0);
            if (den.signum() == 0) {
                if (!inexact) return null;
                return num.signum() == 0 ? Double.NaN : num.signum() < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return inexact ? Rationals.toDouble(num, den) : Num.ratio(num, den);
        }
        if (radix != 10) {
            if (p != n || intEnd == start) return null;
            return finishInteger(s, start, intEnd, intHashes, radix, neg, exactness);
        }
        boolean decimal = intHashes > 0;
        int fracStart = p;
        int fracEnd = p;
        int fracHashes = 0;
        if (p < n && s.charAt(p) == '.') {
            decimal = true;
            fracStart = p + 1;
            fracEnd = intHashes > 0 ? fracStart : digits(s, fracStart, 10);
            fracHashes = hashes(s, fracEnd, intEnd > start || fracEnd > fracStart);
            p = fracEnd + fracHashes;
        }
        if (intEnd == start && fracEnd == fracStart) return null;
        long exponent = 0;
        if (p < n && "eEsSfFdDlL".indexOf(s.charAt(p)) >= 0) {
            decimal = true;
            p++;
            boolean expNeg = false;
            if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) expNeg = s.charAt(p++) == '-';
            int eStart = p;
            while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                if (exponent < 1_000_000_000L) exponent = exponent * 10 + (s.charAt(p) - '0');
                p++;
            }
            if (p == eStart) return null;
            if (expNeg) exponent = -exponent;
        }
        if (p != n) return null;
        if (!decimal) return finishInteger(s, start, intEnd, intHashes, radix, neg, exactness);
        // The significand's digits, with '#' as 0, and the power of ten that scales them.
        StringBuilder digits = new StringBuilder(n + 2);
        if (neg) digits.append('-');
        digits.append(s, start, intEnd);
        for (int k = 0; k < intHashes; k++) digits.append('0');
        digits.append(s, fracStart, fracEnd);
        for (int k = 0; k < fracHashes; k++) digits.append('0');
        long power = exponent - (fracEnd - fracStart) - fracHashes;
        if (exactness == 'e') return exactDecimal(digits.toString(), power);
        return Double.parseDouble(digits.append('E').append(power).toString());
    }

    private static Object exactDecimal(String digits, long power) {
        BigInteger m = new BigInteger(digits);
        if (m.signum() == 0) return 0L;
        if (Math.abs(power) > MAX_EXACT_EXPONENT) return null;
        BigInteger scale = BigInteger.TEN.pow((int) Math.abs(power));
        return power >= 0 ? Num.norm(m.multiply(scale)) : Num.ratio(m, scale);
    }

    private static Object finishInteger(String s, int start, int end, int hashes, int radix, boolean neg, char exactness) {
        boolean inexact = exactness == 'i' || (exactness == 0 && hashes > 0);
        if (hashes == 0 && end - start <= safeDigits(radix)) {
            long v = Long.parseLong(s, start, end, radix);
            if (neg) v = -v;
            return inexact ? (Object) (double) v : (Object) v;   // #i-0 is 0. as in gsi: the exact value converts
        }
        BigInteger b = integer(s, start, end, hashes, radix);
        if (neg) b = b.negate();
        if (inexact) return b.doubleValue();
        return Num.norm(b);
    }

    /** How many digits of a radix always fit in a positive long. */
    private static int safeDigits(int radix) {
        return radix == 10 ? 18 : radix == 16 ? 15 : radix == 8 ? 20 : radix == 2 ? 62 : 1;
    }

    private static BigInteger integer(String s, int start, int end, int hashes, int radix) {
        BigInteger b = new BigInteger(s.substring(start, end), radix);
        return hashes == 0 ? b : b.multiply(BigInteger.valueOf(radix).pow(hashes));
    }

    private static int digits(String s, int p, int radix) {
        int n = s.length();
        while (p < n && Character.digit(s.charAt(p), radix) >= 0 && s.charAt(p) < 128) p++;
        return p;
    }

    private static int hashes(String s, int p, boolean allowed) {
        if (!allowed) return 0;
        int q = p;
        while (q < s.length() && s.charAt(q) == '#') q++;
        return q - p;
    }
}
