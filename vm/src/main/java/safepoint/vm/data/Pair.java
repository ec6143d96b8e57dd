package safepoint.vm.data;

import java.util.ArrayList;
import java.util.List;

/** A mutable cons cell. */
public final class Pair extends HeapObj {
    public Object car;
    public Object cdr;

    public Pair(Object car, Object cdr) {
        this.car = car;
        this.cdr = cdr;
    }

    /** A proper list of {@code items} (cells with no address: for code and constants, not a thread's allocation). */
    public static Object listOf(Object... items) {
        Object r = Nil.NIL;
        for (int i = items.length - 1; i >= 0; i--) r = new Pair(items[i], r);
        return r;
    }

    public static Object listOf(List<Object> items) {
        Object r = Nil.NIL;
        for (int i = items.size() - 1; i >= 0; i--) r = new Pair(items.get(i), r);
        return r;
    }

    /** The elements of {@code list} up to its first non-pair tail. */
    public static Object[] arrayOf(Object list) {
        List<Object> out = new ArrayList<>();
        for (Object x = list; x instanceof Pair p; x = p.cdr) out.add(p.car);
        return out.toArray();
    }
}
