package safepoint.vm.data;

/** The empty list, a unique immediate. */
public final class Nil {
    public static final Nil NIL = new Nil();

    private Nil() {}

    @Override
    public String toString() {
        return "()";
    }
}
