package safepoint.vm.data;

/** A mutable cons cell. */
public final class Pair extends HeapObj {
    public Object car;
    public Object cdr;

    public Pair(Object car, Object cdr) {
        this.car = car;
        this.cdr = cdr;
    }
}
