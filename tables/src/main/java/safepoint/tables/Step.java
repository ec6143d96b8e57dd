package safepoint.tables;

/**
 * What one {@link TableOp#step} asks its caller to do next. After a {@code Need...} answer the caller
 * computes the answer (by calling the Scheme procedure named in it) and passes it to
 * {@link TableOp#supply} before the next step.
 */
public sealed interface Step {
    /** More steps to go; nothing to do in between but, perhaps, let another processor run. */
    Step CONTINUE = new Continue();

    record Continue() implements Step {
    }

    /** Call the table's {@code hash:} procedure on {@code key}; supply a fixnum ({@link Long}). */
    record NeedHash(Object procedure, Object key) implements Step {
    }

    /**
     * Call the table's {@code test:} procedure as {@code (procedure a b)}, {@code a} being the key
     * looked for and {@code b} the stored key; supply the result (anything but {@link Boolean#FALSE}
     * is true).
     */
    record NeedTest(Object procedure, Object a, Object b) implements Step {
    }

    /** Call the update procedure of {@code raw-table-update!} on {@code oldValue}; supply its result. */
    record NeedUpdate(Object oldValue) implements Step {
    }

    /** A for-each entry: call the user's procedure on it, then step again (nothing to supply). */
    record Yield(Object key, Object value) implements Step {
    }

    /**
     * A lock this operation needs is held by another caller: one try failed. Step again to try
     * again; meanwhile the caller is spinning on {@code lock}, polling as {@code polls} says.
     */
    record Spin(Object lock, WaitPolls polls) implements Step {
    }

    /** The operation is over; {@code result} is its value ({@code null} for a mutation). */
    record Done(Object result) implements Step {
    }
}
