package safepoint.vm.smp;

import safepoint.vm.data.Machinery;
import safepoint.vm.data.Serials;
import safepoint.vm.data.Symbol;
import safepoint.vm.event.Events;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;
import safepoint.vm.gc.Heap;
import safepoint.vm.interp.Builtins;
import safepoint.vm.interp.Global;
import safepoint.vm.interp.Owner;
import safepoint.vm.interp.World;

/**
 * What the threads' package needs of the machine (the Machine implements it): its scheduler,
 * barrier, heap, events and numbering, its globals, whether the run is controlled, and the
 * hooks of the analyses above (lock order, races), which the thread primitives report to.
 */
public interface ThreadHost extends Builtins, Machinery {
    /** The machine as the registers of a new thread see it. */
    World world();

    Scheduler scheduler();

    Barrier barrier();

    Heap heap();

    Events events();

    Serials serials();

    /** The global cell of {@code name}. */
    Global global(Symbol name);

    /** Whether events are kept: emit sites build their records only then. */
    boolean observing();

    /** Emit an event on the processor now running {@code t} (P0 when none). */
    void event(Owner t, What what);

    /** How events name {@code t}. */
    Ref.ThreadRef threadRef(Owner t);

    /** Whether a controlled run (--seed) is in progress. */
    boolean controlled();

    /** The creation number of a new thread (the primordial thread is 1). */
    int newThreadIndex();

    /** {@code parent} started {@code child}: everything before happens before the child's first step. */
    void threadStarted(SThread parent, SThread child);

    /** {@code t} now holds {@code lock}, a mutex or a spinlock. */
    void lockTaken(SThread t, Object lock);

    /** {@code by} released {@code lock}, which {@code owner} held. */
    void lockGiven(SThread owner, SThread by, Object lock);

    /** Happens-before through {@code via} (a signal, a message, a join): from {@code from} to {@code to}. */
    void released(SThread from, Object via);

    void acquired(SThread to, Object via);

    /** A marked access (the location's symbol) or a table operation (the table). */
    /** Whether the race detector runs (controlled mode): then every lock take is reported to it. */
    boolean detectingRaces();

    void accessed(Owner t, Object key, boolean write);
}
