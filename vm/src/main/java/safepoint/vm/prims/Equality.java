package safepoint.vm.prims;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.NumVector;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.FieldEquality;
import safepoint.vm.data.MString;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Cpxnum;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.Record;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;

/**
 * Scheme's three equivalences. Java boxes fixnums and characters, so {@code eq?} compares those by
 * value (Gambit keeps them immediate); flonums and bignums stay by identity, as in gsi.
 * {@code equal?} walks with an explicit stack so a list of any length or depth cannot overflow
 * the Java stack.
 */
public final class Equality {
    private Equality() {}

    public static boolean eq(Object a, Object b) {
        if (a == b) return true;
        if (a instanceof Long x) return b instanceof Long y && x.longValue() == y.longValue();
        if (a instanceof SChar x) return b instanceof SChar y && x.cp == y.cp;
        if (a instanceof Boolean x) return x.equals(b);
        return false;
    }

    /** Same exactness and numerically equal; flonums by bits, so NaN is eqv to NaN and 0. not to -0. */
    public static boolean eqv(Object a, Object b) {
        if (eq(a, b)) return true;
        if (a instanceof Double x) return b instanceof Double y && x.equals(y);
        if (a instanceof BigInteger x) return b instanceof BigInteger y && x.equals(y);
        if (a instanceof Ratnum x) return b instanceof Ratnum y && x.equals(y);
        if (a instanceof Cpxnum x) return x.equals(b);
        return false;
    }

    public static boolean equal(Object a, Object b) {
        return equal(a, b, null);
    }

    /** {@code equal?}, charging {@code c} the work of the walk (one unit per pair of objects compared). */
    public static boolean equal(Object a, Object b, Ctx c) {
        ArrayDeque<Object> todo = new ArrayDeque<>();
        long[] steps = c == null ? null : new long[1];
        try {
            for (;;) {
                if (!equalStep(a, b, todo, steps)) return false;
                if (todo.isEmpty()) return true;
                b = todo.pop();
                a = todo.pop();
            }
        } finally {
            if (c != null) c.work(steps[0]);
        }
    }

    /**
     * Compare one level of {@code a} and {@code b}, pushing pairs of children still to compare.
     * A list's spine is followed in place, so a long list pushes only its cars.
     */
    private static boolean equalStep(Object a, Object b, ArrayDeque<Object> todo, long[] steps) {
        for (;;) {
            if (steps != null) steps[0]++;
            if (eqv(a, b)) return true;
            if (a instanceof Pair p) {
                if (!(b instanceof Pair q)) return false;
                push(todo, p.car, q.car);
                a = p.cdr;
                b = q.cdr;
                continue;
            }
            if (a instanceof MString s) {
                if (steps != null) steps[0] += s.length();
                return b instanceof MString t && s.compareTo(t) == 0;
            }
            if (a instanceof SVector v) return b instanceof SVector w && pushAll(todo, v.items, w.items);
            if (a instanceof Bytevector v) return b instanceof Bytevector w && Arrays.equals(v.bytes, w.bytes);
            if (a instanceof NumVector v) return b instanceof NumVector w && v.sameAs(w);
            if (a instanceof Box x) {
                if (!(b instanceof Box y)) return false;
                a = x.value;
                b = y.value;
                continue;
            }
            if (a instanceof Record r) return b instanceof Record s && r.type == s.type && pushAll(todo, r.fields, s.fields);
            if (a instanceof FieldEquality x && x.byFields()) {
                return b instanceof FieldEquality y && x.equalityType() == y.equalityType()
                        && pushAll(todo, x.equalFields(), y.equalFields());
            }
            if (a instanceof FieldEquality) return false; // compared by identity, and not eqv
            if (a instanceof SchemeTable t) return b instanceof SchemeTable u && t.sameContents(u, todo);
            return false;
        }
    }

    private static void push(ArrayDeque<Object> todo, Object a, Object b) {
        // ArrayDeque rejects null; Scheme values are never null but be safe.
        todo.push(a == null ? NULL : a);
        todo.push(b == null ? NULL : b);
    }

    static boolean pushAll(ArrayDeque<Object> todo, Object[] xs, Object[] ys) {
        if (xs.length != ys.length) return false;
        for (int i = xs.length - 1; i >= 0; i--) push(todo, xs[i], ys[i]);
        return true;
    }

    static void pushPair(ArrayDeque<Object> todo, Object a, Object b) {
        push(todo, a, b);
    }

    private static final Object NULL = new Object();
}
