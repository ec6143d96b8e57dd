package safepoint.vm.num;

import java.math.BigInteger;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ratnum;

/**
 * Exact arithmetic on integers and ratios. Every result is normalized: an integer that fits in a
 * long is a Long, a ratio is in lowest terms with a positive denominator &gt; 1. Arguments are
 * known to be exact numbers (Long, BigInteger or Ratnum).
 */
final class Exact {
    private Exact() {}

    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /** Above this many bits a result counts as exhausting the heap, as gsi reports it. */
    static final long MAX_BITS = 1L << 28;

    static Object norm(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    static BigInteger big(Object x) {
        return x instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) x;
    }

    static BigInteger num(Object x) {
        return x instanceof Ratnum r ? r.num : big(x);
    }

    static BigInteger den(Object x) {
        return x instanceof Ratnum r ? r.den : BigInteger.ONE;
    }

    static int signum(Object x) {
        if (x instanceof Long l) return Long.signum(l);
        if (x instanceof BigInteger b) return b.signum();
        return ((Ratnum) x).num.signum();
    }

    /** n/d in lowest terms; d must not be zero. */
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
        return d.equals(BigInteger.ONE) ? norm(n) : new Ratnum(n, d);
    }

    static Object add(Object a, Object b) {
        if (a instanceof Ratnum || b instanceof Ratnum) {
            BigInteger ad = den(a), bd = den(b);
            return ratio(num(a).multiply(bd).add(num(b).multiply(ad)), ad.multiply(bd));
        }
        return norm(big(a).add(big(b)));
    }

    static Object sub(Object a, Object b) {
        if (a instanceof Ratnum || b instanceof Ratnum) {
            BigInteger ad = den(a), bd = den(b);
            return ratio(num(a).multiply(bd).subtract(num(b).multiply(ad)), ad.multiply(bd));
        }
        return norm(big(a).subtract(big(b)));
    }

    static Object mul(Object a, Object b) {
        if (a instanceof Ratnum || b instanceof Ratnum) {
            return ratio(num(a).multiply(num(b)), den(a).multiply(den(b)));
        }
        return norm(big(a).multiply(big(b)));
    }

    /** b is not zero. */
    static Object div(Object a, Object b) {
        return ratio(num(a).multiply(den(b)), den(a).multiply(num(b)));
    }

    static Object negate(Object a) {
        if (a instanceof Long l) return l == Long.MIN_VALUE ? LONG_MIN.negate() : (Object) (-l);
        if (a instanceof BigInteger b) return norm(b.negate());
        Ratnum r = (Ratnum) a;
        return new Ratnum(r.num.negate(), r.den);
    }

    static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Ratnum || b instanceof Ratnum) {
            return num(a).multiply(den(b)).compareTo(num(b).multiply(den(a)));
        }
        return big(a).compareTo(big(b));
    }

    /** Positive integer power, e &gt;= 1, guarding against results no heap could hold. */
    static Object pow(Object base, BigInteger e) {
        if (base instanceof Ratnum r) {
            return new Ratnum(intPow(r.num, e), intPow(r.den, e));
        }
        BigInteger b = big(base);
        if (b.signum() == 0 || b.equals(BigInteger.ONE)) return norm(b);
        if (b.equals(BigInteger.ONE.negate())) return e.testBit(0) ? -1L : 1L;
        return norm(intPow(b, e));
    }

    private static BigInteger intPow(BigInteger b, BigInteger e) {
        if (b.abs().equals(BigInteger.ONE)) return e.testBit(0) ? b : BigInteger.ONE;
        if (e.bitLength() > 31 || (long) b.bitLength() * e.longValue() > MAX_BITS) throw heapOverflow();
        return b.pow(e.intValue());
    }

    static RuntimeException heapOverflow() {
        return Condition.of(Condition.Kind.HEAP_OVERFLOW, "Heap overflow");
    }

    /** The exact k-th root of a non-negative integer, or null if it is not a perfect power. */
    static BigInteger exactRoot(BigInteger n, int k) {
        if (n.signum() == 0 || n.equals(BigInteger.ONE)) return n;
        if (k > n.bitLength()) return null; // 2^k > n, so only 0 and 1 have a k-th root
        if (k == 2) {
            BigInteger s = n.sqrt();
            return s.multiply(s).equals(n) ? s : null;
        }
        // Newton's method on integers from an upper bound.
        int bits = n.bitLength() / k + 1;
        BigInteger x = BigInteger.ONE.shiftLeft(bits);
        BigInteger km1 = BigInteger.valueOf(k - 1), bk = BigInteger.valueOf(k);
        while (true) {
            BigInteger y = km1.multiply(x).add(n.divide(x.pow(k - 1))).divide(bk);
            if (y.compareTo(x) >= 0) break;
            x = y;
        }
        return x.pow(k).equals(n) ? x : null;
    }
}
