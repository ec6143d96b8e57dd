package safepoint.vm.num;

import java.math.BigInteger;
import safepoint.vm.data.Condition;

/**
 * Integer division in its truncating and flooring forms. Integral flonums are accepted and give
 * flonums; like gsi we divide their exact values, so {@code (quotient -1. 2)} is 0., not -0.
 */
final class IntDiv {
    private IntDiv() {}

    static final int TRUNC_Q = 0, TRUNC_R = 1, FLOOR_Q = 2, FLOOR_R = 3;

    static Object op(Object a, Object b, int kind, String who) {
        boolean inexact = check(a, b, who);
        Object r = exactOp(ex(a), ex(b), kind);
        return inexact ? (Object) Floats.toDouble(r) : r;
    }

    /** Quotient and remainder together, for {@code floor/} and {@code truncate/}. */
    static Object[] both(Object a, Object b, boolean floor, String who) {
        boolean inexact = check(a, b, who);
        Object x = ex(a), y = ex(b);
        Object q = exactOp(x, y, floor ? FLOOR_Q : TRUNC_Q);
        Object r = exactOp(x, y, floor ? FLOOR_R : TRUNC_R);
        if (inexact) return new Object[] {Floats.toDouble(q), Floats.toDouble(r)};
        return new Object[] {q, r};
    }

    /** Checks both arguments; true if the result is inexact. */
    private static boolean check(Object a, Object b, String who) {
        if (!Num.isInteger(a)) throw Condition.typeError(who, 1, "INTEGER", a, b);
        if (!Num.isInteger(b)) throw Condition.typeError(who, 2, "INTEGER", a, b);
        if (Num.isZero(b)) throw Condition.divideByZero(who, a, b);
        return a instanceof Double || b instanceof Double;
    }

    private static Object ex(Object x) {
        return x instanceof Double d ? Floats.toExact(d) : x;
    }

    static Object exactOp(Object a, Object b, int kind) {
        if (a instanceof Long x && b instanceof Long y && !(x == Long.MIN_VALUE && y == -1)) {
            switch (kind) {
                case TRUNC_Q: return x / y;
                case TRUNC_R: return x % y;
                case FLOOR_Q: return Math.floorDiv(x, y);
                default: return Math.floorMod(x, y);
            }
        }
        BigInteger x = Exact.big(a), y = Exact.big(b);
        BigInteger[] qr = x.divideAndRemainder(y);
        if ((kind == FLOOR_Q || kind == FLOOR_R) && qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(y);
        }
        return Exact.norm(kind == TRUNC_Q || kind == FLOOR_Q ? qr[0] : qr[1]);
    }
}
