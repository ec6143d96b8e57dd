package safepoint.vm.prims;

import safepoint.vm.data.MonitorOrder;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.MString;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Values;
import safepoint.vm.data.Cpxnum;
import safepoint.vm.num.Bits;
import safepoint.vm.num.Complex;
import safepoint.vm.num.Num;
import safepoint.vm.num.Rationalize;
import safepoint.vm.num.Rounding;
import safepoint.vm.num.Transcendental;
import safepoint.vm.print.FlonumPrinter;
import safepoint.vm.print.Printer;
import safepoint.vm.read.NumberParser;

/**
 * The R7RS-small number procedures plus Gambit's fixnum ({@code fx+}), flonum ({@code fl+}),
 * bitwise and random basics. The arithmetic lives in {@link Num}; this file only checks
 * arguments in gsi's order and names the procedure in errors. Variadic {@code + - * / = < ...}
 * take their 1- and 2-argument calls without building an array.
 */
public final class NumberPrims {
    private NumberPrims() {}

    public static void install(PrimitiveSink sink) {
        arithmetic(sink);
        comparison(sink);
        predicates(sink);
        integers(sink);
        transcendental(sink);
        conversion(sink);
        fixnums(sink);
        flonums(sink);
        bits(sink);
        random(sink);
    }

    // ---- + - * / -----------------------------------------------------------------------------

    private static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3;

    private static void arithmetic(PrimitiveSink sink) {
        sink.add(new Nary("+", 0, c -> 0L, (c, a) -> number("+", a), (c, a, b) -> counted(c, Num.add(a, b)),
                (c, args) -> counted(c, fold("+", ADD, args))));
        sink.add(new Nary("*", 0, c -> 1L, (c, a) -> number("*", a), (c, a, b) -> counted(c, Num.mul(a, b)),
                (c, args) -> counted(c, fold("*", MUL, args))));
        sink.add(new Nary("-", 1, null, (c, a) -> Num.negate(a), (c, a, b) -> counted(c, Num.sub(a, b)),
                (c, args) -> counted(c, fold("-", SUB, args))));
        sink.add(new Nary("/", 1, null, (c, a) -> {
            number("/", a);
            if (Num.isZero(a) && !(a instanceof Double)) throw Condition.divideByZero("/", a);
            return Num.div(1L, a);
        }, (c, a, b) -> Num.div(a, b), (c, args) -> fold("/", DIV, args)));
        sink.add(Primitive.of1("abs", true, (c, a) -> Num.abs(a)));
        sink.add(Primitive.of1("square", true, (c, a) -> counted(c, Num.mul(number("square", a), a))));
        sink.add(Primitive.ofN("max", 1, -1, true, (c, args) -> Num.maxMin(args, true, "max")));
        sink.add(Primitive.ofN("min", 1, -1, true, (c, args) -> Num.maxMin(args, false, "min")));
    }

    /** A bignum result is heap data that the allocator did not see: count its words (and the work). */
    private static Object counted(Ctx c, Object r) {
        if (r instanceof BigInteger b) c.allocated(1 + b.bitLength() / 64);
        return r;
    }

    private static Object number(String who, Object a) {
        if (!Num.isNumber(a)) throw Condition.typeError(who, 1, "NUMBER", a);
        return a;
    }

    /** Left fold over three or more arguments, each checked before it is used, as gsi does. */
    private static Object fold(String who, int op, Object[] args) {
        Object acc = args[0];
        if (!Num.isNumber(acc)) throw Condition.typeError(who, 1, "NUMBER", args);
        for (int i = 1; i < args.length; i++) {
            Object b = args[i];
            if (!Num.isNumber(b)) throw Condition.typeError(who, i + 1, "NUMBER", args);
            switch (op) {
                case ADD: acc = Num.add(acc, b); break;
                case SUB: acc = Num.sub(acc, b); break;
                case MUL: acc = Num.mul(acc, b); break;
                default:
                    if (b instanceof Long l && l == 0) throw Condition.divideByZero(who, args);
                    acc = Num.div(acc, b);
            }
        }
        return acc;
    }

    // ---- = < > <= >= -------------------------------------------------------------------------

