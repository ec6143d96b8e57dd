package safepoint.vm.print;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import safepoint.vm.data.Box;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Record;
import safepoint.vm.data.SVector;

/**
 * Which containers of a value need a datum label, as gsi 4.9.3 decides: a depth-first walk in
 * printing order (car before cdr, elements and fields left to right) marks each container that
 * is reached again while it is still being walked (the target of a back edge). Shared but acyclic
 * structure gets no label: gsi prints it again in full. Iterative, so a 100,000-long list walks.
 */
final class Cycles {
    private Cycles() {}

    private static final Object ON_PATH = new Object();
    private static final Object DONE = new Object();

    /** A marker on the walk's stack: the walk of {@code node} is over. */
    private record Leave(Object node) {}

    /** The back-edge targets of {@code root}, each mapped to -1 (not yet given a number). */
    static IdentityHashMap<Object, Integer> find(Object root) {
        return find(root, false);
    }

    /** {@code write-shared}'s labels: every container reached more than once, cycle or not. */
    static IdentityHashMap<Object, Integer> shared(Object root) {
        return find(root, true);
    }

    private static IdentityHashMap<Object, Integer> find(Object root, boolean shared) {
        IdentityHashMap<Object, Object> state = new IdentityHashMap<>();
        IdentityHashMap<Object, Integer> labels = new IdentityHashMap<>();
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o instanceof Leave l) {
                state.put(l.node, DONE);
                continue;
            }
            if (!isContainer(o)) continue;
            Object s = state.get(o);
            if (s == ON_PATH || (shared && s == DONE)) {
                labels.put(o, -1);
                continue;
            }
            if (s == DONE) continue;
            state.put(o, ON_PATH);
            todo.push(new Leave(o));
            // children pushed last-first, so they are walked first-first
            if (o instanceof Pair p) {
                push(todo, p.cdr);
                push(todo, p.car);
            } else if (o instanceof SVector v) {
                for (int i = v.items.length - 1; i >= 0; i--) push(todo, v.items[i]);
            } else if (o instanceof Box b) {
                push(todo, b.value);
            } else if (o instanceof Record r) {
                for (int i = r.fields.length - 1; i >= 0; i--) push(todo, r.fields[i]);
            }
        }
        return labels;
    }

    private static void push(ArrayDeque<Object> todo, Object o) {
        if (isContainer(o)) todo.push(o);
    }

    static boolean isContainer(Object o) {
        return o instanceof Pair || o instanceof SVector || o instanceof Box || o instanceof Record;
    }
}
