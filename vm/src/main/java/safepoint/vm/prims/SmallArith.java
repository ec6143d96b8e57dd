package safepoint.vm.prims;

import java.math.BigInteger;
import safepoint.vm.data.Ratnum;

/**
 * The few sums and products {@code iota} needs, over fixnums, bignums, ratnums and flonums,
 * following Gambit where it differs from naive promotion: exact 0 times anything is exact 0.
 * (The numbers work item owns the full tower in {@code num.Num}; this stays private to prims.)
 */
final class SmallArith {
    private SmallArith() {}

    static boolean isNumber(Object x) {
        return x instanceof Long || x instanceof Double || x instanceof BigInteger || x instanceof Ratnum;
    }

    static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            return r;
        }
        if (a instanceof Double || b instanceof Double) return toDouble(a) + toDouble(b);
        BigInteger[] p = rat(a), q = rat(b);
        return make(p[0].multiply(q[1]).add(q[0].multiply(p[1])), p[1].multiply(q[1]));
    }

    static Object mul(Object a, Object b) {
        if (isExactZero(a) || isExactZero(b)) return 0L;
        if (a instanceof Long x && b instanceof Long y) {
            long hi = Math.multiplyHigh(x, y), lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
            return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
        }
        if (a instanceof Double || b instanceof Double) return toDouble(a) * toDouble(b);
        BigInteger[] p = rat(a), q = rat(b);
        return make(p[0].multiply(q[0]), p[1].multiply(q[1]));
    }

    private static boolean isExactZero(Object x) {
        return x instanceof Long l && l == 0;
    }

    private static double toDouble(Object x) {
        if (x instanceof Double d) return d;
        if (x instanceof Long l) return l;
        if (x instanceof BigInteger b) return b.doubleValue();
        Ratnum r = (Ratnum) x;
        return new java.math.BigDecimal(r.num).divide(new java.math.BigDecimal(r.den), java.math.MathContext.DECIMAL64).doubleValue();
    }

    private static BigInteger[] rat(Object x) {
        if (x instanceof Long l) return new BigInteger[] {BigInteger.valueOf(l), BigInteger.ONE};
        if (x instanceof BigInteger b) return new BigInteger[] {b, BigInteger.ONE};
        Ratnum r = (Ratnum) x;
        return new BigInteger[] {r.num, r.den};
    }

    /** Normalize num/den (den > 0) to an integer or a Ratnum in lowest terms. */
    private static Object make(BigInteger num, BigInteger den) {
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE)) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (den.equals(BigInteger.ONE)) return num.bitLength() < 64 ? (Object) num.longValue() : num;
        return new Ratnum(num, den);
    }
}
