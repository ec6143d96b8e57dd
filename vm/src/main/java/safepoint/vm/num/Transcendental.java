package safepoint.vm.num;

import java.math.BigInteger;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Cpxnum;
import safepoint.vm.data.Ratnum;

/**
 * exp, log, the trigonometric functions, sqrt and expt. Like gsi, a few exact arguments give
 * exact answers ({@code (exp 0)} is 1, {@code (sqrt 16)} is 4, {@code (log 8 2)} is 3). A complex
 * argument, or a real one whose answer is complex ({@code (sqrt -4)} is {@code +2i}), goes to
 * {@link Complex} once the real cases have failed.
 */
public final class Transcendental {
    private Transcendental() {}

    public static final int EXP = 0, SIN = 1, COS = 2, TAN = 3, ASIN = 4, ACOS = 5, ATAN = 6;
    private static final String[] NAMES = {"exp", "sin", "cos", "tan", "asin", "acos", "atan"};

    /** A one-argument function other than log and sqrt. */
    public static Object apply(int fn, Object x) {
        String who = NAMES[fn];
        if (!Num.isNumber(x)) throw Condition.typeError(who, 1, "NUMBER", x);
        if (x instanceof Cpxnum) return complex(fn, x);
        if (Num.isExactZero(x)) {
            if (fn == EXP || fn == COS) return 1L;
            if (fn != ACOS) return 0L;
        }
        if (fn == ACOS && x instanceof Long l && l == 1) return 0L;
        double d = Num.toDouble(x);
        switch (fn) {
            case EXP: return Math.exp(d);
            case SIN: return Math.sin(d);
            case COS: return Math.cos(d);
            case TAN: return Math.tan(d);
            case ASIN: return Math.abs(d) > 1 ? Complex.asin(x) : (Object) Math.asin(d);
            case ACOS: return Math.abs(d) > 1 ? Complex.acos(x) : (Object) Math.acos(d);
            default: return Math.atan(d);
        }
    }

    private static Object complex(int fn, Object z) {
        switch (fn) {
            case EXP: return Complex.exp(z);
            case SIN: return Complex.sin(z);
            case COS: return Complex.cos(z);
            case TAN: return Complex.tan(z);
            case ASIN: return Complex.asin(z);
            case ACOS: return Complex.acos(z);
            default: return Complex.atan(z);
        }
    }

    /** {@code (atan y x)}. */
    public static Object atan2(Object y, Object x) {
        if (!Num.isReal(y)) throw Condition.typeError("atan", 1, "REAL", y, x);
        if (!Num.isReal(x)) throw Condition.typeError("atan", 2, "REAL", y, x);
        if (Num.isExactZero(y) && Num.isExactNumber(x) && Exact.signum(x) >= 0) return 0L;
        return Math.atan2(Num.toDouble(y), Num.toDouble(x));
    }

    public static Object log(Object x) {
        if (!Num.isNumber(x)) throw Condition.typeError("log", 1, "NUMBER", x);
        if (x instanceof Double d) {
            if (d < 0) return Complex.log(x);
            return Math.log(d);
        }
        if (x instanceof Cpxnum) return Complex.log(x);
        int s = Exact.signum(x);
        if (s == 0) throw Condition.rangeError("log", 1, x);
        if (s < 0) return Complex.log(x);
        if (x instanceof Long l && l == 1) return 0L;
        return logExact(x);
    }

    /** Natural log of a positive exact number, even beyond the double range. */
    private static double logExact(Object x) {
        double d = Floats.toDouble(x);
        if (d != 0 && !Double.isInfinite(d) && d >= Double.MIN_NORMAL) return Math.log(d);
        return logBig(Exact.num(x)) - logBig(Exact.den(x));
    }

    private static double logBig(BigInteger n) {
        int shift = Math.max(0, n.bitLength() - 60);
        return Math.log(n.shiftRight(shift).doubleValue()) + shift * Math.log(2);
    }

    /** {@code (log x b)}: exact when both are exact powers of two, as in gsi. */
    public static Object log(Object x, Object b) {
        if (!Num.isNumber(x)) throw Condition.typeError("log", 1, "NUMBER", x, b);
        if (!Num.isNumber(b)) throw Condition.typeError("log", 2, "NUMBER", x, b);
        if (Num.isExactZero(x)) throw Condition.rangeError("log", 1, x, b);
        if (Num.isExactZero(b) || (b instanceof Long l && l == 1)) throw Condition.rangeError("log", 2, x, b);
        int px = powerOfTwo(x), pb = powerOfTwo(b);
        if (px >= 0 && pb > 0) return Exact.ratio(BigInteger.valueOf(px), BigInteger.valueOf(pb));
        return Num.div(log(x), log(b));
    }