    private static final int EQ = 0, LT = 1, GT = 2, LE = 3, GE = 4;

    private static void comparison(PrimitiveSink sink) {
        compare(sink, "=", EQ, (c, a, b) -> Num.numEq(a, b));
        compare(sink, "<", LT, (c, a, b) -> Num.lt(a, b));
        compare(sink, ">", GT, (c, a, b) -> Num.gt(a, b));
        compare(sink, "<=", LE, (c, a, b) -> Num.le(a, b));
        compare(sink, ">=", GE, (c, a, b) -> Num.ge(a, b));
    }

    private interface Rel { boolean f(Ctx c, Object a, Object b); }

    private static void compare(PrimitiveSink sink, String name, int op, Rel two) {
        String type = op == EQ ? "NUMBER" : "REAL";
        sink.add(new Nary(name, 0, c -> Boolean.TRUE, (c, a) -> {
            if (op == EQ ? !Num.isNumber(a) : !Num.isReal(a)) throw Condition.typeError(name, 1, type, a);
            return Boolean.TRUE;
        }, (c, a, b) -> two.f(c, a, b), (c, args) -> chain(name, op, type, args)));
    }

    /**
     * Every adjacent pair is compared (and so type-checked) even after a false one. gsi runs
     * {@code >} and {@code <=} as {@code <} on the swapped pair, so their error names the other
     * argument of the pair: {@code (> 1 'a 2)} reports argument 1.
     */
    private static Object chain(String name, int op, String type, Object[] args) {
        boolean result = true;
        boolean swapped = op == GT || op == LE;
        for (int i = 0; i + 1 < args.length; i++) {
            Object a = args[i], b = args[i + 1];
            Object first = swapped ? b : a, second = swapped ? a : b;
            boolean eq = op == EQ;
            if (eq ? !Num.isNumber(first) : !Num.isReal(first)) throw Condition.typeError(name, i + 1, type, args);
            if (eq ? !Num.isNumber(second) : !Num.isReal(second)) throw Condition.typeError(name, i + 2, type, args);
            if (result && eq) {
                result = Num.numEq(a, b);
            } else if (result) {
                int c = Num.compare(a, b);
                switch (op) {
                    case LT: result = c == -1; break;
                    case GT: result = c == 1; break;
                    case LE: result = c == -1 || c == 0; break;
                    default: result = c == 1 || c == 0;
                }
            }
        }
        return result;
    }

    // ---- predicates --------------------------------------------------------------------------

    private static void predicates(PrimitiveSink sink) {
        sink.add(Primitive.of1("number?", true, (c, a) -> Num.isNumber(a)));
        sink.add(Primitive.of1("complex?", true, (c, a) -> Num.isNumber(a)));
        sink.add(Primitive.of1("real?", true, (c, a) -> Num.isReal(a)));
        sink.add(Primitive.of1("rational?", true, (c, a) -> Num.isRational(a)));
        sink.add(Primitive.of1("integer?", true, (c, a) -> Num.isInteger(a)));
        sink.add(Primitive.of1("exact?", true, (c, a) -> Num.isExact(a)));
        sink.add(Primitive.of1("inexact?", true, (c, a) -> !Num.isExact(number("inexact?", a))));
        sink.add(Primitive.of1("exact-integer?", true, (c, a) -> Num.isExactInteger(a)));
        sink.add(Primitive.of1("exact-rational?", true, (c, a) -> Num.isExactNumber(a)));
        sink.add(Primitive.of1("exact-nonnegative-integer?", true,
                (c, a) -> Num.isExactInteger(a) && Num.sign(a, "exact-nonnegative-integer?") >= 0));
        sink.add(Primitive.of1("nan?", true, (c, a) -> anyPart(number("nan?", a), Double::isNaN)));
        sink.add(Primitive.of1("infinite?", true, (c, a) -> anyPart(number("infinite?", a), Double::isInfinite)));
        sink.add(Primitive.of1("finite?", true, (c, a) -> !anyPart(number("finite?", a), d -> !Double.isFinite(d))));
        sink.add(Primitive.of1("zero?", true, (c, a) -> Num.isZero(a)));
        sink.add(Primitive.of1("positive?", true, (c, a) -> real("positive?", a) > 0));
        sink.add(Primitive.of1("negative?", true, (c, a) -> real("negative?", a) < 0));
        sink.add(Primitive.of1("odd?", true, (c, a) -> parity("odd?", a)));
        sink.add(Primitive.of1("even?", true, (c, a) -> !parity("even?", a)));
    }

