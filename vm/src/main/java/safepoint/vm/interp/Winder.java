package safepoint.vm.interp;

/**
 * One active {@code dynamic-wind}: its before and after thunks, and the dynamic state they run
 * in. Winders form a tree (each points to its parent); a thread's current winder is a node of it,
 * and a continuation jump runs afters up to the common ancestor, then befores down.
 */
final class Winder {
    final Object before;
    final Object after;
    final Winder parent;
    final int depth;
    final Object handlers;
    final DynBinding params;

    Winder(Object before, Object after, Winder parent, Object handlers, DynBinding params) {
        this.before = before;
        this.after = after;
        this.parent = parent;
        this.depth = parent == null ? 1 : parent.depth + 1;
        this.handlers = handlers;
        this.params = params;
    }
}
