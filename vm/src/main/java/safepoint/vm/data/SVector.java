package safepoint.vm.data;

/** A Scheme vector. */
public final class SVector extends HeapObj {
    public final Object[] items;

    public SVector(Object[] items) {
        this.items = items;
    }
}