    /** Whether a flonum part of a number satisfies p (R7RS: nan? of a complex looks at both parts). */
    private static boolean anyPart(Object z, java.util.function.DoublePredicate p) {
        Object re = Complex.re(z), im = Complex.im(z);
        return re instanceof Double d && p.test(d) || im instanceof Double e && p.test(e);
    }

    private static int real(String who, Object a) {
        if (!Num.isReal(a)) throw Condition.typeError(who, 1, "REAL", a);
        return Num.sign(a, who);
    }

    /** True if odd. */
    private static boolean parity(String who, Object a) {
        if (a instanceof Long l) return (l & 1) != 0;
        if (a instanceof BigInteger b) return b.testBit(0);
        if (Num.isInteger(a)) return Math.abs((Double) a % 2.0) == 1.0;
        throw Condition.typeError(who, 1, "INTEGER", a);
    }

    // ---- integer division, rounding, rationals -----------------------------------------------

    private static void integers(PrimitiveSink sink) {
        sink.add(Primitive.of2("quotient", true, (c, a, b) -> Num.quotient(a, b)));
        sink.add(Primitive.of2("remainder", true, (c, a, b) -> Num.remainder(a, b)));
        sink.add(Primitive.of2("modulo", true, (c, a, b) -> Num.modulo(a, b)));
        sink.add(Primitive.of2("truncate-quotient", true, (c, a, b) -> Num.intDiv(a, b, Num.TRUNC_Q, "truncate-quotient")));
        sink.add(Primitive.of2("truncate-remainder", true, (c, a, b) -> Num.intDiv(a, b, Num.TRUNC_R, "truncate-remainder")));
        sink.add(Primitive.of2("floor-quotient", true, (c, a, b) -> Num.intDiv(a, b, Num.FLOOR_Q, "floor-quotient")));
        sink.add(Primitive.of2("floor-remainder", true, (c, a, b) -> Num.intDiv(a, b, Num.FLOOR_R, "floor-remainder")));
        sink.add(Primitive.of2("floor/", true, (c, a, b) -> Values.of(Num.intDivBoth(a, b, true, "floor/"))));
        sink.add(Primitive.of2("truncate/", true, (c, a, b) -> Values.of(Num.intDivBoth(a, b, false, "truncate/"))));
        sink.add(Primitive.ofN("gcd", 0, -1, true, (c, args) -> Rounding.gcdLcm(args, false)));
        sink.add(Primitive.ofN("lcm", 0, -1, true, (c, args) -> Rounding.gcdLcm(args, true)));
        sink.add(Primitive.of1("numerator", true, (c, a) -> Rounding.numerator(a)));
        sink.add(Primitive.of1("denominator", true, (c, a) -> Rounding.denominator(a)));
        sink.add(Primitive.of1("floor", true, (c, a) -> Rounding.round(a, Rounding.FLOOR, "floor")));
        sink.add(Primitive.of1("ceiling", true, (c, a) -> Rounding.round(a, Rounding.CEILING, "ceiling")));
        sink.add(Primitive.of1("round", true, (c, a) -> Rounding.round(a, Rounding.ROUND, "round")));
        sink.add(Primitive.of1("truncate", true, (c, a) -> Rounding.round(a, Rounding.TRUNCATE, "truncate")));
        sink.add(Primitive.of2("rationalize", true, (c, a, b) -> Rationalize.rationalize(a, b)));
    }

    // ---- exp log trig sqrt expt --------------------------------------------------------------

