package safepoint.vm.num;

import java.math.BigInteger;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Cpxnum;

/**
 * Gambit's complex numbers (gsi 4.9.3 is the oracle): rectangular, each part a real of its own
 * exactness, and every operation done part by part with the real tower's own rules, so Gambit's
 * exact-zero rules carry over ({@code (* 2. +i)} is {@code +2.i}: the real part is the exact
 * {@code 2. * 0}). A result whose imaginary part is an exact 0 is a real ({@link #make}).
 *
 * <p>{@link Num} and {@link Transcendental} come here only after their real cases fail, so the
 * real path pays nothing for complex numbers. Arguments reach here already checked as numbers.
 */
public final class Complex {
    private Complex() {}

    static final double PI = Math.PI;

    /** The number re + im i: a real when im is an exact 0. */
    public static Object make(Object re, Object im) {
        return Num.isExactZero(im) ? re : new Cpxnum(re, im);
    }

    public static Object re(Object z) {
        return z instanceof Cpxnum c ? c.re : z;
    }

    /** The imaginary part; an exact 0 for every real, as in gsi ({@code (imag-part 5.)} is 0). */
    public static Object im(Object z) {
        return z instanceof Cpxnum c ? c.im : (Object) 0L;
    }

    // ---- arithmetic ----------------------------------------------------------------------------

    static Object add(Object a, Object b) {
        return make(Num.add(re(a), re(b)), Num.add(im(a), im(b)));
    }

    static Object sub(Object a, Object b) {
        return make(Num.sub(re(a), re(b)), Num.sub(im(a), im(b)));
    }

    static Object mul(Object a, Object b) {
        Object ar = re(a), ai = im(a), br = re(b), bi = im(b);
        return make(Num.sub(Num.mul(ar, br), Num.mul(ai, bi)), Num.add(Num.mul(ar, bi), Num.mul(ai, br)));
    }

    /** b is not an exact 0 (the caller raised "Divide by zero"). */
    static Object div(Object a, Object b) {
        Object ar = re(a), ai = im(a);
        if (!(b instanceof Cpxnum)) return make(Num.div(ar, b), Num.div(ai, b));
        Object br = re(b), bi = im(b);
        Object den = Num.add(Num.mul(br, br), Num.mul(bi, bi));
        Object r = Num.add(Num.mul(ar, br), Num.mul(ai, bi));
        Object i = Num.sub(Num.mul(ai, br), Num.mul(ar, bi));
        return make(Num.div(r, den), Num.div(i, den));
    }

    static Object negate(Object z) {
        return make(Num.negate(re(z)), Num.negate(im(z)));
    }

    static boolean numEq(Object a, Object b) {
        return Num.numEq(re(a), re(b)) && Num.numEq(im(a), im(b));
    }

    static boolean isZero(Cpxnum z) {
        return Num.isZero(z.re) && Num.isZero(z.im);
    }

    static boolean isExact(Cpxnum z) {
        return Num.isExactNumber(z.re) && Num.isExactNumber(z.im);
    }

    static Object inexact(Cpxnum z) {
        return make(Num.inexact(z.re), Num.inexact(z.im));
    }

    /** Infinite or NaN parts raise "Out of range" naming the whole number, as gsi does. */
    static Object exact(Cpxnum z, String who) {
        if (!Num.isRational(z.re) || !Num.isRational(z.im)) throw Condition.rangeError(who, 1, z);
        return make(Num.exact(z.re), Num.exact(z.im));
    }

    // ---- the polar view ------------------------------------------------------------------------

    /** {@code magnitude}: exact when both parts are and the sum of their squares is a square. */
    public static Object magnitude(Object z) {
        if (!(z instanceof Cpxnum c)) return Num.abs(real("magnitude", z));
        if (isExact(c)) return Transcendental.sqrt(Num.add(Num.mul(c.re, c.re), Num.mul(c.im, c.im)));
        return Math.hypot(Num.toDouble(c.re), Num.toDouble(c.im));
    }

    /** {@code angle}: an exact 0 for a non-negative exact real. */
    public static Object angle(Object z) {
        if (z instanceof Cpxnum c) return Transcendental.atan2(c.im, c.re);
        if (z instanceof Double d) return d < 0 || (d == 0 && 1 / d < 0) ? PI : 0.0;
        return Num.sign(real("angle", z), "angle") < 0 ? (Object) PI : (Object) 0L;
    }

