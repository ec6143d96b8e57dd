package safepoint.vm.num;

import java.math.BigInteger;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ratnum;

/** floor, ceiling, round, truncate, numerator, denominator, gcd and lcm. */
public final class Rounding {
    private Rounding() {}

    public static final int FLOOR = 0, CEILING = 1, ROUND = 2, TRUNCATE = 3;

    /** Rounds a finite real; anything else raises "Finite REAL expected" as gsi does. */
    public static Object round(Object x, int mode, String who) {
        if (x instanceof Long || x instanceof BigInteger) return x;
        if (x instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            switch (mode) {
                case FLOOR: return Math.floor(d);
                case CEILING: return Math.ceil(d);
                case ROUND: return Math.rint(d); // ties to even
                // gsi truncates a nonzero flonum of magnitude below 1 to 0., never -0.
                default: return d == 0 || Math.abs(d) >= 1 ? (d < 0 ? Math.ceil(d) : Math.floor(d)) : 0.0;
            }
        }
        if (x instanceof Ratnum r) return Exact.norm(roundRatio(r.num, r.den, mode));
        throw Condition.typeError(who, 1, "Finite REAL", x);
    }

    private static BigInteger roundRatio(BigInteger n, BigInteger d, int mode) {
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger fl = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        switch (mode) {
            case FLOOR: return fl;
            case CEILING: return fl.add(BigInteger.ONE);
            case TRUNCATE: return qr[0];
            default:
                int c = n.subtract(fl.multiply(d)).shiftLeft(1).compareTo(d);
                if (c < 0) return fl;
                if (c > 0) return fl.add(BigInteger.ONE);
                return fl.testBit(0) ? fl.add(BigInteger.ONE) : fl;
        }
    }

    public static Object numerator(Object x) {
        if (x instanceof Ratnum r) return Exact.norm(r.num);
        if (Num.isExactInteger(x)) return x;
        if (x instanceof Double d && Num.isRational(x)) return Num.inexact(numerator(Floats.toExact(d)));
        throw Condition.typeError("numerator", 1, "RATIONAL", x);
    }

    public static Object denominator(Object x) {
        if (x instanceof Ratnum r) return Exact.norm(r.den);
        if (Num.isExactInteger(x)) return 1L;
        if (x instanceof Double d && Num.isRational(x)) return Num.inexact(denominator(Floats.toExact(d)));
        throw Condition.typeError("denominator", 1, "RATIONAL", x);
    }

    /** Variadic gcd or lcm over integers; inexact if any argument is. */
    public static Object gcdLcm(Object[] args, boolean lcm) {
        String who = lcm ? "lcm" : "gcd";
        boolean inexact = false;
        for (int i = 0; i < args.length; i++) {
            if (!Num.isInteger(args[i])) throw Condition.typeError(who, i + 1, "INTEGER", args);
            inexact |= args[i] instanceof Double;
        }
        BigInteger acc = lcm ? BigInteger.ONE : BigInteger.ZERO;
        for (Object a : args) {
            BigInteger v = Exact.big(a instanceof Double d ? Floats.toExact(d) : a).abs();
            if (!lcm) acc = acc.gcd(v);
            else if (v.signum() == 0 || acc.signum() == 0) acc = BigInteger.ZERO;
            else acc = acc.divide(acc.gcd(v)).multiply(v);
        }
        Object r = Exact.norm(acc);
        return inexact ? Num.inexact(r) : r;
    }
}