    private static void transcendental(PrimitiveSink sink) {
        sink.add(Primitive.of1("exp", true, (c, a) -> Transcendental.apply(Transcendental.EXP, a)));
        sink.add(Primitive.of1("sin", true, (c, a) -> Transcendental.apply(Transcendental.SIN, a)));
        sink.add(Primitive.of1("cos", true, (c, a) -> Transcendental.apply(Transcendental.COS, a)));
        sink.add(Primitive.of1("tan", true, (c, a) -> Transcendental.apply(Transcendental.TAN, a)));
        sink.add(Primitive.of1("asin", true, (c, a) -> Transcendental.apply(Transcendental.ASIN, a)));
        sink.add(Primitive.of1("acos", true, (c, a) -> Transcendental.apply(Transcendental.ACOS, a)));
        sink.add(Primitive.ofN("atan", 1, 2, true, (c, args) -> args.length == 1
                ? Transcendental.apply(Transcendental.ATAN, args[0]) : Transcendental.atan2(args[0], args[1])));
        sink.add(Primitive.ofN("log", 1, 2, true, (c, args) -> args.length == 1
                ? Transcendental.log(args[0]) : Transcendental.log(args[0], args[1])));
        sink.add(Primitive.of2("make-rectangular", true, (c, a, b) -> Complex.makeRectangular(a, b)));
        sink.add(Primitive.of2("make-polar", true, (c, a, b) -> Complex.makePolar(a, b)));
        sink.add(Primitive.of1("real-part", true, (c, a) -> Complex.re(number("real-part", a))));
        sink.add(Primitive.of1("imag-part", true, (c, a) -> Complex.im(number("imag-part", a))));
        sink.add(Primitive.of1("magnitude", true, (c, a) -> Complex.magnitude(a)));
        sink.add(Primitive.of1("angle", true, (c, a) -> Complex.angle(a)));
        sink.add(Primitive.of1("sqrt", true, (c, a) -> Transcendental.sqrt(a)));
        sink.add(Primitive.of1("exact-integer-sqrt", true, (c, a) -> Values.of(Transcendental.exactIntegerSqrt(a))));
        sink.add(Primitive.of2("expt", true, (c, a, b) -> counted(c, Transcendental.expt(a, b))));
    }

    // ---- exactness and text ------------------------------------------------------------------

    private static void conversion(PrimitiveSink sink) {
        sink.add(Primitive.of1("exact", true, (c, a) -> Num.exact(a, "exact")));
        sink.add(Primitive.of1("inexact->exact", true, (c, a) -> Num.exact(a, "inexact->exact")));
        sink.add(Primitive.of1("inexact", true, (c, a) -> Num.inexact(a, "inexact")));
        sink.add(Primitive.of1("exact->inexact", true, (c, a) -> Num.inexact(a, "exact->inexact")));
        sink.add(Primitive.ofN("number->string", 1, 2, true, (c, args) -> {
            Object z = args[0];
            if (!Num.isNumber(z)) throw Condition.typeError("number->string", 1, "NUMBER", args);
            int radix = args.length < 2 ? 10 : radix("number->string", args);
            if (z instanceof BigInteger b) c.reserve(CharStringPrims.stringWords(b.bitLength() / (31 - Integer.numberOfLeadingZeros(radix)) + 2));
            String s = z instanceof Double d ? FlonumPrinter.format(d)
                    : z instanceof BigInteger b ? Printer.digits(b, radix, c)
                    : z instanceof Cpxnum ? Printer.numberToString(z, radix) : Num.toString(z, radix);
            return c.alloc(new MString(s), 2 + (s.length() + 3) / 4);
        }));
        sink.add(Primitive.ofN("string->number", 1, 2, true, (c, args) -> {
            if (!(args[0] instanceof MString s)) throw Condition.typeError("string->number", 1, "STRING", args);
            int radix = args.length < 2 ? 10 : radix("string->number", args);
            Object v = NumberParser.parse(s.toString(), radix);
            return v == null ? Boolean.FALSE : v;
        }));
    }

    /** The radix argument (the second): an exact integer among 2, 8, 10 and 16. */
    private static int radix(String who, Object[] args) {
        Object r = args[1];
        if (!Num.isExactInteger(r)) throw Condition.typeError(who, 2, "Exact INTEGER", args);
        if (!(r instanceof Long l) || (l != 2 && l != 8 && l != 10 && l != 16)) throw Condition.rangeError(who, 2, args);
        return (int) (long) l;
    }

