package safepoint.vm.data;

/**
 * Thrown by Java code (primitives, the reader) to raise a Scheme condition. The interpreter
 * catches it and raises {@link #payload} in the dynamic context of the failing call. Carries no
 * Java stack trace: it is control flow, never shown to a user.
 */
public final class SchemeError extends RuntimeException {
    public final Object payload;
    /** The source location of the failing call, filled in by the node that catches it first. */
    public Object where;
    /** Raised by raise-continuable: the handler's value returns to the raise. */
    public boolean continuable;
    /**
     * The interpreter's frames that wait for the failing call's value, innermost first: each node
     * that evaluated a part inline adds the frame it would have pushed for it, so a handler that
     * returns gives its value to the failing call alone, as gsi does. Opaque here (frames are the
     * interpreter's).
     */
    public java.util.ArrayList<Object> waiting;

    public SchemeError(Object payload) {
        super(null, null, false, false);
        this.payload = payload;
    }

    @Override
    public String getMessage() {
        return payload instanceof Condition c ? c.message() : String.valueOf(payload);
    }
}
