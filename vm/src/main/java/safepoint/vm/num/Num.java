package safepoint.vm.num;

import java.math.BigInteger;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Cpxnum;
import safepoint.vm.data.Ratnum;

/**
 * The numeric tower: fixnums ({@link Long}), bignums ({@link java.math.BigInteger}, only outside
 * the long range), exact rationals ({@link safepoint.vm.data.Ratnum}), flonums ({@link Double})
 * and complex numbers ({@link Cpxnum}, whose arithmetic is {@link Complex}'s). Results are
 * normalized: a bignum that fits in a long becomes a Long, a ratio with denominator 1 an integer,
 * a complex number with an exact 0 imaginary part its real part.
 *
 * <p>The fast cases (two fixnums, two flonums) come first; a complex argument is looked for only
 * after they fail, so the real path costs what it did before complex numbers.
 *
 * <p>The binary operations ({@link #add}, {@link #lt}, ...) raise errors exactly as the
 * two-argument call of the Scheme procedure does in gsi, e.g. {@code (+ 1 'a)} gives
 * "(Argument 2) NUMBER expected". So the interpreter may call them for any binary call site.
 * Variadic primitives check their arguments first and only then fold with these.
 *
 * <p>Gambit's rules kept here: an exact 0 is absorbing in {@code *} even with a flonum
 * ({@code (* 0 1.5)} is 0); adding an exact 0 to a flonum returns the flonum unchanged (so -0.
 * survives); mixed exact/flonum comparisons are exact ({@code (= 1/3 .3333333333333333)} is #f).
 */
public final class Num {
    private Num() {}

    // ---- classification --------------------------------------------------------------------

    public static boolean isNumber(Object o) {
        return isReal(o) || o instanceof Cpxnum;
    }

    public static boolean isExactNumber(Object o) {
        return o instanceof Long || o instanceof BigInteger || o instanceof Ratnum;
    }

    public static boolean isExactInteger(Object o) {
        return o instanceof Long || o instanceof BigInteger;
    }

    /** {@code integer?}: exact integers and integral finite flonums; #f for non-numbers. */
    public static boolean isInteger(Object o) {
        if (o instanceof Long || o instanceof BigInteger) return true;
        return o instanceof Double d && !d.isInfinite() && d == Math.rint(d);
    }

    public static boolean isRational(Object o) {
        if (o instanceof Double d) return !d.isNaN() && !d.isInfinite();
        return isExactNumber(o);
    }

    /** {@code real?}: every number but a complex one (gsi: {@code (real? 1+0.i)} is #f). */
    public static boolean isReal(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof BigInteger || o instanceof Ratnum;
    }

    /** {@code exact?}: raises "NUMBER expected" for a non-number, as gsi does. */
    public static boolean isExact(Object o) {
        if (o instanceof Double) return false;
        if (isExactNumber(o)) return true;
        if (o instanceof Cpxnum c) return Complex.isExact(c);
        throw Condition.typeError("exact?", 1, "NUMBER", o);
    }

    static boolean isExactZero(Object o) {
        return o instanceof Long l && l == 0;
    }

    /** Zero of either exactness; non-numbers raise as {@code (zero? x)}. */
    public static boolean isZero(Object o) {
        if (o instanceof Long l) return l == 0;
        if (o instanceof Double d) return d == 0.0;
        if (o instanceof BigInteger || o instanceof Ratnum) return false;
        if (o instanceof Cpxnum c) return Complex.isZero(c);
        throw Condition.typeError("zero?", 1, "NUMBER", o);
    }

    /** Sign of a real; NaN gives 0. Raises "REAL expected" as {@code who}. */
    public static int sign(Object o, String who) {
        if (o instanceof Long l) return Long.signum(l);
        if (o instanceof Double d) return d > 0 ? 1 : d < 0 ? -1 : 0;
        if (isExactNumber(o)) return Exact.signum(o);
        throw Condition.typeError(who, 1, "REAL", o);
    }

    // ---- conversions -------------------------------------------------------------------------

    public static Object norm(BigInteger b) {
        return Exact.norm(b);
    }

    /** The normalized exact number n/d (d not zero). */
    public static Object ratio(BigInteger n, BigInteger d) {
        return Exact.ratio(n, d);
    }

    /** The nearest double (correctly rounded); raises as {@code (inexact x)} for non-numbers. */
    public static double toDouble(Object x) {
        if (x instanceof Double d) return d;
        if (x instanceof Long l) return (double) l;
        if (isExactNumber(x)) return Floats.toDouble(x);
        throw Condition.typeError("inexact", 1, "NUMBER", x);
    }

    public static Object inexact(Object x) {
        return inexact(x, "inexact");
    }