    public static Object makeRectangular(Object x, Object y) {
        if (!Num.isReal(x)) throw Condition.typeError("make-rectangular", 1, "REAL", x, y);
        if (!Num.isReal(y)) throw Condition.typeError("make-rectangular", 2, "REAL", x, y);
        return make(x, y);
    }

    public static Object makePolar(Object m, Object a) {
        if (!Num.isReal(m)) throw Condition.typeError("make-polar", 1, "REAL", m, a);
        if (!Num.isReal(a)) throw Condition.typeError("make-polar", 2, "REAL", m, a);
        return polar(m, a);
    }

    /** m (cos a + i sin a): m itself when a is an exact 0. */
    public static Object polar(Object m, Object a) {
        return make(Num.mul(m, Transcendental.apply(Transcendental.COS, a)),
                Num.mul(m, Transcendental.apply(Transcendental.SIN, a)));
    }

    private static Object real(String who, Object x) {
        if (!Num.isNumber(x)) throw Condition.typeError(who, 1, "NUMBER", x);
        return x;
    }

    // ---- exp, log, sqrt, expt ------------------------------------------------------------------

    static Object exp(Object z) {
        Object m = Transcendental.apply(Transcendental.EXP, re(z));
        return polar(m, im(z));
    }

    /** log of a non-zero number that is complex or a negative real. */
    static Object log(Object z) {
        return make(Transcendental.log(magnitude(z)), angle(z));
    }

    /** sqrt of a complex number or a negative real; exact when the root is. */
    static Object sqrt(Object z) {
        Object a = re(z), b = im(z);
        if (Num.isExactZero(b)) {
            Object r = Transcendental.sqrt(Num.negate(a));
            return make(0L, r);
        }
        Object m = magnitude(z);
        if (Num.isExactNumber(m) && isExact((Cpxnum) z)) {
            Object x = Transcendental.sqrt(Num.div(Num.add(m, a), 2L));
            Object y = Transcendental.sqrt(Num.div(Num.sub(m, a), 2L));
            if (Num.isExactNumber(x) && Num.isExactNumber(y)) return make(x, Num.sign(b, "sqrt") < 0 ? Num.negate(y) : y);
        }
        double ar = Num.toDouble(a), bi = Num.toDouble(b), md = Num.toDouble(m);
        if (ar >= 0) {
            double x = Math.sqrt((md + ar) / 2);
            return make(x, bi / (2 * x));
        }
        double y = Math.copySign(Math.sqrt((md - ar) / 2), bi);
        return make(bi / (2 * y), y);
    }

    /** {@code (expt b e)} where b or e is complex, or b is a negative real and e not an integer. */
    static Object expt(Object b, Object e) {
        boolean exactBase = Num.isExactNumber(b) || b instanceof Cpxnum c && isExact(c);
        if (exactBase && e instanceof safepoint.vm.data.Ratnum r && r.den.equals(BigInteger.TWO)) {
            return expt(sqrt(b), Exact.norm(r.num));
        }
        if (Num.isExactInteger(e) && exactBase) {
            BigInteger n = Exact.big(e);
            Object p = power(b, n.abs());
            return n.signum() < 0 ? Num.div(1L, p) : p;
        }
        if (Num.isZero(b)) {
            // gsi: an exact 0 to a power whose real part is positive is exact 0; else it is refused
            if (exactBase && Num.sign(re(e), "expt") > 0) return 0L;
            if (exactBase) throw Condition.rangeError("expt", 1, b, e);
            return make(Double.NaN, Double.NaN);
        }
        return exp(Num.mul(e, logOf(b)));
    }

    private static Object logOf(Object b) {
        return b instanceof Cpxnum || Num.sign(b, "expt") < 0 ? log(b) : Transcendental.log(b);
    }

    /** b^n for n &gt;= 0 by repeated squaring, exact for an exact b. */
    private static Object power(Object b, BigInteger n) {
        Object result = 1L, sq = b;
        for (int i = 0, bits = n.bitLength(); i < bits; i++) {
            if (n.testBit(i)) result = Num.mul(result, sq);
            if (i + 1 < bits) sq = Num.mul(sq, sq);
        }
        return result;
    }

    // ---- trigonometry --------------------------------------------------------------------------

    private static final Cpxnum I = new Cpxnum(0L, 1L);

    static Object sin(Object z) {
        Object a = re(z), b = im(z);
        return make(Num.mul(trig(Transcendental.SIN, a), hyp(b, true)), Num.mul(trig(Transcendental.COS, a), hyp(b, false)));
    }

