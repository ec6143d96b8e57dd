package safepoint.vm.data;

/**
 * Base of every Scheme object that lives in the simulated heap. The address and mark word are
 * given by the allocator and rewritten by the moving collector (issue: SMP machine); object
 * fields stay plain Java references, so a move needs no fixing up.
 */
public abstract class HeapObj {
    /** Simulated address; 0 until an allocator stamps it. */
    public long addr;
    /**
     * The object's eq-hash, 0 until first asked for: like Gerbil's {@code __object->eq-hash}, fixed
     * at first use and stable across moving GCs. Drawn from a per-VM counter (never Java's
     * identity hash) so that table order is the same on every run.
     */
    public int eqHash;
    /** The mark word: the GC epoch of the collection that last found the object alive. */
    public int mark;
    /**
     * The id observers name the object by (event stream, inspector), 0 until first named. Its own
     * counter, so that looking never takes a serial number or an eq-hash from the program.
     */
    public int observerId;
}
