package safepoint.vm.run;

import safepoint.vm.data.MonitorOrder;
import safepoint.vm.event.Events;
import safepoint.vm.event.What;
import safepoint.vm.interp.SliceEnd;
import safepoint.vm.smp.Names;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Scheduler;

/**
 * The two ends of a slice, the same in free run ({@link FreeRun}) and controlled mode
 * ({@link Controller}): a processor takes a thread on, runs it, and then settles what ended the
 * slice. Each driver keeps only its own policy: when a thread at a poll gives its processor up,
 * and what to do when the run ends. Called under the scheduler's monitor, which guards this
 * object too (free run's processors share one).
 */
final class Slices {
    /** What the processor does after a slice. */
    enum Next {
        /** The thread left the processor (ended, waits, at the safepoint, requeued): take another. */
        OFF,
        /** The thread stays on the processor, at a poll: run it again. */
        ON,
        /**
         * The thread stays on the processor, stopped in code without polls: run it again,
         * unless that is a proven deadlock ({@link safepoint.vm.analysis.SpinDeadlock#withoutPolls}).
         */
        HELD,
        /** The run is over: the primordial thread ended. */
        DONE,
        /** The run is over: the program exited, and the thread stays where it is. */
        EXIT
    }

    private final Scheduler s;
    private final Events events;
    private final SThread primordial;
    private final int n;
    /** The thread each processor ran last (a different one next is a switch). */
    private final SThread[] last;

    Slices(Scheduler s, Events events, SThread primordial, int processors) {
        this.s = s;
        this.events = events;
        this.primordial = primordial;
        this.n = processors;
        this.last = new SThread[processors];
    }

    /** Before a run: event buffers and run queues for this many processors. */
    void open() {
        events.ensureProcessors(n);
        synchronized (s) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
            s.processors(n);
        }
    }

    /** After a run: between evaluations every runnable thread waits in the shared queue. */
    void close() {
        synchronized (s) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
            for (java.util.ArrayDeque<SThread> q : s.local) {
                s.ready.addAll(q);
                q.clear();
            }
        }
    }

    /** The thread processor {@code p} ran last, or null. */
    SThread last(int p) {
        return last[p];
    }

    /** Processor {@code p} takes {@code t} on; returns whether that is a switch (another thread ran there last). */
    boolean begin(int p, SThread t) {
        t.onProcessor = p;
        s.onCpu.add(t);
        if (t == last[p]) return false;
        if (events.on()) events.emit(p, new What.Switch(Names.ref(events, t)));
        last[p] = t;
        return true;
    }

    /**
     * {@code t}'s slice on processor {@code p} ended with {@code end} ({@code exited}: the
     * program called exit meanwhile): record it and queue the thread. A thread stopped at a
     * poll (preempted or yielding) leaves the processor when {@code giveUp}.
     */
    Next end(int p, SThread t, SliceEnd end, boolean giveUp, boolean exited) {
        t.onProcessor = -1;
        s.onCpu.remove(t);
        if (exited) return Next.EXIT;
        switch (end) {
            case HALTED -> {
                if (t == primordial) return Next.DONE;
                t.result = t.interp.val;
                t.exception = t.interp.uncaught;
                s.terminated(t, p);
            }
            case BLOCKED -> {
                if (t.state == SThread.State.RUNNABLE) s.ready.add(t); // woken before we parked it
            }
            case SAFEPOINT -> s.local[p].addFirst(t); // parked at the safepoint; it goes on first after the GC
            case YIELDED, PREEMPTED -> {
                if (!giveUp) return Next.ON;
                s.local[p].add(t); // the others get their turn
            }
            case NO_POLL -> {
                return Next.HELD;
            }
        }
        return Next.OFF;
    }
}
