package safepoint.vm.read;

import java.math.BigInteger;

/** Correctly rounded exact-to-flonum conversion for the reader (normal forms are {@code Num}'s). */
final class Rationals {

    private Rationals() {}

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
