package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import safepoint.vm.data.Condition;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.TestCtx;

/** Helpers for calling data primitives by name the way the interpreter will. */
abstract class PrimTest {
    static final Registry PRIMS = Registry.all();
    final TestCtx c = new TestCtx();

    /** Call through the fixed-arity entry points when they exist, as compiled calls do. */
    Object call(String name, Object... args) {
        Primitive p = PRIMS.get(name);
        return switch (args.length) {
            case 0 -> p.call0(c);
            case 1 -> p.call1(c, args[0]);
            case 2 -> p.call2(c, args[0], args[1]);
            case 3 -> p.call3(c, args[0], args[1], args[2]);
            default -> p.callN(c, args);
        };
    }

    Condition err(String name, Object... args) {
        SchemeError e = assertThrows(SchemeError.class, () -> call(name, args));
        return (Condition) e.payload;
    }

    /** Assert gsi's "(Argument n) TYPE expected" with the failing call's arguments. */
    void typeErr(String type, int arg, String name, Object... args) {
        Condition k = err(name, args);
        assertEquals(Condition.Kind.TYPE, k.kind, "kind");
        assertEquals(type + " expected", k.message);
        assertEquals(arg, k.argIndex, "argIndex");
        assertEquals(name, k.proc);
        assertEquals(Arrays.asList(args), k.args);
    }

    void rangeErr(int arg, String name, Object... args) {
        Condition k = err(name, args);
        assertEquals(Condition.Kind.RANGE, k.kind, "kind");
        assertEquals("Out of range", k.message);
        assertEquals(arg, k.argIndex, "argIndex");
        assertEquals(name, k.proc);
    }

    void arityErr(String name, Object... args) {
        assertEquals(Condition.Kind.WRONG_ARGS, err(name, args).kind);
    }

    static Object list(Object... xs) {
        Object r = Nil.NIL;
        for (int i = xs.length - 1; i >= 0; i--) r = new Pair(xs[i], r);
        return r;
    }

    static Pair cons(Object a, Object b) {
        return new Pair(a, b);
    }

    static MString s(String x) {
        return new MString(x);
    }

    static Symbol sym(String x) {
        return Symbol.of(x);
    }

    static SChar ch(char x) {
        return SChar.of(x);
    }

    static SVector vec(Object... xs) {
        return new SVector(xs);
    }

    /** Structural comparison through equal?, with a readable message. */
    static void assertEq(Object expected, Object actual) {
        if (!Equality.equal(expected, actual)) {
            throw new AssertionError("expected " + show(expected) + " but was " + show(actual));
        }
    }

    static String show(Object o) {
        StringBuilder b = new StringBuilder();
        show(o, b, 0);
        return b.toString();
    }

    private static void show(Object o, StringBuilder b, int depth) {
        if (depth > 20) { b.append("..."); return; }
        if (o instanceof Pair p) {
            b.append('(');
            int n = 0;
            for (;;) {
                show(p.car, b, depth + 1);
                if (++n > 20) { b.append(" ..."); break; }
                if (p.cdr instanceof Pair q) { b.append(' '); p = q; continue; }
                if (p.cdr != Nil.NIL) { b.append(" . "); show(p.cdr, b, depth + 1); }
                break;
            }
            b.append(')');
        } else if (o instanceof SVector v) {
            b.append("#(");
            for (int i = 0; i < v.items.length; i++) { if (i > 0) b.append(' '); show(v.items[i], b, depth + 1); }
            b.append(')');
        } else if (o instanceof MString m) {
            b.append('"').append(m.chars()).append('"');
        } else if (o instanceof SChar ch) {
            b.append("#\\").appendCodePoint(ch.cp);
        } else {
            b.append(o);
        }
    }
}
