package safepoint.vm.data;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where each pair read from source text came from. A side table (not a field on every pair) so
 * that cons cells made at run time stay small. Keys are compared by identity: Pair does not
 * override equals.
 */
public final class SourceMap {
    private final Map<Object, Src> map = Collections.synchronizedMap(new WeakHashMap<>(4096));

    public void put(Object datum, Src src) {
        map.put(datum, src);
    }

    public Src get(Object datum) {
        return datum == null ? null : map.get(datum);
    }

    private final Map<Object, Src> elements = Collections.synchronizedMap(new WeakHashMap<>(4096));

    /** Record where the identifier held in {@code cell}'s car was written (for unbound-variable reports). */
    public void putElement(Pair cell, Src src) {
        elements.put(cell, src);
    }

    public Src element(Pair cell) {
        return cell == null ? null : elements.get(cell);
    }
}
