package safepoint.vm.prims;

import java.math.BigInteger;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;

/**
 * Argument checks shared by the data primitives, raising gsi's exact exceptions. Each takes the
 * whole argument array so the condition can show the failing call as gsi does; callers with fixed
 * arity build that array only on the error path where the call is hot (vector-ref, string-ref).
 */
final class Args {
    private Args() {}

    /** An exact integer used as an index or count: non-integers are a type error, negative or huge a range error. */
    static int index(Object x, String name, int argIndex, Object[] args) {
        if (x instanceof Long l) {
            if (l < 0 || l > Integer.MAX_VALUE) throw Condition.rangeError(name, argIndex, args);
            return (int) (long) l;
        }
        if (x instanceof BigInteger) throw Condition.rangeError(name, argIndex, args);
        throw Condition.typeError(name, argIndex, "Exact INTEGER", args);
    }

    /** An index in {@code [lo, hi]}. */
    static int index(Object x, int lo, int hi, String name, int argIndex, Object[] args) {
        int i = index(x, name, argIndex, args);
        if (i < lo || i > hi) throw Condition.rangeError(name, argIndex, args);
        return i;
    }

    /**
     * The optional {@code [start [end]]} pair at {@code args[at]}, {@code args[at+1]} of a sequence
     * of length {@code len}: start in [0, len], end in [start, len], as gsi checks them.
     */
    static int[] range(Object[] args, int at, int len, String name) {
        int start = args.length > at ? index(args[at], 0, len, name, at + 1, args) : 0;
        int end = args.length > at + 1 ? index(args[at + 1], start, len, name, at + 2, args) : len;
        return new int[] {start, end};
    }

    /** The length of a proper list, or -1 if {@code x} is improper or circular. Iterative. */
    static int listLength(Object x) {
        int n = 0;
        Object slow = x;
        while (x instanceof Pair p) {
            x = p.cdr;
            n++;
            if (!(x instanceof Pair q)) break;
            x = q.cdr;
            n++;
            slow = ((Pair) slow).cdr;
            if (x == slow) return -1;
        }
        return x == Nil.NIL ? n : -1;
    }

    static Object[] a(Object... args) {
        return args;
    }
}
