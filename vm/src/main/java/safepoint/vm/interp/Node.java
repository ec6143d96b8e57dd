package safepoint.vm.interp;

/**
 * A compiled expression. The interpreter's loop calls {@link #exec}; a node either leaves its
 * value in {@code m.val} with {@code m.pc == null} (the loop then returns it to the top frame), or
 * sets {@code m.pc} (and perhaps {@code m.env}) to the node to run next, pushing frames for work
 * that remains. <em>Simple</em> nodes (constants, variable references, lambdas, calls of simple
 * primitives on simple operands) can also be evaluated directly with {@link #ev}, which is what
 * keeps the frame count (and allocation) per procedure call low.
 */
public abstract class Node {
    public abstract void exec(Interp m);

    public boolean isSimple() {
        return false;
    }

    /** Where this node sits, for nodes that are calls; null otherwise. */
    Where where() {
        return null;
    }

    /**
     * Mark the calls in tail position of a procedure body. A primitive that fails in tail
     * position is reported, as gsi reports it, at the call waiting for the procedure's result.
     */
    public void markTail() {}

    /** Evaluate a simple node in {@code m.env}. */
    public Object ev(Interp m) {
        throw new IllegalStateException("not a simple node: " + getClass().getSimpleName());
    }

    /** Base for simple nodes: exec is direct evaluation. */
    public abstract static class Simple extends Node {
        @Override
        public final void exec(Interp m) {
            m.val = ev(m);
        }

        @Override
        public final boolean isSimple() {
            return true;
        }

        @Override
        public abstract Object ev(Interp m);
    }
}