    // ---- fixnums (every long is a fixnum here) -----------------------------------------------

    private static void fixnums(PrimitiveSink sink) {
        sink.add(Primitive.of1("fixnum?", true, (c, a) -> a instanceof Long));
        fxFold(sink, "fx+", 0, 0L, (x, y) -> x + y, Math::addExact);
        fxFold(sink, "fx*", 0, 1L, (x, y) -> x * y, Math::multiplyExact);
        sink.add(Primitive.ofN("fx-", 1, -1, true, (c, args) -> {
            long[] v = fixnums("fx-", args);
            if (v.length == 1) return fxExact("fx-", args, () -> Math.negateExact(v[0]));
            long acc = v[0];
            for (int i = 1; i < v.length; i++) {
                long x = acc, y = v[i];
                acc = fxExact("fx-", args, () -> Math.subtractExact(x, y));
            }
            return acc;
        }));
        fxRel(sink, "fx=", (x, y) -> x == y);
        fxRel(sink, "fx<", (x, y) -> x < y);
        fxRel(sink, "fx>", (x, y) -> x > y);
        fxRel(sink, "fx<=", (x, y) -> x <= y);
        fxRel(sink, "fx>=", (x, y) -> x >= y);
        fxDiv(sink, "fxquotient", (x, y) -> x / y);
        fxDiv(sink, "fxremainder", (x, y) -> x % y);
        fxDiv(sink, "fxmodulo", Math::floorMod);
        sink.add(Primitive.of1("fxabs", true, (c, a) -> {
            long x = fixnums("fxabs", a)[0];
            return fxExact("fxabs", new Object[] {a}, () -> Math.absExact(x));
        }));
        sink.add(Primitive.of1("fxsquare", true, (c, a) -> {
            long x = fixnums("fxsquare", a)[0];
            return fxExact("fxsquare", new Object[] {a}, () -> Math.multiplyExact(x, x));
        }));
        sink.add(Primitive.ofN("fxmax", 1, -1, true, (c, args) -> {
            long r = Long.MIN_VALUE;
            for (long x : fixnums("fxmax", args)) r = Math.max(r, x);
            return r;
        }));
        sink.add(Primitive.ofN("fxmin", 1, -1, true, (c, args) -> {
            long r = Long.MAX_VALUE;
            for (long x : fixnums("fxmin", args)) r = Math.min(r, x);
            return r;
        }));
        sink.add(Primitive.of1("fxzero?", true, (c, a) -> fixnums("fxzero?", a)[0] == 0));
        sink.add(Primitive.of1("fxpositive?", true, (c, a) -> fixnums("fxpositive?", a)[0] > 0));
        sink.add(Primitive.of1("fxnegative?", true, (c, a) -> fixnums("fxnegative?", a)[0] < 0));
        sink.add(Primitive.of1("fxodd?", true, (c, a) -> (fixnums("fxodd?", a)[0] & 1) != 0));
        sink.add(Primitive.of1("fxeven?", true, (c, a) -> (fixnums("fxeven?", a)[0] & 1) == 0));
        sink.add(Primitive.of1("fxnot", true, (c, a) -> ~fixnums("fxnot", a)[0]));
        fxFold(sink, "fxand", 0, -1L, (x, y) -> x & y, (x, y) -> x & y);
        fxFold(sink, "fxior", 0, 0L, (x, y) -> x | y, (x, y) -> x | y);
        fxFold(sink, "fxxor", 0, 0L, (x, y) -> x ^ y, (x, y) -> x ^ y);
        sink.add(Primitive.of2("fxarithmetic-shift", true, (c, a, b) -> fxShift("fxarithmetic-shift", a, b, 1)));
        sink.add(Primitive.of2("fxarithmetic-shift-left", true, (c, a, b) -> fxShift("fxarithmetic-shift-left", a, b, 1)));
        sink.add(Primitive.of2("fxarithmetic-shift-right", true, (c, a, b) -> fxShift("fxarithmetic-shift-right", a, b, -1)));
        sink.add(Primitive.of1("fxbit-count", true, (c, a) -> Bits.bitCount(fixnums("fxbit-count", a)[0])));
        sink.add(Primitive.of1("fxlength", true, (c, a) -> Bits.integerLength(fixnums("fxlength", a)[0])));
        sink.add(Primitive.of1("fixnum->flonum", true, (c, a) -> (double) fixnums("fixnum->flonum", a)[0]));
    }

