package safepoint.vm.num;

import safepoint.vm.data.Condition;

/** R7RS rationalize: the simplest rational within a tolerance, with gsi's argument checks. */
public final class Rationalize {
    private Rationalize() {}

    public static Object rationalize(Object x, Object y) {
        if (!Num.isReal(x) || x instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw Condition.typeError("rationalize", 1, "Finite REAL", x, y);
        }
        if (!Num.isReal(y) || y instanceof Double e && e.isNaN()) {
            throw Condition.typeError("rationalize", 2, "REAL", x, y);
        }
        if (Num.sign(y, "rationalize") < 0) throw Condition.rangeError("rationalize", 2, x, y);
        boolean inexact = x instanceof Double || y instanceof Double;
        if (y instanceof Double e && e.isInfinite()) return 0.0; // every rational is within range
        Object ex = Num.exact(x), ey = Num.exact(y);
        Object r = simplest(Num.sub(ex, ey), Num.add(ex, ey));
        return inexact ? Num.inexact(r) : r;
    }

    /** The simplest rational in [lo, hi] (exact, lo <= hi). */
    private static Object simplest(Object lo, Object hi) {
        if (Num.sign(lo, "rationalize") > 0) return simplestPositive(lo, hi);
        if (Num.sign(hi, "rationalize") < 0) return Num.negate(simplestPositive(Num.negate(hi), Num.negate(lo)));
        return 0L;
    }

    // Continued fractions: an integer in range is simplest; otherwise recurse on the reciprocals of
    // the fractional parts. Depth is logarithmic in the denominators.
    private static Object simplestPositive(Object lo, Object hi) {
        Object fl = Rounding.round(lo, Rounding.FLOOR, "rationalize");
        if (Num.numEq(fl, lo)) return fl;
        if (Num.lt(fl, Rounding.round(hi, Rounding.FLOOR, "rationalize"))) return Num.add(fl, 1L);
        Object rest = simplestPositive(Num.div(1L, Num.sub(hi, fl)), Num.div(1L, Num.sub(lo, fl)));
        return Num.add(fl, Num.div(1L, rest));
    }
}
