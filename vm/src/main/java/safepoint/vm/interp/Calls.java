package safepoint.vm.interp;

import safepoint.vm.data.Condition;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.SchemeError;

/**
 * Procedure calls. Every call is a jump: the callee's body becomes {@code pc} and no frame is
 * pushed, so tail calls are proper by construction; a non-tail call is simply a call made while
 * the enclosing construct has pushed the frame that awaits its value.
 */
public final class Calls {
    private Calls() {}

    public static Node make(Node fn, Node[] args, Where where) {
        boolean simple = fn.isSimple();
        for (Node a : args) simple &= a.isSimple();
        return simple ? new SimpleOperands(fn, args, where) : new General(fn, args, where);
    }

    public static SchemeError located(SchemeError e, Where where) {
        if (e.where == null) e.where = where;
        return e;
    }

    /** What every call knows: its operator, its operands, and where it stands in the source. */
    abstract static class Call extends Node {
        final Node fn;
        final Node[] args;
        final Where where;

        Call(Node fn, Node[] args, Where where) {
            this.fn = fn;
            this.args = args;
            this.where = where;
        }

        @Override
        Where where() {
            return where;
        }
    }

    /** A call whose operator and operands are all simple: evaluated without frames. */
    static final class SimpleOperands extends Call {
        /** In tail position: a primitive's error here is reported at the call awaiting the result, as gsi does. */
        boolean tail;

        SimpleOperands(Node fn, Node[] args, Where where) {
            super(fn, args, where);
        }

        @Override
        public void markTail() {
            tail = true;
        }

        @Override
        public void exec(Interp m) {
            Object f = fn.ev(m);
            Node[] a = args;
            int n = a.length;
            try {
                if (f instanceof Closure c) {
                    Lambda l = c.lambda;
                    if (l.simpleArity == n) {
                        Object[] fr = new Object[l.frameSize];
                        fr[0] = c.env;
                        for (int i = 0; i < n; i++) fr[i + 1] = a[i].ev(m);
                        m.allocated += l.frameSize + 1;
                        m.enter(l, fr);
                        return;
                    }
                } else if (f instanceof Primitive p) {
                    switch (n) {
                        case 0 -> m.val = p.call0(m);
                        case 1 -> m.val = p.call1(m, a[0].ev(m));
                        case 2 -> m.val = p.call2(m, a[0].ev(m), a[1].ev(m));
                        case 3 -> m.val = p.call3(m, a[0].ev(m), a[1].ev(m), a[2].ev(m));
                        default -> m.val = p.callN(m, evalAll(m, a));
                    }
                    return;
                }
                m.apply(f, evalAll(m, a));
                if (m.blocked) m.blockedAt = this;
            } catch (SchemeError e) {
                throw located(e, tail && f instanceof Primitive ? m.waitingWhere(where) : where);
            }
        }

        static Object[] evalAll(Interp m, Node[] a) {
            Object[] v = new Object[a.length];
            for (int i = 0; i < a.length; i++) v[i] = a[i].ev(m);
            return v;
        }
    }

    /** A call with at least one complex part: operands are evaluated left to right via frames. */
    static final class General extends Call {
        General(Node fn, Node[] args, Where where) {
            super(fn, args, where);
        }

        @Override
        public void exec(Interp m) {
            // vals[0] is the operator, vals[1..] the operands.
            Object[] vals = new Object[args.length + 1];
            continueFrom(m, vals, 0);
        }

        void continueFrom(Interp m, Object[] vals, int from) {
            for (int i = from; i < vals.length; i++) {
                Node n = i == 0 ? fn : args[i - 1];
                if (n.isSimple()) {
                    try {
                        vals[i] = n.ev(m);
                    } catch (SchemeError e) {
                        throw located(e, where);
                    }
                } else {
                    m.push(new ArgFrame(this, vals, m.env, i));
                    m.pc = n;
                    return;
                }
            }
            Object f = vals[0];
            int n = vals.length - 1;
            try {
                if (f instanceof Primitive p) {
                    switch (n) {
                        case 1 -> m.val = p.call1(m, vals[1]);
                        case 2 -> m.val = p.call2(m, vals[1], vals[2]);
                        case 3 -> m.val = p.call3(m, vals[1], vals[2], vals[3]);
                        default -> m.val = p.callN(m, java.util.Arrays.copyOfRange(vals, 1, vals.length));
                    }
                    return;
                }
                if (f instanceof Closure c && c.lambda.simpleArity == n) {
                    Lambda l = c.lambda;
                    Object[] fr = new Object[l.frameSize];
                    fr[0] = c.env;
                    System.arraycopy(vals, 1, fr, 1, n);
                    m.allocated += l.frameSize + 1;
                    m.enter(l, fr);
                    return;
                }
                m.apply(f, java.util.Arrays.copyOfRange(vals, 1, vals.length));
                if (m.blocked) m.blockedAt = this;
            } catch (SchemeError e) {
                throw located(e, where);
            }
        }
    }

