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

        /** The same call made with frames: what waits once a part evaluated inline has failed. */
        private General withFrames;

        @Override
        public void exec(Interp m) {
            Object f;
            try {
                f = fn.ev(m);
            } catch (SchemeError e) {
                throw waitFor(m, located(e, where), null, 0, null, null);
            }
            Node[] a = args;
            int n = a.length;
            try {
                if (f instanceof Closure c) {
                    Lambda l = c.lambda;
                    if (l.simpleArity == n) {
                        Object[] fr = new Object[l.frameSize];
                        fr[0] = c.env;
                        for (int i = 0; i < n; i++) {
                            try {
                                fr[i + 1] = a[i].ev(m);
                            } catch (SchemeError e) {
                                Object[] done = new Object[n + 1];
                                System.arraycopy(fr, 1, done, 1, i);
                                done[0] = f;
                                throw awaiting(m, e, done, i + 1);
                            }
                        }
                        m.allocated += l.frameSize + 1;
                        m.enter(l, fr);
                        return;
                    }
                } else if (f instanceof Primitive p) {
                    switch (n) {
                        case 0 -> m.val = p.call0(m);
                        case 1 -> m.val = p.call1(m, operand(m, f, 0, null, null));
                        case 2 -> {
                            Object x = operand(m, f, 0, null, null);
                            m.val = p.call2(m, x, operand(m, f, 1, x, null));
                        }
                        case 3 -> {
                            Object x = operand(m, f, 0, null, null);
                            Object y = operand(m, f, 1, x, null);
                            m.val = p.call3(m, x, y, operand(m, f, 2, x, y));
                        }
                        default -> m.val = p.callN(m, operands(m, f));
                    }
                    return;
                }
                m.apply(f, operands(m, f));
                if (m.blocked) m.blockedAt = this;
            } catch (SchemeError e) {
                throw located(e, tail && f instanceof Primitive ? m.waitingWhere(where) : where);
            }
        }

        /** Operand {@code i} (0-based), the ones before it being {@code x} and {@code y}. */
        private Object operand(Interp m, Object f, int i, Object x, Object y) {
            try {
                return args[i].ev(m);
            } catch (SchemeError e) {
                throw waitFor(m, e, f, i + 1, x, y);
            }
        }

        private Object[] operands(Interp m, Object f) {
            Object[] v = new Object[args.length];
            for (int i = 0; i < v.length; i++) {
                try {
                    v[i] = args[i].ev(m);
                } catch (SchemeError e) {
                    Object[] done = new Object[args.length + 1];
                    System.arraycopy(v, 0, done, 1, i);
                    done[0] = f;
                    throw awaiting(m, e, done, i + 1);
                }
            }
            return v;
        }

        private SchemeError waitFor(Interp m, SchemeError e, Object f, int part, Object x, Object y) {
            Object[] done = new Object[args.length + 1];
            done[0] = f;
            if (part > 1) done[1] = x;
            if (part > 2) done[2] = y;
            return awaiting(m, e, done, part);
        }

        /** Part {@code part} (0 the operator) failed: the rest of the call waits as General's frame does. */
        private SchemeError awaiting(Interp m, SchemeError e, Object[] done, int part) {
            General g = withFrames;
            if (g == null) withFrames = g = new General(fn, args, where);
            return EnvFrame.awaiting(e, new ArgFrame(g, done, m.env, part));
        }
    }

    /** A call with at least one complex part: operands are evaluated left to right via frames. */
    static final class General extends Call implements Parts {
        General(Node fn, Node[] args, Where where) {
            super(fn, args, where);
        }

        @Override
        public Node part(int i) {
            return i == 0 ? fn : args[i - 1];
        }

        @Override
        public void goOn(Interp m, Object[] v, int from) {
            continueFrom(m, v, from);
        }

        @Override
        public Where callWhere() {
            return where;
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
                        throw EnvFrame.awaiting(located(e, where), new ArgFrame(this, vals, m.env, i));
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

    /** A call whose parts can be waited for one at a time: General's, and an inline primitive call's. */
    interface Parts {
        /** Part {@code i}: the operator then the operands (General), or the operands (PrimCall). */
        Node part(int i);

        /** The parts from {@code from} on, then the call. */
        void goOn(Interp m, Object[] v, int from);

        Where callWhere();
    }

    /** A call waiting for its part {@code i}, the parts before it in {@code vals}. */
    static final class ArgFrame extends EnvFrame {
        /** A Parts, typed as code so the collector and the rewind see a node here. */
        final Node node;
        final Object[] vals;
        final int i;

        <N extends Node & Parts> ArgFrame(N node, Object[] vals, Object[] env, int i) {
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
            ((Parts) node).goOn(m, v, i + 1);
        }

        @Override
        public Where where() {
            Parts p = (Parts) node;
            Where w = p.part(i).where();
            return w != null ? w : p.callWhere();
        }
    }

    /**
     * A call of a global bound to a simple primitive when the code was compiled: runs inside an
     * expression, with no frame. The guard re-checks the binding, so a later redefinition with
     * another primitive still works; a redefinition with a Scheme procedure is reported, since
     * this code has no continuation to give it.
     */
    public abstract static class PrimCall extends Node.Simple implements Parts {
        final Global cell;
        final Primitive prim;
        final Where where;
        /** The operands, in order; subclasses keep them in fields too, for their fast paths. */
        final Node[] operands;

        boolean tail;

        PrimCall(Global cell, Primitive prim, Where where, Node... operands) {
            this.cell = cell;
            this.prim = prim;
            this.where = where;
            this.operands = operands;
        }

        /** The first operand; if it fails, this call waits for its value in a frame. */
        final Object first(Interp m, Node a) {
            try {
                return a.ev(m);
            } catch (SchemeError e) {
                throw awaiting(m, e, new Object[operands.length], 0);
            }
        }

        /** The second operand, the first being {@code x}. */
        final Object second(Interp m, Node b, Object x) {
            try {
                return b.ev(m);
            } catch (SchemeError e) {
                Object[] done = new Object[operands.length];
                done[0] = x;
                throw awaiting(m, e, done, 1);
            }
        }

        /** The third operand, after {@code x} and {@code y}. */
        final Object third(Interp m, Node c, Object x, Object y) {
            try {
                return c.ev(m);
            } catch (SchemeError e) {
                Object[] done = new Object[operands.length];
                done[0] = x;
                done[1] = y;
                throw awaiting(m, e, done, 2);
            }
        }

        final SchemeError awaiting(Interp m, SchemeError e, Object[] done, int i) {
            return EnvFrame.awaiting(e, new ArgFrame(this, done, m.env, i));
        }

        @Override
        public Node part(int i) {
            return operands[i];
        }

        @Override
        public void goOn(Interp m, Object[] v, int from) {
            m.val = finish(m, v, from);
        }

        @Override
        public Where callWhere() {
            return where;
        }

        /** The operands from {@code from} on, then the call: how a waiting call goes on. */
        final Object finish(Interp m, Object[] v, int from) {
            for (int j = from; j < v.length; j++) {
                try {
                    v[j] = operands[j].ev(m);
                } catch (SchemeError e) {
                    throw awaiting(m, e, v, j);
                }
            }
            try {
                Primitive p = target();
                return switch (v.length) {
                    case 0 -> p.call0(m);
                    case 1 -> p.call1(m, v[0]);
                    case 2 -> p.call2(m, v[0], v[1]);
                    case 3 -> p.call3(m, v[0], v[1], v[2]);
                    default -> p.callN(m, v.clone());
                };
            } catch (SchemeError e) {
                throw fail(m, e);
            }
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
            super(cell, prim, where, a);
            this.a = a;
        }

        @Override
        public Object ev(Interp m) {
            Primitive p = target();
            try {
                return p.call1(m, first(m, a));
            } catch (SchemeError e) {
                throw fail(m, e);
            }
        }
    }

    public static final class PrimCall2 extends PrimCall {
        final Node a;
        final Node b;

        public PrimCall2(Global cell, Primitive prim, Where where, Node a, Node b) {
            super(cell, prim, where, a, b);
            this.a = a;
            this.b = b;
        }

        @Override
        public Object ev(Interp m) {
            Primitive p = target();
            try {
                Object x = first(m, a);
                return p.call2(m, x, second(m, b, x));
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
            super(cell, prim, where, a, b, c);
            this.a = a;
            this.b = b;
            this.c = c;
        }

        @Override
        public Object ev(Interp m) {
            Primitive p = target();
            try {
                Object x = first(m, a);
                Object y = second(m, b, x);
                return p.call3(m, x, y, third(m, c, x, y));
            } catch (SchemeError e) {
                throw fail(m, e);
            }
        }
    }

    public static final class PrimCallN extends PrimCall {
        final Node[] args;

        public PrimCallN(Global cell, Primitive prim, Where where, Node[] args) {
            super(cell, prim, where, args);
            this.args = args;
        }

        @Override
        public Object ev(Interp m) {
            Primitive p = target();
            try {
                return finish(m, new Object[args.length], 0);
            } catch (SchemeError e) {
                throw fail(m, e);
            }
        }
    }
}
