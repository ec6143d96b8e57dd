package safepoint.vm.data;

/**
 * What a primitive may ask of the thread that calls it: allocation (through the processor's
 * allocator, so the heap model sees it), the current ports, the VM's serial numbers and random generator. The
 * interpreter implements it.
 */
public interface Ctx {
    Pair cons(Object car, Object cdr);

    /** Account for an object allocated with {@code new} (vectors, strings, ...). */
    <T extends HeapObj> T alloc(T obj, int words);

    /**
     * A bulk allocation of {@code words} about to be built (make-list, make-vector, append, ...),
     * called before any Java memory is spent on it: a request larger than the whole simulated heap
     * is a {@code heap-overflow} error at once. The words themselves are counted by {@link #cons}
     * and {@link #alloc} as the object is built; building them is work, charged as {@link #work}.
     */
    void reserve(long words);

    /** Words allocated as Java data that {@link #cons} and {@link #alloc} do not see (bignums, string port text). */
    void allocated(long words);

    /**
     * Work done by a long primitive (elements walked, words copied): the slice is charged
     * scheduling points in proportion, so the scheduler, a GC and Ctrl-C get their turn right
     * after it. A pure function of the data, so controlled mode stays deterministic.
     */
    void work(long units);

    /**
     * For a long primitive that cannot charge its work up front (printing): if Ctrl-C is pending,
     * take it now, raising "User interrupt" as a poll would.
     */
    default void pollInterrupt() {}

    /** A mutator primitive (its name ends in !) is about to change data another thread may see (dfs's reduction: interp.Footprint). */
    default void mutated() {}

    /**
     * A file's output port was opened: the machine flushes it when a run ends, so a program that
     * exits (normally, by {@code exit}, by an error) leaves its bytes in the file.
     */
    default void fileOpened(OutputPort port) {}

    /** The value of {@code (current-output-port)}. */
    OutputPort currentOutput();

    /** The value of {@code (current-input-port)}. */
    InputPort currentInput();

    /** {@code (current-error-port)}. */
    OutputPort currentError();

    /** What the VM this thread belongs to numbers: serial numbers, eq-hashes, gensyms. */
    Serials serials();

    /** The VM's random generator (seeded by the run, so controlled runs repeat). */
    java.util.SplittableRandom random();
}
