package safepoint.vm.read;

import java.math.BigInteger;
import safepoint.vm.data.Ratnum;

/** Normal forms for exact numbers, and correctly rounded exact-to-flonum conversion. */
final class Rationals {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Rationals() {}

    /** A Long when the value fits, else the BigInteger. */
    static Object integer(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    /** n/d in lowest terms with a positive denominator; an integer when it divides. d must not be 0. */
    static Object ratio(BigInteger n, BigInteger d) {
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        BigInteger g = n.gcd(d);
        if (!g.equals(BigInteger.ONE)) {
            n = n.divide(g);
            d = d.divide(g);
        }
        return d.equals(BigInteger.ONE) ? integer(n) : new Ratnum(n, d);
    }

    /**
     * The flonum nearest n/d (ties to even), d &gt; 0. Divides once to get 54-55 quotient bits (or
     * fewer when the result is subnormal), then rounds using the remainder as a sticky bit, so
     * there is no double rounding.
     */
    static double toDouble(BigInteger n, BigInteger d) {
        if (n.signum() == 0) return 0.0;
        boolean neg = n.signum() < 0;
        BigInteger a = n.abs();
        int e = a.bitLength() - d.bitLength();       // a/d is in [2^(e-1), 2^(e+1))
        if (e > 1100) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (e < -1200) return neg ? -0.0 : 0.0;
        int k = 54 - e;                                // a/d * 2^k has 54 or 55 bits
        BigInteger num = k > 0 ? a.shiftLeft(k) : a;
        BigInteger den = k < 0 ? d.shiftLeft(-k) : d;
        BigInteger[] qr = num.divideAndRemainder(den);
        BigInteger q = qr[0];
        boolean sticky = qr[1].signum() != 0;
        int drop = q.bitLength() - 53;                 // bits below the 53-bit significand
        if (k - drop > 1074) drop = k - 1074;          // subnormal: the last bit is worth 2^-1074
        if (drop > 0) {
            if (drop > q.bitLength()) return neg ? -0.0 : 0.0;
            boolean half = q.testBit(drop - 1);
            boolean below = sticky || q.getLowestSetBit() < drop - 1;
            q = q.shiftRight(drop);
            if (half && (below || q.testBit(0))) q = q.add(BigInteger.ONE);
        }
        double r = Math.scalb(q.doubleValue(), -(k - drop));
        return neg ? -r : r;
    }
}
