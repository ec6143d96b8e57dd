package safepoint.vm.interp;

import safepoint.vm.data.Condition;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;

/** Constants, variable references, assignments and definitions. */
public final class Refs {
    private Refs() {}

    public static final class Const extends Node.Simple {
        final Object value;

        public Const(Object value) {
            this.value = value;
        }

        @Override
        public Object ev(Interp m) {
            return value;
        }
    }

    public static Node local(int depth, int idx) {
        return switch (depth) {
            case 0 -> new Local0(idx);
            case 1 -> new Local1(idx);
            default -> new LocalN(depth, idx);
        };
    }

    public static final class Local0 extends Node.Simple {
        final int idx;

        Local0(int idx) {
            this.idx = idx;
        }

        @Override
        public Object ev(Interp m) {
            return m.env[idx];
        }
    }

    public static final class Local1 extends Node.Simple {
        final int idx;

        Local1(int idx) {
            this.idx = idx;
        }

        @Override
        public Object ev(Interp m) {
            return ((Object[]) m.env[0])[idx];
        }
    }

    public static final class LocalN extends Node.Simple {
        final int depth;
        final int idx;

        LocalN(int depth, int idx) {
            this.depth = depth;
            this.idx = idx;
        }

        @Override
        public Object ev(Interp m) {
            Object[] e = m.env;
            for (int d = depth; d > 0; d--) e = (Object[]) e[0];
            return e[idx];
        }
    }

    static Object[] frameAt(Object[] env, int depth) {
        Object[] e = env;
        for (int d = depth; d > 0; d--) e = (Object[]) e[0];
        return e;
    }

    public static final class GlobalRef extends Node.Simple {
        final Global cell;
        final Where where;

        public GlobalRef(Global cell, Where where) {
            this.cell = cell;
            this.where = where;
        }

        @Override
        public Object ev(Interp m) {
            Object v = cell.value;
            if (cell.assigned && m.footprint != null) m.touched(cell, false);
            if (v == Special.UNBOUND) {
                SchemeError e = Condition.unboundGlobal(cell.name);
                e.where = where;
                throw e;
            }
            return v;
        }
    }

    /** Shared shape of set!/define: evaluate a value, then store it. */
    abstract static class Store extends Node {
        final Node value;

        Store(Node value) {
            this.value = value;
        }

        abstract void store(Interp m, Object v);

        @Override
        public final void exec(Interp m) {
            if (value.isSimple()) {
                Object v;
                try {
                    v = value.ev(m);
                } catch (SchemeError e) {
                    throw EnvFrame.awaiting(e, new StoreFrame(this, m.env));
                }
                store(m, v);
                m.val = Special.VOID;
            } else {
                m.push(new StoreFrame(this, m.env));
                m.pc = value;
            }
        }
    }

    static final class StoreFrame extends EnvFrame {
        final Store node;

        StoreFrame(Store node, Object[] env) {
            super(env);
            this.node = node;
        }

        @Override
        public void resume(Interp m) {
            m.env = env;
            node.store(m, m.val);
            m.val = Special.VOID;
        }

        @Override
        public Where where() {
            return node.value.where();
        }
    }

    public static final class SetLocal extends Store {
        final int depth;
        final int idx;
        /** A program's set! (not the initialization of a fresh frame's slot): a closure another thread runs may share the frame. */
        final boolean assignment;

        public SetLocal(int depth, int idx, Node value) {
            this(depth, idx, value, false);
        }

        public SetLocal(int depth, int idx, Node value, boolean assignment) {
            super(value);
            this.depth = depth;
            this.idx = idx;
            this.assignment = assignment;
        }

        @Override
        void store(Interp m, Object v) {
            if (assignment) m.mutated();
            frameAt(m.env, depth)[idx] = v;
        }
    }

    public static final class SetGlobal extends Store {
        final Global cell;
        final boolean define;
        final Where where;

        public SetGlobal(Global cell, Node value, boolean define, Where where) {
            super(value);
            this.cell = cell;
            this.define = define;
            this.where = where;
        }

        @Override
        void store(Interp m, Object v) {
            if (!define && cell.value == Special.UNBOUND) {
                SchemeError e = Condition.unboundGlobal(cell.name);
                e.where = where;
                throw e;
            }
            if (m.footprint != null) {
                // A definition may come while other threads read the cell unrecorded: unclassified.
                if (define) m.mutated();
                else m.touched(cell, true);
            }
            cell.value = v;
        }
    }
}
