package safepoint.vm.data;

/**
 * What a primitive may ask of the thread that calls it: allocation (through the processor's
 * allocator, so the heap model sees it), the current ports, and the VM's own state. The
 * interpreter implements it.
 */
public interface Ctx {
    Pair cons(Object car, Object cdr);

    /** Account for an object allocated with {@code new} (vectors, strings, ...). */
    <T extends HeapObj> T alloc(T obj, int words);

    /** The value of {@code (current-output-port)}. */
    OutputPort currentOutput();

    /** The value of {@code (current-input-port)}. */
    InputPort currentInput();

    /** {@code (current-error-port)}. */
    OutputPort currentError();

    /** The VM this thread belongs to: serial numbers, gensyms, random state. */
    VmState vm();
}
