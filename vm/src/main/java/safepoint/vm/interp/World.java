package safepoint.vm.interp;

import java.util.SplittableRandom;
import safepoint.vm.data.Machinery;
import safepoint.vm.data.Serials;

/**
 * What the registers need of the machine that runs them (the Machine implements it): its
 * clock, the scheduler's monitor, the GC barrier's flag, the heap's accounting, exit, the
 * console's parameters, what it numbers and its random generator. Nothing above this layer
 * shows through it.
 */
public interface World extends Machinery {
    /** The run's clock in nanoseconds: virtual in controlled mode. */
    long clock();

    /** The scheduler's monitor: control primitives that lock the scheduler run under it. */
    Object monitor();

    /** A sync operation was done (under the monitor): it may have made a sync object ready. */
    void progressed();

    /** The GC barrier's flag, read at every procedure entry. */
    BarrierFlag<?> barrier();

    /** {@code t} allocated {@code words} since its last report; may request a collection. */
    void account(Owner t, long words);

    /** The simulated heap's capacity, in words. */
    long heapCapacity();

    /** Ask for a collection on behalf of {@code t} (null: the host); nothing if one is pending. */
    void requestGc(Owner t);

    /** {@code exit} was called with {@code code}. */
    void exit(int code);

    /** A file's output port was opened (see Ctx.fileOpened). */
    void fileOpened(safepoint.vm.data.OutputPort port);

    Parameter currentOutput();

    Parameter currentInput();

    Parameter currentError();

    Serials serials();

    SplittableRandom random();
}
