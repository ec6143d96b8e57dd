package safepoint.vm.read;

import java.math.BigInteger;
import safepoint.vm.num.Num;

/**
 * TEMPORARY stand-in written by the numbers work item so {@code string->number} compiles and
 * can be tested; the reader work item owns the real one and replaces this file at merge. Handles
 * #x #o #b #d #e #i prefixes, integers, ratios, decimals and the +inf.0/-inf.0/+nan.0 forms.
 */
public final class NumberParser {
    private NumberParser() {}

    /** The number {@code text} denotes in {@code radix}, or null if it is not a number. */
    public static Object parse(String text, int radix) {
        char exactness = 0;
        String s = text;
        while (s.length() >= 2 && s.charAt(0) == '#') {
            char c = Character.toLowerCase(s.charAt(1));
            switch (c) {
                case 'x': radix = 16; break;
                case 'o': radix = 8; break;
                case 'b': radix = 2; break;
                case 'd': radix = 10; break;
                case 'e': case 'i': exactness = c; break;
                default: return null;
            }
            s = s.substring(2);
        }
        Object v = real(s, radix);
        if (v == null) return null;
        if (exactness == 'e') return Num.isRational(v) ? Num.exact(v) : null;
        if (exactness == 'i') return Num.inexact(v);
        return v;
    }

    private static Object real(String s, int radix) {
        switch (s) {
            case "+inf.0": return Double.POSITIVE_INFINITY;
            case "-inf.0": return Double.NEGATIVE_INFINITY;
            case "+nan.0": case "-nan.0": return Double.NaN;
            default: break;
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            BigInteger n = integer(s.substring(0, slash), radix, true);
            BigInteger d = integer(s.substring(slash + 1), radix, false);
            if (n == null || d == null || d.signum() == 0) return null;
            return Num.ratio(n, d);
        }
        BigInteger n = integer(s, radix, true);
        if (n != null) return Num.norm(n);
        if (radix != 10 || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return null;
        return Double.parseDouble(s);
    }

    private static BigInteger integer(String s, int radix, boolean signed) {
        int i = 0;
        if (signed && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) i = 1;
        if (i == s.length()) return null;
        for (int j = i; j < s.length(); j++) {
            if (Character.digit(s.charAt(j), radix) < 0) return null;
        }
        return new BigInteger(s.charAt(0) == '+' ? s.substring(1) : s, radix);
    }
}
