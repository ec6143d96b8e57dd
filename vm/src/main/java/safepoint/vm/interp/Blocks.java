package safepoint.vm.interp;

import safepoint.vm.data.Condition;
import safepoint.vm.data.SchemeError;

/** Conditionals, sequences, local binding forms and lambda. */
public final class Blocks {
    private Blocks() {}

    static boolean truthy(Object v) {
        return v != Boolean.FALSE;
    }

    public static final class If extends Node {
        final Node test;
        final Node then;
        final Node otherwise;

        public If(Node test, Node then, Node otherwise) {
            this.test = test;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        public void exec(Interp m) {
            if (test.isSimple()) {
                Object t;
                try {
                    t = test.ev(m);
                } catch (SchemeError e) {
                    throw EnvFrame.awaiting(e, new IfFrame(this, m.env));
                }
                branch(m, t != Boolean.FALSE ? then : otherwise);
            } else {
                m.push(new IfFrame(this, m.env));
                m.pc = test;
            }
        }

        @Override
        public void markTail() {
            then.markTail();
            otherwise.markTail();
        }

        static void branch(Interp m, Node b) {
            if (b.isSimple()) m.val = b.ev(m);
            else m.pc = b;
        }
    }

    /** An if whose three parts are simple is itself simple. */
    public static final class SimpleIf extends Node.Simple {
        final Node test;
        final Node then;
        final Node otherwise;

        /** The same if made with frames: what waits once the test has failed. */
        private If withFrames;

        public SimpleIf(Node test, Node then, Node otherwise) {
            this.test = test;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        public Object ev(Interp m) {
            Object t;
            try {
                t = test.ev(m);
            } catch (SchemeError e) {
                If g = withFrames;
                if (g == null) withFrames = g = new If(test, then, otherwise);
                throw EnvFrame.awaiting(e, new IfFrame(g, m.env));
            }
            return t != Boolean.FALSE ? then.ev(m) : otherwise.ev(m);
        }

        @Override
        public void markTail() {
            then.markTail();
            otherwise.markTail();
        }
    }

    static final class IfFrame extends EnvFrame {
        final If node;

        IfFrame(If node, Object[] env) {
            super(env);
            this.node = node;
        }

        @Override
        public void resume(Interp m) {
            m.env = env;
            If.branch(m, m.val != Boolean.FALSE ? node.then : node.otherwise);
        }

        @Override
        public Where where() {
            return node.test.where();
        }
    }

    public static final class Seq extends Node {
        final Node[] body;

        public Seq(Node[] body) {
            this.body = body;
        }

        @Override
        public void exec(Interp m) {
            run(m, 0);
        }

        @Override
        public void markTail() {
            body[body.length - 1].markTail();
        }

        void run(Interp m, int from) {
            Node[] b = body;
            int last = b.length - 1;
            for (int i = from; i < last; i++) {
                Node n = b[i];
                if (n.isSimple()) {
                    try {
                        n.ev(m);
                    } catch (SchemeError e) {
                        throw EnvFrame.awaiting(e, new SeqFrame(this, m.env, i + 1));
                    }
                } else {
                    m.push(new SeqFrame(this, m.env, i + 1));
                    m.pc = n;
                    return;
                }
            }
            If.branch(m, b[last]);
        }
    }

    static final class SeqFrame extends EnvFrame {
        final Seq node;
        final int next;

        SeqFrame(Seq node, Object[] env, int next) {
            super(env);
            this.node = node;
            this.next = next;
        }

        @Override
        public void resume(Interp m) {
            m.env = env;
            node.run(m, next);
        }

        @Override
        public Where where() {
            return node.body[next - 1].where();
        }
    }

    /**
     * {@code let} (and {@code letrec} when {@link #rec}): a new frame whose slots are filled by
     * the inits, evaluated in the outer frame (let) or in the new one (letrec).
     */
    public static final class Let extends Node {
        final Node[] inits;
        final Node body;
        final boolean rec;
        int frameSize;

        public Let(Node[] inits, Node body, boolean rec, int frameSize) {
            this.inits = inits;
            this.body = body;
            this.rec = rec;
            this.frameSize = frameSize;
        }

        @Override
        public void exec(Interp m) {
            Object[] fr = new Object[frameSize];
            fr[0] = m.env;
            m.allocated += frameSize + 1;
            if (rec) m.env = fr;
            fill(m, fr, 0);
        }

        @Override
        public void markTail() {
            body.markTail();
        }

        void fill(Interp m, Object[] fr, int from) {
            Node[] in = inits;
            for (int i = from; i < in.length; i++) {
                Node n = in[i];
                if (n.isSimple()) {
                    try {
                        fr[i + 1] = n.ev(m);
                    } catch (SchemeError e) {
                        throw EnvFrame.awaiting(e, new LetFrame(this, fr, m.env, i));
                    }
                } else {
                    m.push(new LetFrame(this, fr, m.env, i));
                    m.pc = n;
                    return;
                }
            }
            m.env = fr;
            If.branch(m, body);
        }
    }

    static final class LetFrame extends EnvFrame {
        final Let node;
        final Object[] fr;
        final int i;

        LetFrame(Let node, Object[] fr, Object[] env, int i) {
            super(env);
            this.node = node;
            this.fr = fr;
            this.i = i;
        }

        @Override
        public void resume(Interp m) {
            // A re-entered let must not share the frame filled by an earlier pass; letrec's
            // frame is the closures' environment, so it is shared on purpose.
            Object[] f = captured && !node.rec ? fr.clone() : fr;
            f[i + 1] = m.val;
            m.env = env;
            node.fill(m, f, i + 1);
        }

        @Override
        public Where where() {
            return node.inits[i].where();
        }
    }

    public static final class LambdaNode extends Node.Simple {
        final Lambda lambda;

        public LambdaNode(Lambda lambda) {
            this.lambda = lambda;
        }

        @Override
        public Object ev(Interp m) {
            m.allocated += 3;
            return new Closure(lambda, m.env);
        }
    }

    /**
     * Fills {@code #!optional}/{@code #!key} parameters left at #!default with their default
     * expressions, at the start of the body (so defaults see earlier parameters).
     */
    public static final class DefaultArg extends Node {
        final int idx;
        final Node init;

        public DefaultArg(int idx, Node init) {
            this.idx = idx;
            this.init = init;
        }

        @Override
        public void exec(Interp m) {
            if (m.env[idx] != safepoint.vm.data.Special.DEFAULT) {
                m.val = safepoint.vm.data.Special.VOID;
                return;
            }
            if (init.isSimple()) {
                try {
                    m.env[idx] = init.ev(m);
                } catch (SchemeError e) {
                    throw EnvFrame.awaiting(e, new Refs.StoreFrame(new Refs.SetLocal(0, idx, init), m.env));
                }
                m.val = safepoint.vm.data.Special.VOID;
            } else {
                m.push(new Refs.StoreFrame(new Refs.SetLocal(0, idx, init), m.env));
                m.pc = init;
            }
        }
    }

    /** A syntax error found at compile time but reported when (if) the code runs. */
    static final class Fail extends Node {
        final Condition condition;

        Fail(Condition condition) {
            this.condition = condition;
        }

        @Override
        public void exec(Interp m) {
            throw new SchemeError(condition);
        }
    }
}
