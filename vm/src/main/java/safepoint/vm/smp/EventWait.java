package safepoint.vm.smp;

import safepoint.vm.data.HeapObj;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Serials;
import safepoint.vm.print.Printer;

/**
 * What a thread in :std/event's sync waits on between two poll rounds: the sync objects it polls
 * (doc/reference/std/events.md). The poll's sleep is the implementation's, not the program's: a
 * wait with no timeout among its objects ({@code timed} false) is stuck once nothing has changed
 * since its last round ({@code stamp} is the scheduler's progress count then), and the drivers
 * then prove a deadlock as for any untimed wait.
 *
 * <p>Concurrency: made and read under the scheduler's monitor, as every wait.
 */
public final class EventWait extends HeapObj implements Printable {
    /** The sync objects, a Scheme list. */
    public final Object objects;
    /** Whether one of them is a timeout of the program's. */
    final boolean timed;
    public boolean timed() {
        return timed;
    }

    /** {@link Scheduler#progress} when this round's polls began. */
    final long stamp;

    EventWait(Object objects, boolean timed, long stamp) {
        this.objects = objects;
        this.timed = timed;
        this.stamp = stamp;
    }

    @Override
    public void printOn(StringBuilder out, boolean write, Serials vm) {
        out.append("#<sync").append(vm.tag(this)).append(" on");
        for (Object x = objects; x instanceof Pair p; x = p.cdr) out.append(' ').append(Printer.write(p.car, vm));
        out.append('>');
    }
}
