package safepoint.vm.data;

/** A Gambit box ({@code #&x}). */
public final class Box extends HeapObj {
    public Object value;

    public Box(Object value) {
        this.value = value;
    }
}
