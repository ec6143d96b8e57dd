package safepoint.vm.interp;

/** A parameter object ({@code make-parameter}); its current value depends on the thread's bindings. */
public final class Parameter extends NamedProcedure {
    /** The value when no {@code parameterize} binds it. */
    public volatile Object global;
    /** A procedure applied to new values, or null. */
    final Object converter;

    public Parameter(Object global, Object converter) {
        this.global = global;
        this.converter = converter;
    }
}
