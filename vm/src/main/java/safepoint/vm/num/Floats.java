package safepoint.vm.num;

import java.math.BigInteger;
import safepoint.vm.data.Ratnum;

/** Exact conversions between flonums and exact numbers, correctly rounded (nearest, ties even). */
final class Floats {
    private Floats() {}

    static double toDouble(Object exact) {
        if (exact instanceof Long l) return (double) l;
        if (exact instanceof BigInteger b) return b.doubleValue(); // correctly rounded since JDK 8
        Ratnum r = (Ratnum) exact;
        return ratioToDouble(r.num, r.den);
    }

    /**
     * n/d rounded once to the nearest double: take a quotient with two bits more than the target
     * precision plus a sticky bit, then round by hand so subnormals are not rounded twice.
     */
    static double ratioToDouble(BigInteger n, BigInteger d) {
        int sign = n.signum();
        if (sign == 0) return 0.0;
        n = n.abs();
        int e = n.bitLength() - d.bitLength();
        int s = 54 - e; // q = floor(n * 2^s / d) lies in [2^53, 2^55)
        BigInteger[] qr = (s >= 0 ? n.shiftLeft(s) : n).divideAndRemainder(s >= 0 ? d : d.shiftLeft(-s));
        long q = qr[0].longValueExact();
        boolean sticky = qr[1].signum() != 0;
        int len = 64 - Long.numberOfLeadingZeros(q);
        int topExp = len - 1 - s; // exponent of the leading bit
        int drop = topExp >= -1022 ? len - 53 : s - 1074; // keep 53 bits, or stop at 2^-1074
        if (drop >= 56) return sign < 0 ? -0.0 : 0.0;
        long m = q >>> drop;
        long rest = q & ((1L << drop) - 1);
        long half = drop == 0 ? 0 : 1L << (drop - 1);
        if (drop > 0 && (rest > half || (rest == half && (sticky || (m & 1) == 1)))) m++;
        double v = Math.scalb((double) m, drop - s); // exact: m has at most 53 significant bits
        return sign < 0 ? -v : v;
    }

    /** The exact value of a finite double. */
    static Object toExact(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 0x1p63) return (long) d;
        long bits = Double.doubleToRawLongBits(d);
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & 0xfffffffffffffL;
        if (exp == 0) exp = 1; else mant |= 1L << 52;
        exp -= 1075; // value = mant * 2^exp
        if (bits < 0) mant = -mant;
        if (exp >= 0) return Exact.norm(BigInteger.valueOf(mant).shiftLeft(exp));
        int tz = Math.min(Long.numberOfTrailingZeros(mant), -exp);
        mant >>= tz;
        exp += tz;
        if (exp == 0) return mant;
        return new Ratnum(BigInteger.valueOf(mant), BigInteger.ONE.shiftLeft(-exp));
    }
}
