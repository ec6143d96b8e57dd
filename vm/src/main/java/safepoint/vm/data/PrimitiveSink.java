package safepoint.vm.data;

/** Where primitive libraries register their procedures (the VM's global environment). */
public interface PrimitiveSink {
    void add(Primitive p);

    /** Bind {@code name} to the procedure already bound to {@code existing}. */
    void alias(String name, String existing);
}