    public static Object inexact(Object x, String who) {
        if (x instanceof Double) return x;
        if (isExactNumber(x)) return Floats.toDouble(x);
        if (x instanceof Cpxnum c) return Complex.inexact(c);
        throw Condition.typeError(who, 1, "NUMBER", x);
    }

    /** A flonum's exact value; infinities and NaN raise "Out of range". */
    public static Object exact(Object x) {
        return exact(x, "exact");
    }

    public static Object exact(Object x, String who) {
        if (x instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) throw Condition.rangeError(who, 1, x);
            return Floats.toExact(d);
        }
        if (isExactNumber(x)) return x;
        if (x instanceof Cpxnum c) return Complex.exact(c, who);
        throw Condition.typeError(who, 1, "NUMBER", x);
    }

    // ---- arithmetic --------------------------------------------------------------------------

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            return r;
        }
        if (a instanceof Double x && b instanceof Double y) return x + y;
        if (complex("+", a, b)) return Complex.add(a, b);
        if (a instanceof Double x) return isExactZero(b) ? x : x + Floats.toDouble(b);
        if (b instanceof Double y) return isExactZero(a) ? y : Floats.toDouble(a) + y;
        return Exact.add(a, b);
    }

    public static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
            return r;
        }
        if (a instanceof Double x && b instanceof Double y) return x - y;
        if (complex("-", a, b)) return Complex.sub(a, b);
        if (a instanceof Double x) return isExactZero(b) ? x : x - Floats.toDouble(b);
        if (b instanceof Double y) return isExactZero(a) ? -y : Floats.toDouble(a) - y;
        return Exact.sub(a, b);
    }

    public static Object mul(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long hi = Math.multiplyHigh(x, y), lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
            return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
        }
        if (a instanceof Double x && b instanceof Double y) return x * y;
        if (complex("*", a, b)) return Complex.mul(a, b);
        if (isExactZero(a) || isExactZero(b)) return 0L;
        if (a instanceof Double x) return x * Floats.toDouble(b);
        if (b instanceof Double y) return Floats.toDouble(a) * y;
        return Exact.mul(a, b);
    }

    /** Division; an exact 0 divisor raises "Divide by zero" even for a flonum dividend. */
    public static Object div(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) return x / y;
        boolean complex = complex("/", a, b);
        if (isExactZero(b)) throw Condition.divideByZero("/", a, b);
        if (complex) return Complex.div(a, b);
        if (a instanceof Long x && b instanceof Long y && y != -1 && x % y == 0) return x / y;
        if (a instanceof Double x) return x / Floats.toDouble(b);
        if (b instanceof Double y) return Floats.toDouble(a) / y;
        return Exact.div(a, b);
    }

    public static Object negate(Object a) {
        if (a instanceof Long x) return x == Long.MIN_VALUE ? Exact.LONG_MIN.negate() : (Object) (-x);
        if (a instanceof Double x) return -x;
        if (isExactNumber(a)) return Exact.negate(a);
        if (a instanceof Cpxnum) return Complex.negate(a);
        throw Condition.typeError("-", 1, "NUMBER", a);
    }

    public static Object abs(Object a) {
        if (a instanceof Double d) return Math.abs(d);
        return sign(a, "abs") < 0 ? Exact.negate(a) : a;
    }

    /** Whether a or b is complex, once both are known to be numbers (else gsi's error). */
    private static boolean complex(String who, Object a, Object b) {
        if (!isNumber(a)) throw Condition.typeError(who, 1, "NUMBER", a, b);
        if (!isNumber(b)) throw Condition.typeError(who, 2, "NUMBER", a, b);
        return a instanceof Cpxnum || b instanceof Cpxnum;
    }

    // ---- comparison --------------------------------------------------------------------------

    /** Result of {@link #compare} when either side is NaN. */
    public static final int UNORDERED = 2;

    /**
     * -1, 0 or 1 as a is less than, equal to or greater than b (exactly, across exactness), or
     * {@link #UNORDERED} if either is NaN. Both must be numbers; raises as {@code (< a b)}.
     */
    public static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (!isReal(a)) throw Condition.typeError("<", 1, "REAL", a, b);
        if (!isReal(b)) throw Condition.typeError("<", 2, "REAL", a, b);
        return cmp(a, b);
    }

    /** Compare two known numbers. */
    static int cmp(Object a, Object b) {
        if (a instanceof Double x) {
            if (b instanceof Double y) return x < y ? -1 : x > y ? 1 : x.doubleValue() == y.doubleValue() ? 0 : UNORDERED;
            return -cmpExactDouble(b, x);
        }
        if (b instanceof Double y) return cmpExactDouble(a, y);
        return Exact.compare(a, b);
    }

    private static int cmpExactDouble(Object e, double d) {
        if (Double.isNaN(d)) return UNORDERED;
        if (Double.isInfinite(d)) return d > 0 ? -1 : 1;
        if (e instanceof Long l && Math.abs(l) <= (1L << 53)) {
            double x = (double) l;
            return x < d ? -1 : x > d ? 1 : 0;
        }
        return Exact.compare(e, Floats.toExact(d));
    }

    public static boolean numEq(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue();
        if (!isNumber(a)) throw Condition.typeError("=", 1, "NUMBER", a, b);
        if (!isNumber(b)) throw Condition.typeError("=", 2, "NUMBER", a, b);
        if (a instanceof Cpxnum || b instanceof Cpxnum) return Complex.numEq(a, b);
        return cmp(a, b) == 0;
    }

    public static boolean lt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x < y;
        checkReal2("<", a, b, false);
        return cmp(a, b) == -1;
    }

    public static boolean gt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x > y;
        checkReal2(">", a, b, true);
        return cmp(a, b) == 1;
    }

    public static boolean le(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x <= y;
        checkReal2("<=", a, b, true);
        int c = cmp(a, b);
        return c == -1 || c == 0;
    }

    public static boolean ge(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x >= y;
        checkReal2(">=", a, b, false);
        int c = cmp(a, b);
        return c == 1 || c == 0;
    }

    /**
     * gsi computes {@code >} and {@code <=} as {@code <} on swapped operands and reports the
     * argument number of the swapped call: {@code (> 1 'a)} says "(Argument 1)". We copy that.
     */
    private static void checkReal2(String who, Object a, Object b, boolean swapped) {
        if (swapped) {
            if (!isReal(b)) throw Condition.typeError(who, 1, "REAL", a, b);
            if (!isReal(a)) throw Condition.typeError(who, 2, "REAL", a, b);
        } else {
            if (!isReal(a)) throw Condition.typeError(who, 1, "REAL", a, b);
            if (!isReal(b)) throw Condition.typeError(who, 2, "REAL", a, b);
        }
    }

    /** {@code max} of two known numbers with gsi's NaN and inexactness rules. */
    static Object max2(Object a, Object b) {
        return pick(a, b, cmp(a, b) == 1);
    }

    static Object min2(Object a, Object b) {
        return pick(a, b, cmp(a, b) == -1);
    }

    private static Object pick(Object a, Object b, boolean takeA) {
        if (a instanceof Double d && d.isNaN()) return a;
        if (b instanceof Double d && d.isNaN()) return b;
        Object r = takeA ? a : b;
        return (a instanceof Double || b instanceof Double) && !(r instanceof Double) ? (Object) Floats.toDouble(r) : r;
    }

    // ---- integer division --------------------------------------------------------------------

    public static Object quotient(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y && y != 0 && !(x == Long.MIN_VALUE && y == -1)) return x / y;
        return IntDiv.op(a, b, IntDiv.TRUNC_Q, "quotient");
    }

    public static Object remainder(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y && y != 0) return x % y;
        return IntDiv.op(a, b, IntDiv.TRUNC_R, "remainder");
    }

    public static Object modulo(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y && y != 0) return Math.floorMod(x, y);
        return IntDiv.op(a, b, IntDiv.FLOOR_R, "modulo");
    }

    /** Kinds for {@link #intDiv}. */
    public static final int TRUNC_Q = IntDiv.TRUNC_Q, TRUNC_R = IntDiv.TRUNC_R, FLOOR_Q = IntDiv.FLOOR_Q,
            FLOOR_R = IntDiv.FLOOR_R;

    /** One of the integer divisions, raising errors in the name of {@code who}. */
    public static Object intDiv(Object a, Object b, int kind, String who) {
        return IntDiv.op(a, b, kind, who);
    }

    /** Quotient and remainder of {@code floor/} or {@code truncate/}. */
    public static Object[] intDivBoth(Object a, Object b, boolean floor, String who) {
        return IntDiv.both(a, b, floor, who);
    }

    /** Variadic {@code max} or {@code min} (at least one argument): reals, inexact if any is. */
    public static Object maxMin(Object[] args, boolean max, String who) {
        for (int i = 0; i < args.length; i++) {
            if (!isReal(args[i])) throw Condition.typeError(who, i + 1, "REAL", args);
        }
        Object acc = args[0];
        for (int i = 1; i < args.length; i++) acc = max ? max2(acc, args[i]) : min2(acc, args[i]);
        return acc;
    }

    // ---- printing ----------------------------------------------------------------------------

    /** The digits of an exact number in radix 2..36, as {@code number->string} writes them. */
    public static String toString(Object exactNum, int radix) {
        if (exactNum instanceof Long l) return Long.toString(l, radix);
        if (exactNum instanceof BigInteger b) return b.toString(radix);
        Ratnum r = (Ratnum) exactNum;
        return r.num.toString(radix) + "/" + r.den.toString(radix);
    }
}