    static Object cos(Object z) {
        Object a = re(z), b = im(z);
        return make(Num.mul(trig(Transcendental.COS, a), hyp(b, true)),
                Num.negate(Num.mul(trig(Transcendental.SIN, a), hyp(b, false))));
    }

    /** tan as Kahan computes it, through tanh(iz); a pure imaginary with an exact 0 real part stays one. */
    static Object tan(Object z) {
        Object a = re(z);
        double x = Num.toDouble(a), y = Num.toDouble(im(z));
        if (Num.isExactZero(a)) return make(0L, Math.tanh(y));
        // tanh(u + iv) with u = -y, v = x; then tan z = -i tanh(iz).
        double t = Math.tan(x), b = 1 + t * t, s = StrictMath.sinh(-y), r = Math.sqrt(1 + s * s), d = 1 + b * s * s;
        if (Double.isInfinite(d) && !Double.isNaN(x) && !Double.isInfinite(x)) {
            // s * s overflowed (|y| past about 355): tan z is i times y's sign, its real part a zero
            // with tan x's sign (gsi: (tan 1+400i) is 0.+1.i), where r * s / d would be inf / inf
            return make(t / d, Math.copySign(1.0, y));
        }
        return make(t / d, -(b * r * s / d));
    }

    private static Object trig(int fn, Object x) {
        return Transcendental.apply(fn, x);
    }

    /** cosh or sinh of a real, exact at an exact 0 as gsi's cos and sin are. */
    private static Object hyp(Object x, boolean cosh) {
        if (Num.isExactZero(x)) return cosh ? 1L : 0L;
        double d = Num.toDouble(x);
        return cosh ? (Math.exp(d) + Math.exp(-d)) / 2 : StrictMath.sinh(d);
    }

    /**
     * asin by Kahan's formulas (as gsi's results show): with s = sqrt(1 - z) and t = sqrt(1 + z),
     * atan2(Re z, Re(st)) + i asinh(Im(conj(s) t)). An exact pure imaginary gives one.
     */
    static Object asin(Object z) {
        Object a = re(z);
        if (Num.isExactZero(a) && z instanceof Cpxnum) return make(0L, asinh(Num.toDouble(im(z))));
        Object s = sqrtAny(Num.sub(1L, z)), t = sqrtAny(Num.add(1L, z));
        double st = Num.toDouble(re(Num.mul(s, t)));
        double u = Num.toDouble(re(s)) * Num.toDouble(im(t)) - Num.toDouble(im(s)) * Num.toDouble(re(t));
        return make(Math.atan2(Num.toDouble(a), st), asinh(u));
    }

    /** acos z = pi/2 - asin z. */
    static Object acos(Object z) {
        return Num.sub(PI / 2, asin(z));
    }

    /**
     * atan of x + iy: atan2(2x, 1 - x^2 - y^2) / 2 + i atanh(2y / (1 + x^2 + y^2)) / 2; at +i and
     * -i (exact) it is atan's range error, as in gsi.
     */
    static Object atan(Object z) {
        Object a = re(z), b = im(z);
        Object iz = Num.mul(I, z);
        if (Num.isExactZero(Num.add(1L, iz)) || Num.isExactZero(Num.sub(1L, iz))) throw Condition.rangeError("atan", 1, z);
        double x = Num.toDouble(a), y = Num.toDouble(b);
        double imPart = atanh(2 * y / (1 + x * x + y * y)) / 2;
        if (Num.isExactZero(a) && Math.abs(y) < 1) return make(0L, imPart);
        return make(Math.atan2(2 * x, 1 - x * x - y * y) / 2, imPart);
    }

    /** asinh as fdlibm computes it (Java has none). */
    static double asinh(double x) {
        double ax = Math.abs(x), r;
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        if (ax > 0x1p28) r = Math.log(ax) + Math.log(2);
        else if (ax > 2) r = Math.log(2 * ax + 1 / (Math.sqrt(x * x + 1) + ax));
        else r = Math.log1p(ax + x * x / (1 + Math.sqrt(1 + x * x)));
        return Math.copySign(r, x);
    }

    /** atanh as fdlibm computes it. */
    static double atanh(double x) {
        double ax = Math.abs(x), t;
        if (ax < 0.5) {
            t = ax + ax;
            t = 0.5 * Math.log1p(t + t * ax / (1 - ax));
        } else {
            t = 0.5 * Math.log1p((ax + ax) / (1 - ax));
        }
        return Math.copySign(t, x);
    }

    private static Object sqrtAny(Object x) {
        return Transcendental.sqrt(x);
    }


}
