package safepoint.vm.data;

/**
 * A procedure written in Java. A primitive never calls back into the interpreter and never parks
 * its Java thread (DESIGN.md, "the one rule"): those that need to call Scheme or wait are control
 * primitives, built in the interpreter's package. A primitive is <em>simple</em> when it may run
 * directly inside an expression: it cannot block, spin, call Scheme or expose steps.
 *
 * <p>Calls with 0 to 3 arguments go through the fixed-arity entry points to avoid an argument
 * array; each subclass overrides the ones its arity allows and {@link #callN}.
 */
public abstract class Primitive extends Procedure {
    public final String name;
    public final int minArgs;
    /** -1 for any number. */
    public final int maxArgs;
    public final boolean simple;

    protected Primitive(String name, int minArgs, int maxArgs, boolean simple) {
        this.name = name;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.simple = simple;
    }

    @Override
    public String name() {
        return name;
    }

    public boolean accepts(int argc) {
        return argc >= minArgs && (maxArgs < 0 || argc <= maxArgs);
    }

    public abstract Object callN(Ctx c, Object[] args);

    public Object call0(Ctx c) {
        return callN(c, new Object[0]);
    }

    public Object call1(Ctx c, Object a) {
        return callN(c, new Object[] {a});
    }

    public Object call2(Ctx c, Object a, Object b) {
        return callN(c, new Object[] {a, b});
    }

    public Object call3(Ctx c, Object a, Object b, Object d) {
        return callN(c, new Object[] {a, b, d});
    }

    protected final SchemeError arity(Object[] args) {
        return Condition.wrongArgs(this, args);
    }

    /**
     * A mutator, by Scheme's naming convention (set-car!, vector-set!, a struct's setter): it tells
     * its caller ({@link Ctx#mutated}), so dfs's reduction treats the step as dependent with all.
     */
    /** Whether a procedure named so mutates (its name ends in !): dpor counts its steps as unclassified. */
    public static boolean mutator(String name) {
        return name.endsWith("!");
    }

    // ---- lambda-friendly shapes -------------------------------------------------------------

    public interface F0 { Object f(Ctx c); }
    public interface F1 { Object f(Ctx c, Object a); }
    public interface F2 { Object f(Ctx c, Object a, Object b); }
    public interface F3 { Object f(Ctx c, Object a, Object b, Object d); }
    public interface FN { Object f(Ctx c, Object[] args); }

    public static Primitive of0(String name, boolean simple, F0 f0) {
        F0 f = mutator(name) ? (c) -> { c.mutated(); return f0.f(c); } : f0;
        return new Primitive(name, 0, 0, simple) {
            @Override public Object call0(Ctx c) { return f.f(c); }
            @Override public Object callN(Ctx c, Object[] a) { if (a.length != 0) throw arity(a); return f.f(c); }
            @Override public Object call1(Ctx c, Object a) { throw arity(new Object[] {a}); }
            @Override public Object call2(Ctx c, Object a, Object b) { throw arity(new Object[] {a, b}); }
            @Override public Object call3(Ctx c, Object a, Object b, Object d) { throw arity(new Object[] {a, b, d}); }
        };
    }

    public static Primitive of1(String name, boolean simple, F1 f0) {
        F1 f = mutator(name) ? (c, a) -> { c.mutated(); return f0.f(c, a); } : f0;
        return new Primitive(name, 1, 1, simple) {
            @Override public Object call1(Ctx c, Object a) { return f.f(c, a); }
            @Override public Object callN(Ctx c, Object[] a) { if (a.length != 1) throw arity(a); return f.f(c, a[0]); }
            @Override public Object call0(Ctx c) { throw arity(new Object[0]); }
            @Override public Object call2(Ctx c, Object a, Object b) { throw arity(new Object[] {a, b}); }
            @Override public Object call3(Ctx c, Object a, Object b, Object d) { throw arity(new Object[] {a, b, d}); }
        };
    }

    public static Primitive of2(String name, boolean simple, F2 f0) {
        F2 f = mutator(name) ? (c, a, b) -> { c.mutated(); return f0.f(c, a, b); } : f0;
        return new Primitive(name, 2, 2, simple) {
            @Override public Object call2(Ctx c, Object a, Object b) { return f.f(c, a, b); }
            @Override public Object callN(Ctx c, Object[] a) { if (a.length != 2) throw arity(a); return f.f(c, a[0], a[1]); }
            @Override public Object call0(Ctx c) { throw arity(new Object[0]); }
            @Override public Object call1(Ctx c, Object a) { throw arity(new Object[] {a}); }
            @Override public Object call3(Ctx c, Object a, Object b, Object d) { throw arity(new Object[] {a, b, d}); }
        };
    }

    public static Primitive of3(String name, boolean simple, F3 f0) {
        F3 f = mutator(name) ? (c, a, b, d) -> { c.mutated(); return f0.f(c, a, b, d); } : f0;
        return new Primitive(name, 3, 3, simple) {
            @Override public Object call3(Ctx c, Object a, Object b, Object d) { return f.f(c, a, b, d); }
            @Override public Object callN(Ctx c, Object[] a) { if (a.length != 3) throw arity(a); return f.f(c, a[0], a[1], a[2]); }
            @Override public Object call0(Ctx c) { throw arity(new Object[0]); }
            @Override public Object call1(Ctx c, Object a) { throw arity(new Object[] {a}); }
            @Override public Object call2(Ctx c, Object a, Object b) { throw arity(new Object[] {a, b}); }
        };
    }

    /** Variable arity: {@code min..max} arguments (max -1 for any); the body checks nothing. */
    public static Primitive ofN(String name, int min, int max, boolean simple, FN f0) {
        FN f = mutator(name) ? (c, args) -> { c.mutated(); return f0.f(c, args); } : f0;
        return new Primitive(name, min, max, simple) {
            @Override public Object callN(Ctx c, Object[] a) { if (!accepts(a.length)) throw arity(a); return f.f(c, a); }
            @Override public Object call0(Ctx c) { return callN(c, new Object[0]); }
        };
    }
}
