package safepoint.vm.interp;

import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.SchemeError;

/**
 * Inline fast paths for the hottest simple primitives (fixnum arithmetic and comparison, pair
 * access, type tests). Each keeps the primitive's guard and falls back to the primitive itself
 * for anything but the common case, so behaviour, including errors, is the primitive's.
 */
public final class Intrinsics {
    private Intrinsics() {}

    public static Node make(Global cell, Primitive prim, Where w, Node[] a) {
        String n = cell.name.name;
        if (a.length == 2) {
            switch (n) {
                case "+": return new Add(cell, prim, w, a[0], a[1]);
                case "-": return new Sub(cell, prim, w, a[0], a[1]);
                case "<": return new Cmp(cell, prim, w, a[0], a[1], Cmp.LT);
                case ">": return new Cmp(cell, prim, w, a[0], a[1], Cmp.GT);
                case "<=": return new Cmp(cell, prim, w, a[0], a[1], Cmp.LE);
                case ">=": return new Cmp(cell, prim, w, a[0], a[1], Cmp.GE);
                case "=": return new Cmp(cell, prim, w, a[0], a[1], Cmp.EQ);
                case "eq?": return new Eq(cell, prim, w, a[0], a[1]);
                default: return null;
            }
        }
        if (a.length == 1) {
            switch (n) {
                case "car": return new Car(cell, prim, w, a[0]);
                case "cdr": return new Cdr(cell, prim, w, a[0]);
                case "null?": return new IsNull(cell, prim, w, a[0]);
                case "pair?": return new IsPair(cell, prim, w, a[0]);
                case "not": return new Not(cell, prim, w, a[0]);
                default: return null;
            }
        }
        return null;
    }

    public abstract static class Op2 extends Calls.PrimCall {
        final Node a;
        final Node b;

        Op2(Global cell, Primitive prim, Where w, Node a, Node b) {
            super(cell, prim, w, a, b);
            this.a = a;
            this.b = b;
        }

        final Object slow(Interp m, Object x, Object y) {
            try {
                return target().call2(m, x, y);
            } catch (SchemeError e) {
                throw fail(m, e);
            }
        }
    }

    public abstract static class Op1 extends Calls.PrimCall {
        final Node a;

        Op1(Global cell, Primitive prim, Where w, Node a) {
            super(cell, prim, w, a);
            this.a = a;
        }

        final Object slow(Interp m, Object x) {
            try {
                return target().call1(m, x);
            } catch (SchemeError e) {
                throw fail(m, e);
            }
        }
    }

    public static final class Add extends Op2 {
        Add(Global cell, Primitive prim, Where w, Node a, Node b) {
            super(cell, prim, w, a, b);
        }

        @Override
        public Object ev(Interp m) {
            Object x = first(m, a);
            Object y = second(m, b, x);
            if (x instanceof Long p && y instanceof Long q && cell.value == prim) {
                long r = p + q;
                if (((p ^ r) & (q ^ r)) >= 0) return r;
            }
            return slow(m, x, y);
        }
    }

    public static final class Sub extends Op2 {
        Sub(Global cell, Primitive prim, Where w, Node a, Node b) {
            super(cell, prim, w, a, b);
        }

        @Override
        public Object ev(Interp m) {
            Object x = first(m, a);
            Object y = second(m, b, x);
            if (x instanceof Long p && y instanceof Long q && cell.value == prim) {
                long r = p - q;
                if (((p ^ q) & (p ^ r)) >= 0) return r;
            }
            return slow(m, x, y);
        }
    }

    public static final class Cmp extends Op2 {
        static final int LT = 0, GT = 1, LE = 2, GE = 3, EQ = 4;
        final int op;

        Cmp(Global cell, Primitive prim, Where w, Node a, Node b, int op) {
            super(cell, prim, w, a, b);
            this.op = op;
        }

        @Override
        public Object ev(Interp m) {
            Object x = first(m, a);
            Object y = second(m, b, x);
            if (x instanceof Long p && y instanceof Long q && cell.value == prim) {
                long i = p;
                long j = q;
                boolean r = switch (op) {
                    case LT -> i < j;
                    case GT -> i > j;
                    case LE -> i <= j;
                    case GE -> i >= j;
                    default -> i == j;
                };
                return r ? Boolean.TRUE : Boolean.FALSE;
            }
            return slow(m, x, y);
        }
    }

    public static final class Eq extends Op2 {
        Eq(Global cell, Primitive prim, Where w, Node a, Node b) {
            super(cell, prim, w, a, b);
        }

        @Override
        public Object ev(Interp m) {
            Object x = first(m, a);
            Object y = second(m, b, x);
            if (cell.value == prim) {
                // Fixnums and characters are immediates in Gambit: eq? compares their values.
                if (x == y) return Boolean.TRUE;
                if (x instanceof Long p && y instanceof Long q) return p.longValue() == q.longValue();
                return slow(m, x, y);
            }
            return slow(m, x, y);
        }
    }

    public static final class Car extends Op1 {
        Car(Global cell, Primitive prim, Where w, Node a) {
            super(cell, prim, w, a);
        }

        @Override
        public Object ev(Interp m) {
            Object x = first(m, a);
            if (x instanceof Pair p && cell.value == prim) return p.car;
            return slow(m, x);
        }
    }

    public static final class Cdr extends Op1 {
        Cdr(Global cell, Primitive prim, Where w, Node a) {
            super(cell, prim, w, a);
        }

        @Override
        public Object ev(Interp m) {
            Object x = first(m, a);
            if (x instanceof Pair p && cell.value == prim) return p.cdr;
            return slow(m, x);
        }
    }

    public static final class IsNull extends Op1 {
        IsNull(Global cell, Primitive prim, Where w, Node a) {
            super(cell, prim, w, a);
        }

        @Override
        public Object ev(Interp m) {
            Object x = first(m, a);
            if (cell.value == prim) return x == Nil.NIL ? Boolean.TRUE : Boolean.FALSE;
            return slow(m, x);
        }
    }

    public static final class IsPair extends Op1 {
        IsPair(Global cell, Primitive prim, Where w, Node a) {
            super(cell, prim, w, a);
        }

        @Override
        public Object ev(Interp m) {
            Object x = first(m, a);
            if (cell.value == prim) return x instanceof Pair ? Boolean.TRUE : Boolean.FALSE;
            return slow(m, x);
        }
    }

    public static final class Not extends Op1 {
        Not(Global cell, Primitive prim, Where w, Node a) {
            super(cell, prim, w, a);
        }

        @Override
        public Object ev(Interp m) {
            Object x = first(m, a);
            if (cell.value == prim) return x == Boolean.FALSE ? Boolean.TRUE : Boolean.FALSE;
            return slow(m, x);
        }
    }
}
