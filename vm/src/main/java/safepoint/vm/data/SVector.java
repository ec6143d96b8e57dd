package safepoint.vm.data;

/** A Scheme vector. */
public final class SVector extends HeapObj {
    /** Not final: Gambit's vector-shrink! shortens a vector in place. */
    public Object[] items;

    public SVector(Object[] items) {
        this.items = items;
    }
}
