package safepoint.vm.interp;

/** A {@code parameterize} binding: an immutable chain, so continuations capture it by pointer. */
final class DynBinding {
    final Parameter param;
    Object value;
    final DynBinding next;

    DynBinding(Parameter param, Object value, DynBinding next) {
        this.param = param;
        this.value = value;
        this.next = next;
    }
}
