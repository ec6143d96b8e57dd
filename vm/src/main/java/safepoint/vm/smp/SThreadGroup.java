package safepoint.vm.smp;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Serials;

/**
 * A Gambit thread group (Gerbil's doc/reference/std/misc/threads.md, thread-primitives.md): a
 * name, a parent, its subgroups and the threads made in it. Every thread is in one group: the
 * primordial thread in the primordial group, a new thread in the group {@code make-thread} is
 * given, else in its maker's. A thread stays listed from its making until it ends.
 *
 * <p>Concurrency: the lists are changed and read only under the scheduler's monitor (every
 * thread-group primitive, and {@code make-thread}, lock it).
 */
public final class SThreadGroup extends HeapObj implements Printable {
    /** The name, or #f. */
    public final Object name;
    /** The group this one was made in; null for the primordial group and for a killed one. */
    SThreadGroup parent;
    final ArrayList<SThreadGroup> subgroups = new ArrayList<>();
    private final ArrayList<SThread> threads = new ArrayList<>();

    SThreadGroup(Object name, SThreadGroup parent) {
        this.name = name;
        this.parent = parent;
        if (parent != null) parent.subgroups.add(this);
    }

    /** The primordial group, holding the primordial thread. */
    public static SThreadGroup primordial(SThread primordial) {
        SThreadGroup g = new SThreadGroup(safepoint.vm.data.Symbol.of("primordial"), null);
        g.add(primordial);
        primordial.group = g;
        return g;
    }

    void add(SThread t) {
        threads.removeIf(x -> x.state == SThread.State.TERMINATED);
        threads.add(t);
    }

    /** The threads made in this group that have not ended, in the order they were made. */
    List<SThread> threads() {
        threads.removeIf(x -> x.state == SThread.State.TERMINATED);
        return threads;
    }

    /** Takes this group out of its parent's (thread-group-kill!). */
    void detach() {
        if (parent != null) parent.subgroups.remove(this);
        parent = null;
    }

    @Override
    public void printOn(StringBuilder out, boolean write, Serials vm) {
        SyncObjects.printNamed(out, "thread-group", this, name == Boolean.FALSE ? null : name, vm);
    }
}
