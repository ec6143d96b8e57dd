package safepoint.vm.print;

/**
 * Whether a token would read as a decimal number, so that a symbol with that name must be written
 * with bars ({@code |1|}, {@code |+i|}, {@code |1e5|}). Follows gsi 4.9.3's {@code string->number}
 * in radix 10: {@code #} digit placeholders, exponent markers {@code esfdl}, {@code 1/2},
 * {@code +inf.0}, {@code +nan.0} (but not {@code -nan.0}), rectangular and polar complexes.
 * Tokens starting with {@code #} need bars anyway, so prefixes are not handled here.
 */
final class NumberSyntax {
    private NumberSyntax() {}

    static boolean isNumber(String token) {
        String s = token.toLowerCase(java.util.Locale.ROOT);
        int n = s.length();
        if (n == 0) return false;
        if (s.equals("+i") || s.equals("-i")) return true;
        int e = real(s, 0);
        if (e < 0) return false;
        if (e == n) return true;
        char c = s.charAt(e);
        if (c == '@') return real(s, e + 1) == n;
        if (c == '+' || c == '-') return imaginary(s, e) == n;
        // A signed real followed by i is a pure imaginary: +2i, -inf.0i.
        return c == 'i' && e == n - 1 && (s.charAt(0) == '+' || s.charAt(0) == '-');
    }

    /** {@code [+-]ureal? i} starting at a sign; the end, or -1. */
    private static int imaginary(String s, int i) {
        if (i + 1 < s.length() && s.charAt(i + 1) == 'i' && i + 2 == s.length()) return i + 2;
        int e = real(s, i);
        if (e < 0 || e >= s.length() || s.charAt(e) != 'i') return -1;
        return e + 1;
    }

    /** An optionally signed real starting at i; the end of the longest match, or -1. */
    private static int real(String s, int i) {
        int n = s.length();
        boolean signed = i < n && (s.charAt(i) == '+' || s.charAt(i) == '-');
        if (signed) {
            if (s.startsWith("inf.0", i + 1)) return i + 6;
            if (s.charAt(i) == '+' && s.startsWith("nan.0", i + 1)) return i + 6;
            i++;
        }
        return ureal(s, i);
    }

    private static int ureal(String s, int i) {
        int n = s.length();
        int d = digits(s, i);
        if (d > i) {
            int j = hashes(s, d);
            if (j < n && s.charAt(j) == '/') {
                int k = digits(s, j + 1);
                if (k == j + 1) return -1;
                if (s.substring(j + 1, k).chars().allMatch(ch -> ch == '0')) return -1; // 1/0
                return hashes(s, k);
            }
            if (j < n && s.charAt(j) == '.') {
                int k = j + 1;
                if (j == d) k = digits(s, k); // no digits after a '#'
                k = hashes(s, k);
                return exponent(s, k);
            }
            return exponent(s, j);
        }
        if (i < n && s.charAt(i) == '.') {
            int k = digits(s, i + 1);
            if (k == i + 1) return -1;
            return exponent(s, hashes(s, k));
        }
        return -1;
    }

    /** An optional exponent at i; the end (i itself when there is none). */
    private static int exponent(String s, int i) {
        if (i >= s.length() || "esfdl".indexOf(s.charAt(i)) < 0) return i;
        int j = i + 1;
        if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
        int k = digits(s, j);
        return k == j ? i : k;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i;
    }

    private static int hashes(String s, int i) {
        while (i < s.length() && s.charAt(i) == '#') i++;
        return i;
    }
}