    private interface LongOp { long f(long x, long y); }
    private interface LongRel { boolean f(long x, long y); }
    private interface LongThunk { long f(); }

    /** The arguments as longs; the first non-fixnum raises "FIXNUM expected". */
    private static long[] fixnums(String who, Object... args) {
        long[] v = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            if (!(args[i] instanceof Long l)) throw Condition.typeError(who, i + 1, "FIXNUM", args);
            v[i] = l;
        }
        return v;
    }

    private static long fxExact(String who, Object[] args, LongThunk f) {
        try {
            return f.f();
        } catch (ArithmeticException e) {
            throw fixnumOverflow(who, args);
        }
    }

    /**
     * gsi's fixnum-overflow-exception. Condition has no kind for it; OTHER with gsi's message
     * and the call keeps the printed text ("FIXNUM overflow" then the call).
     */
    static SchemeError fixnumOverflow(String who, Object[] args) {
        return new SchemeError(new Condition(Condition.Kind.OTHER, "FIXNUM overflow", List.of(), who, List.of(args), 0));
    }

    private static void fxFold(PrimitiveSink sink, String name, int min, long unit, LongOp fast, LongOp exact) {
        sink.add(Primitive.ofN(name, min, -1, true, (c, args) -> {
            long acc = unit;
            long[] v = fixnums(name, args);
            for (int i = 0; i < v.length; i++) {
                long x = acc, y = v[i];
                acc = i == 0 ? y : fxExact(name, args, () -> exact.f(x, y));
            }
            return acc;
        }));
    }

    private static void fxRel(PrimitiveSink sink, String name, LongRel rel) {
        sink.add(Primitive.ofN(name, 0, -1, true, (c, args) -> {
            long[] v = fixnums(name, args);
            for (int i = 0; i + 1 < v.length; i++) if (!rel.f(v[i], v[i + 1])) return false;
            return true;
        }));
    }

    private static void fxDiv(PrimitiveSink sink, String name, LongOp op) {
        sink.add(Primitive.of2(name, true, (c, a, b) -> {
            long[] v = fixnums(name, a, b);
            if (v[1] == 0) throw Condition.divideByZero(name, a, b);
            if (v[0] == Long.MIN_VALUE && v[1] == -1 && name.equals("fxquotient")) throw fixnumOverflow(name, new Object[] {a, b});
            return op.f(v[0], v[1]);
        }));
    }

    private static Object fxShift(String name, Object a, Object b, int dir) {
        long[] v = fixnums(name, a, b);
        long x = v[0], s = v[1] * dir;
        if (s <= 0) return s <= -64 ? (x < 0 ? -1L : 0L) : x >> -s;
        if (x == 0) return 0L;
        if (s >= 64 || (x << s) >> s != x) throw fixnumOverflow(name, new Object[] {a, b});
        return x << s;
    }

    // ---- flonums -----------------------------------------------------------------------------

    private interface DoubleOp { double f(double x, double y); }
    private interface DoubleFn { double f(double x); }
    private interface DoubleRel { boolean f(double x, double y); }

    private static void flonums(PrimitiveSink sink) {
        sink.add(Primitive.of1("flonum?", true, (c, a) -> a instanceof Double));
        flFold(sink, "fl+", 0, 0.0, (x, y) -> x + y, null);
        flFold(sink, "fl*", 0, 1.0, (x, y) -> x * y, null);
        flFold(sink, "fl-", 1, 0.0, (x, y) -> x - y, x -> -x);
        flFold(sink, "fl/", 1, 1.0, (x, y) -> x / y, x -> 1.0 / x);
        flFold(sink, "flmax", 1, 0.0, (x, y) -> Double.isNaN(x) ? x : Double.isNaN(y) ? y : x > y ? x : y, x -> x);
        flFold(sink, "flmin", 1, 0.0, (x, y) -> Double.isNaN(x) ? x : Double.isNaN(y) ? y : x < y ? x : y, x -> x);
        flRel(sink, "fl=", (x, y) -> x == y);
        flRel(sink, "fl<", (x, y) -> x < y);
        flRel(sink, "fl>", (x, y) -> x > y);
        flRel(sink, "fl<=", (x, y) -> x <= y);
        flRel(sink, "fl>=", (x, y) -> x >= y);
        flFn(sink, "flabs", Math::abs);
        flFn(sink, "flsqrt", Math::sqrt);
        flFn(sink, "flexp", Math::exp);
        flFn(sink, "fllog", Math::log);
        flFn(sink, "flsin", Math::sin);
        flFn(sink, "flcos", Math::cos);
        flFn(sink, "fltan", Math::tan);
        flFn(sink, "flasin", Math::asin);
        flFn(sink, "flacos", Math::acos);
        flFn(sink, "flfloor", Math::floor);
        flFn(sink, "flceiling", Math::ceil);
        flFn(sink, "flround", Math::rint);
        flFn(sink, "fltruncate", x -> x < 0 ? Math.ceil(x) : Math.floor(x));
        flFn(sink, "flsquare", x -> x * x);
        sink.add(Primitive.ofN("flatan", 1, 2, true, (c, args) -> {
            double[] v = flonums("flatan", args);
            return v.length == 1 ? Math.atan(v[0]) : Math.atan2(v[0], v[1]);
        }));
        sink.add(Primitive.of2("flexpt", true, (c, a, b) -> {
            double[] v = flonums("flexpt", a, b);
            return Math.pow(v[0], v[1]);
        }));
        sink.add(Primitive.of1("flnan?", true, (c, a) -> Double.isNaN(flonums("flnan?", a)[0])));
        sink.add(Primitive.of1("flinfinite?", true, (c, a) -> Double.isInfinite(flonums("flinfinite?", a)[0])));
        sink.add(Primitive.of1("flfinite?", true, (c, a) -> Double.isFinite(flonums("flfinite?", a)[0])));
        sink.add(Primitive.of1("flzero?", true, (c, a) -> flonums("flzero?", a)[0] == 0));
        sink.add(Primitive.of1("flpositive?", true, (c, a) -> flonums("flpositive?", a)[0] > 0));
        sink.add(Primitive.of1("flnegative?", true, (c, a) -> flonums("flnegative?", a)[0] < 0));
        sink.add(Primitive.of1("flinteger?", true, (c, a) -> Num.isInteger(flonums("flinteger?", a)[0])));
    }

    private static double[] flonums(String who, Object... args) {
        double[] v = new double[args.length];
        for (int i = 0; i < args.length; i++) {
            if (!(args[i] instanceof Double d)) throw Condition.typeError(who, i + 1, "FLONUM", args);
            v[i] = d;
        }
        return v;
    }

    /** Variadic flonum fold; {@code one} is the single-argument case (null: the argument). */
    private static void flFold(PrimitiveSink sink, String name, int min, double unit, DoubleOp op, DoubleFn one) {
        sink.add(Primitive.ofN(name, min, -1, true, (c, args) -> {
            double[] v = flonums(name, args);
            if (v.length == 0) return unit;
            if (v.length == 1) return one == null ? v[0] : one.f(v[0]);
            double acc = v[0];
            for (int i = 1; i < v.length; i++) acc = op.f(acc, v[i]);
            return acc;
        }));
    }

    private static void flRel(PrimitiveSink sink, String name, DoubleRel rel) {
        sink.add(Primitive.ofN(name, 0, -1, true, (c, args) -> {
            double[] v = flonums(name, args);
            for (int i = 0; i + 1 < v.length; i++) if (!rel.f(v[i], v[i + 1])) return false;
            return true;
        }));
    }

    private static void flFn(PrimitiveSink sink, String name, DoubleFn f) {
        sink.add(Primitive.of1(name, true, (c, a) -> f.f(flonums(name, a)[0])));
    }

    // ---- bitwise -----------------------------------------------------------------------------

    private static void bits(PrimitiveSink sink) {
        sink.add(Primitive.ofN("bitwise-and", 0, -1, true, (c, args) -> Bits.fold(Bits.AND, "bitwise-and", args)));
        sink.add(Primitive.ofN("bitwise-ior", 0, -1, true, (c, args) -> Bits.fold(Bits.IOR, "bitwise-ior", args)));
        sink.add(Primitive.ofN("bitwise-xor", 0, -1, true, (c, args) -> Bits.fold(Bits.XOR, "bitwise-xor", args)));
        sink.add(Primitive.of1("bitwise-not", true, (c, a) -> Bits.not(a)));
        sink.add(Primitive.of2("arithmetic-shift", true, (c, a, b) -> counted(c, Bits.arithmeticShift(a, b))));
        sink.add(Primitive.of1("bit-count", true, (c, a) -> Bits.bitCount(a)));
        sink.add(Primitive.of1("integer-length", true, (c, a) -> Bits.integerLength(a)));
        sink.add(Primitive.of2("bit-set?", true, (c, a, b) -> Bits.bitSet(a, b)));
        sink.add(Primitive.of3("extract-bit-field", true, (c, a, b, d) -> Bits.extractBitField(a, b, d)));
    }

    // ---- random ------------------------------------------------------------------------------

    private static void random(PrimitiveSink sink) {
        sink.add(Primitive.of1("random-integer", true, (c, a) -> {
            if (!Num.isExactInteger(a)) throw Condition.typeError("random-integer", 1, "Exact INTEGER", a);
            if (Num.sign(a, "random-integer") <= 0) throw Condition.rangeError("random-integer", 1, a);
            SplittableRandom rnd = c.random();
            synchronized (rnd) { // one generator per VM, shared by its processors
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.RANDOM, rnd);
                return randomBelow(rnd, a);
            }
        }));
        sink.add(Primitive.of0("random-real", true, c -> {
            SplittableRandom rnd = c.random();
            synchronized (rnd) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.RANDOM, rnd);
                double d;
                do d = rnd.nextDouble(); while (d == 0.0); // the open interval (0, 1)
                return d;
            }
        }));
    }

    /** Uniform in [0, n) for a positive exact integer n: rejection sampling over n's bit length. */
    static Object randomBelow(SplittableRandom rnd, Object n) {
        if (n instanceof Long l) return rnd.nextLong(l);
        BigInteger limit = (BigInteger) n;
        int bits = limit.bitLength();
        while (true) {
            byte[] bytes = new byte[(bits + 7) / 8 + 1]; // leading zero byte keeps it positive
            for (int i = 1; i < bytes.length; i += 8) {
                long r = rnd.nextLong();
                for (int j = 0; j < 8 && i + j < bytes.length; j++) bytes[i + j] = (byte) (r >>> (8 * j));
            }
            BigInteger v = new BigInteger(bytes).shiftRight((bytes.length - 1) * 8 - bits);
            if (v.compareTo(limit) < 0) return Num.norm(v);
        }
    }

    // ---- the variadic shape ------------------------------------------------------------------

    /** A variadic primitive with separate 0-, 1-, 2- and many-argument bodies. */
    private static final class Nary extends Primitive {
        private final F0 zero;
        private final F1 one;
        private final F2 two;
        private final FN many;

        Nary(String name, int min, F0 zero, F1 one, F2 two, FN many) {
            super(name, min, -1, true);
            this.zero = zero;
            this.one = one;
            this.two = two;
            this.many = many;
        }

        @Override public Object call0(Ctx c) {
            if (zero == null) throw arity(new Object[0]);
            return zero.f(c);
        }

        @Override public Object call1(Ctx c, Object a) { return one.f(c, a); }

        @Override public Object call2(Ctx c, Object a, Object b) { return two.f(c, a, b); }

        @Override public Object call3(Ctx c, Object a, Object b, Object d) { return many.f(c, new Object[] {a, b, d}); }

        @Override public Object callN(Ctx c, Object[] args) {
            switch (args.length) {
                case 0: return call0(c);
                case 1: return one.f(c, args[0]);
                case 2: return two.f(c, args[0], args[1]);
                default: return many.f(c, args);
            }
        }
    }
}