    static final class ArgFrame extends EnvFrame {
        final General node;
        final Object[] vals;
        final int i;

        ArgFrame(General node, Object[] vals, Object[] env, int i) {
            super(env);
            this.node = node;
            this.vals = vals;
            this.i = i;
        }

        @Override
        public void resume(Interp m) {
            Object[] v = captured ? vals.clone() : vals;
            v[i] = m.val;
            m.env = env;
            node.continueFrom(m, v, i + 1);
        }

        @Override
        public Where where() {
            Node waited = i == 0 ? node.fn : node.args[i - 1];
            Where w = waited.where();
            return w != null ? w : node.where;
        }
    }

    /**
     * A call of a global bound to a simple primitive when the code was compiled: runs inside an
     * expression, with no frame. The guard re-checks the binding, so a later redefinition with
     * another primitive still works; a redefinition with a Scheme procedure is reported, since
     * this code has no continuation to give it.
     */
    public abstract static class PrimCall extends Node.Simple {
        final Global cell;
        final Primitive prim;
        final Where where;

        boolean tail;

        PrimCall(Global cell, Primitive prim, Where where) {
            this.cell = cell;
            this.prim = prim;
            this.where = where;
        }

        @Override
        Where where() {
            return where;
        }

        @Override
        public void markTail() {
            tail = true;
        }

        /** Locate an error of this call: here, or in tail position at the call awaiting the result. */
        final SchemeError fail(Interp m, SchemeError e) {
            if (e.where == null) e.where = tail ? m.waitingWhere(where) : where;
            return e;
        }

        final Primitive target() {
            Object v = cell.value;
            if (v == prim) return prim;
            if (v instanceof Primitive p) return p;
            SchemeError e = Condition.raise("This code was compiled when " + cell.name.name
                    + " was a primitive; it has since been redefined: evaluate the caller's definition again");
            e.where = where;
            throw e;
        }
    }

    public static final class PrimCall0 extends PrimCall {
        public PrimCall0(Global cell, Primitive prim, Where where) {
            super(cell, prim, where);
        }

        @Override
        public Object ev(Interp m) {
            try {
                return target().call0(m);
            } catch (SchemeError e) {
                throw fail(m, e);
            }
        }
    }

    public static final class PrimCall1 extends PrimCall {
        final Node a;

        public PrimCall1(Global cell, Primitive prim, Where where, Node a) {
            super(cell, prim, where);
            this.a = a;
        }

        @Override
        public Object ev(Interp m) {
            Primitive p = target();
            try {
                return p.call1(m, a.ev(m));
            } catch (SchemeError e) {
                throw fail(m, e);
            }
        }
    }

    public static final class PrimCall2 extends PrimCall {
        final Node a;
        final Node b;

        public PrimCall2(Global cell, Primitive prim, Where where, Node a, Node b) {
            super(cell, prim, where);
            this.a = a;
            this.b = b;
        }

        @Override
        public Object ev(Interp m) {
            Primitive p = target();
            try {
                return p.call2(m, a.ev(m), b.ev(m));
            } catch (SchemeError e) {
                throw fail(m, e);
            }
        }
    }

    public static final class PrimCall3 extends PrimCall {
        final Node a;
        final Node b;
        final Node c;

        public PrimCall3(Global cell, Primitive prim, Where where, Node a, Node b, Node c) {
            super(cell, prim, where);
            this.a = a;
            this.b = b;
            this.c = c;
        }

        @Override
        public Object ev(Interp m) {
            Primitive p = target();
            try {
                return p.call3(m, a.ev(m), b.ev(m), c.ev(m));
            } catch (SchemeError e) {
                throw fail(m, e);
            }
        }
    }

    public static final class PrimCallN extends PrimCall {
        final Node[] args;

        public PrimCallN(Global cell, Primitive prim, Where where, Node[] args) {
            super(cell, prim, where);
            this.args = args;
        }

        @Override
        public Object ev(Interp m) {
            Primitive p = target();
            try {
                return p.callN(m, SimpleOperands.evalAll(m, args));
            } catch (SchemeError e) {
                throw fail(m, e);
            }
        }
    }
}