    /** k if x is the exact integer 2^k, else -1. */
    private static int powerOfTwo(Object x) {
        if (!Num.isExactInteger(x)) return -1;
        BigInteger n = Exact.big(x);
        return n.signum() > 0 && n.bitCount() == 1 ? n.bitLength() - 1 : -1;
    }

    // ---- square roots ------------------------------------------------------------------------

    public static Object sqrt(Object x) {
        if (x instanceof Double d) {
            if (d < 0) return Complex.sqrt(x);
            return Math.sqrt(d);
        }
        if (!Num.isNumber(x)) throw Condition.typeError("sqrt", 1, "NUMBER", x);
        if (x instanceof Cpxnum || Exact.signum(x) < 0) return Complex.sqrt(x);
        BigInteger rn = Exact.exactRoot(Exact.num(x), 2);
        if (rn != null) {
            BigInteger rd = Exact.exactRoot(Exact.den(x), 2);
            if (rd != null) return Exact.ratio(rn, rd);
        }
        return inexactSqrt(x);
    }

    private static double inexactSqrt(Object x) {
        double d = Floats.toDouble(x);
        if (d != 0 && !Double.isInfinite(d) && d >= Double.MIN_NORMAL) return Math.sqrt(d);
        // Out of the double range: sqrt(n/d) = sqrt(n * 4^k / d) / 2^k with ~120 bits under the root.
        BigInteger n = Exact.num(x), den = Exact.den(x);
        int k = Math.max(0, (120 - (n.bitLength() - den.bitLength())) / 2);
        BigInteger q = n.shiftLeft(2 * k).divide(den);
        return Math.scalb(q.sqrt().doubleValue(), -k);
    }

    /** {@code (exact-integer-sqrt n)}: s and n - s^2. */
    public static Object[] exactIntegerSqrt(Object x) {
        if (!Num.isExactInteger(x)) throw Condition.typeError("exact-integer-sqrt", 1, "Exact INTEGER", x);
        BigInteger n = Exact.big(x);
        if (n.signum() < 0) throw Condition.rangeError("exact-integer-sqrt", 1, x);
        BigInteger s = n.sqrt();
        return new Object[] {Exact.norm(s), Exact.norm(n.subtract(s.multiply(s)))};
    }

    // ---- expt --------------------------------------------------------------------------------

    public static Object expt(Object b, Object e) {
        if (!Num.isNumber(b)) throw Condition.typeError("expt", 1, "NUMBER", b, e);
        if (!Num.isNumber(e)) throw Condition.typeError("expt", 2, "NUMBER", b, e);
        if (b instanceof Cpxnum || e instanceof Cpxnum) return Complex.expt(b, e);
        if (Num.isExactInteger(e)) return exptInteger(b, e);
        if (e instanceof Ratnum r) return exptRatio(b, r);
        double de = (Double) e;
        if (Num.isExactZero(b)) {
            if (Double.isNaN(de)) return de;
            if (de < 0) throw Condition.rangeError("expt", 1, b, e);
            return 0.0;
        }
        double db = Num.toDouble(b);
        if (Double.isNaN(db) || Double.isNaN(de)) return Double.NaN;
        if (db < 0 && !Double.isInfinite(de) && de != Math.rint(de)) return Complex.expt(b, e);
        return Math.pow(db, de);
    }

    private static Object exptInteger(Object b, Object e) {
        int s = Exact.signum(e);
        if (s == 0) return 1L;
        if (b instanceof Double db) return Math.pow(db, Floats.toDouble(e));
        if (Num.isExactZero(b)) {
            if (s < 0) throw Condition.rangeError("expt", 1, b, e);
            return 0L;
        }
        BigInteger n = Exact.big(e);
        if (s > 0) return Exact.pow(b, n);
        return Exact.div(1L, Exact.pow(b, n.negate()));
    }

    private static Object exptRatio(Object b, Ratnum e) {
        if (b instanceof Double db) {
            if (db < 0) return Complex.expt(b, e);
            return Math.pow(db, Floats.toDouble(e));
        }
        int s = Exact.signum(b);
        if (s == 0) {
            if (e.num.signum() < 0) throw Condition.rangeError("expt", 1, b, e);
            return 0L;
        }
        if (s < 0) return Complex.expt(b, e);
        if (e.den.bitLength() < 31) {
            int k = e.den.intValue();
            BigInteger rn = Exact.exactRoot(Exact.num(b), k);
            BigInteger rd = rn == null ? null : Exact.exactRoot(Exact.den(b), k);
            if (rd != null) return exptInteger(Exact.ratio(rn, rd), Exact.norm(e.num));
        }
        return Math.pow(Num.toDouble(b), Floats.toDouble(e));
    }
}
