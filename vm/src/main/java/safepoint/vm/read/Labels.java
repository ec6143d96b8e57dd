package safepoint.vm.read;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import safepoint.vm.data.Box;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SVector;

/**
 * The datum labels of one datum: {@code #0=(a . #0#)}. A reference read inside its own label's
 * datum gets a placeholder; when that datum is complete, the placeholders in it are replaced by
 * the datum itself, which makes the cycle.
 */
final class Labels {
    /** The OpenPrefix kind of {@code #N=}. */
    record Def(int n) {}

    /** Stands for a label's datum until the datum is read. */
    private static final class Placeholder {
        boolean used;
    }

    private final Map<Integer, Object> values = new HashMap<>();

    /** Start label {@code n}; false if it is already defined. */
    boolean define(int n) {
        if (values.containsKey(n)) return false;
        values.put(n, new Placeholder());
        return true;
    }

    /** What {@code #n#} reads as, or null if {@code n} is not defined. */
    Object ref(int n) {
        Object v = values.get(n);
        if (v instanceof Placeholder p) p.used = true;
        return v;
    }

    /** Label {@code n}'s datum is {@code value}: patch the references to it inside. */
    Object finish(int n, Object value) {
        Placeholder p = (Placeholder) values.get(n);
        values.put(n, value);
        if (p.used) replace(value, p, value);
        return value;
    }

    /** Replace {@code from} by {@code to} throughout {@code root} (which may already be circular). */
    private static void replace(Object root, Object from, Object to) {
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (seen.put(o, Boolean.TRUE) != null) continue;
            if (o instanceof Pair p) {
                if (p.car == from) p.car = to;
                else if (p.car != null) todo.push(p.car);
                if (p.cdr == from) p.cdr = to;
                else if (p.cdr != null) todo.push(p.cdr);
            } else if (o instanceof SVector v) {
                for (int i = 0; i < v.items.length; i++) {
                    if (v.items[i] == from) v.items[i] = to;
                    else if (v.items[i] != null) todo.push(v.items[i]);
                }
            } else if (o instanceof Box b) {
                if (b.value == from) b.value = to;
                else if (b.value != null) todo.push(b.value);
            }
        }
    }
}
