package safepoint.vm.smp;

import safepoint.vm.data.Symbol;
import safepoint.vm.interp.ExpansionTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.Condition;
import safepoint.vm.event.What;

/**
 * Green-thread scheduling: a ready queue shared by the processors, the threads that wait (each
 * on one object, maybe with a deadline), and the wake-ups. Idle processors wait on this monitor
 * (the only place a processor's Java thread parks).
 *
 * <p>A primitive that must wait never parks its Java thread: it records what it waits on
 * ({@link Interp#block}) and returns; the driver moves the thread out of the ready queue. Whoever
 * later makes the wait end hands the thread its value ({@link #wake}).
 */
public final class Scheduler {
    // Locking rule: every field here, and the state of every thread, mutex, condition variable
    // and mailbox, is read and written only while holding this Scheduler's monitor. Processors
    // run Scheme code without it; thread primitives take it for their bookkeeping. Its place
    // among the VM's other monitors (only leaves are taken under it): data/MonitorOrder.java.
    public final ArrayDeque<SThread> ready = new ArrayDeque<>();
    /**
     * Each processor's own run queue (threads it preempted); {@link #ready} takes new and woken
     * threads; an idle processor steals from the others' queues.
     */
    public ArrayDeque<SThread>[] local = newQueues(1);
    /** Per-processor statistics: thread switches, polls, spin tries, cumulative. */
    public long[] switches = new long[1];
    public long[] polls = new long[1];
    public long[] spins = new long[1];

    @SuppressWarnings("unchecked")
    private static ArrayDeque<SThread>[] newQueues(int n) {
        ArrayDeque<SThread>[] q = new ArrayDeque[n];
        for (int i = 0; i < n; i++) q[i] = new ArrayDeque<>();
        return q;
    }

    /** Size the per-processor queues and statistics for {@code n} processors. */
    public void processors(int n) {
        if (local.length == n) return;
        for (ArrayDeque<SThread> q : local) ready.addAll(q);
        local = newQueues(n);
        switches = java.util.Arrays.copyOf(switches, n);
        polls = java.util.Arrays.copyOf(polls, n);
        spins = java.util.Arrays.copyOf(spins, n);
    }

    /** Every runnable thread: the shared queue and each processor's own. */
    public java.util.List<SThread> runnable() {
        java.util.List<SThread> all = new ArrayList<>(ready);
        for (ArrayDeque<SThread> q : local) all.addAll(q);
        return all;
    }

    /** Whether a thread other than {@code except} has started and not ended (under the monitor). */
    public boolean othersAlive(SThread except) {
        for (SThread t : runnable()) if (t != except && t.state != SThread.State.TERMINATED) return true;
        for (SThread t : waiting) if (t != except) return true;
        for (SThread t : onCpu) if (t != except) return true;
        return false;
    }

    /**
     * Sync operations and thread ends so far, but for :std/event's own poll rounds: what may
     * make a sync object ready. A poller whose round saw this count still sees the same objects.
     */
    public long progress;

    /**
     * Every timed wait is a :std/event poller with no timeout of its own that has polled since
     * the last progress: the sleeps would only repeat the same polls, so the waits are as untimed.
     */
    public boolean onlyStuckPollers() {
        boolean any = false;
        for (SThread t : waiting) {
            if (t.state != SThread.State.WAITING || t.wakeAt == Long.MAX_VALUE) continue;
            if (!(t.waitingOn instanceof EventWait w) || w.timed || w.stamp != progress) return false;
            any = true;
        }
        return any;
    }

    public boolean nothingRunnable() {
        if (!ready.isEmpty()) return false;
        for (ArrayDeque<SThread> q : local) if (!q.isEmpty()) return false;
        return true;
    }

    /** Threads whose base priority is not 0 (the scheduler looks at priorities only when some are set). */
    public int prioritized;

    /** Threads a processor is running now. */
    public final java.util.Set<SThread> onCpu = new java.util.LinkedHashSet<>();

    /** For events; set by the Machine. */
    public ThreadHost vm;
    /** Waiting threads, in the order they parked (a set: parking and waking are O(1) with 100,000 waiters). */
    public final java.util.Set<SThread> waiting = new java.util.LinkedHashSet<>();
    /**
     * Waits with a deadline, earliest first. Entries go stale when their thread wakes or parks
     * again (it is then not WAITING at that deadline and sequence number) and are dropped lazily.
     */
    final java.util.PriorityQueue<Timed> timed = new java.util.PriorityQueue<>();
    private long parks;

    /** A wait with a deadline: when, the thread, and which of its parks it was. */
    record Timed(long wakeAt, long seq, SThread thread) implements Comparable<Timed> {
        boolean current() {
            return thread.state == SThread.State.WAITING && thread.wakeAt == wakeAt && thread.parkSeq == seq;
        }

        @Override
        public int compareTo(Timed o) {
            return wakeAt != o.wakeAt ? Long.compare(wakeAt, o.wakeAt) : Long.compare(seq, o.seq);
        }
    }
    /** Threads that ended with an uncaught exception nobody has joined yet: failures of the run. */
    public final List<SThread> unjoinedFailures = new ArrayList<>();
    /**
     * Failed threads whose error was reported (at the end of a run, or announced at the prompt by
     * Machine.takeThreadFailures) while nobody joined them: they stay listed, STOPPED, for
     * {@code ,(v T)}, until joined.
     */
    public final List<SThread> stopped = new ArrayList<>();

    private boolean observing() {
        return vm != null && vm.observing();
    }

    /**
     * While a dpor search's run goes on, its step log (else null): it hears which step started
     * which thread. Only starts: ordering a woken thread's next step after its waker hid
     * failures (DporPropertiesTest), so wakes stay races.
     */
    public safepoint.vm.interp.Footprint enabling;

    void start(SThread t, SThread by) {
        if (enabling != null) enabling.enabled(t.index);
        t.state = SThread.State.RUNNABLE;
        ready.add(t);
        if (observing()) vm.event(by, new What.ThreadStart(Names.ref(vm.events(), t), Names.ref(vm.events(), by)));
    }

    public void parked(SThread t) {
        if (t.interp.pendingRaise != null && t.state == SThread.State.WAITING) { // thread-raise! came while it ran
            leaveWaiters(t);
            wake(t, null, What.Cause.INTERRUPT);
            return;
        }
        if (waiting.add(t)) {
            t.parkSeq = ++parks;
            if (t.wakeAt != Long.MAX_VALUE) timed.add(new Timed(t.wakeAt, t.parkSeq, t));
        }
        if (observing()) vm.event(t, new What.Wait(Names.ref(vm.events(), t), Names.waitOn(vm.events(), t), place(t)));
    }

    /**
     * End a wait: the thread continues with {@code value} as the result of the waiting call. A
     * thread woken before its processor has finished parking it is queued by that processor.
     */
    private static String place(SThread t) {
        List<Names.Call> calls = Names.calls(t.interp.k, 1);
        return calls.isEmpty() ? null : calls.get(0).source();
    }

    void wake(SThread t, Object value, What.Cause cause) {
        waiting.remove(t);
        t.state = SThread.State.RUNNABLE;
        t.waitingOn = null;
        t.wakeAt = Long.MAX_VALUE;
        t.interp.val = value;
        if (observing()) vm.event(null, new What.Wake(Names.ref(vm.events(), t), cause));
        if (t.onProcessor < 0) {
            ready.add(t);
            notifyAll();
        }
    }

    /** End a wait by raising {@code condition} in the thread. */
    public void wakeWithRaise(SThread t, Object condition, What.Cause cause) {
        wake(t, null, cause);
        t.interp.pendingRaise = condition;
    }

    /**
     * Wake every thread whose deadline has passed, in the order they parked; returns the
     * earliest remaining deadline.
     */
    public long expireTimeouts(long now) {
        List<Timed> due = null;
        while (!timed.isEmpty() && (!timed.peek().current() || timed.peek().wakeAt() <= now)) {
            Timed x = timed.poll();
            if (!x.current()) continue;
            if (due == null) due = new ArrayList<>();
            due.add(x);
        }
        if (due != null) {
            due.sort(java.util.Comparator.comparingLong(Timed::seq));
            for (Timed x : due) timeout(x.thread());
        }
        return nextDeadline();
    }

    /** The earliest deadline of a waiting thread, or Long.MAX_VALUE. */
    public long nextDeadline() {
        while (!timed.isEmpty() && !timed.peek().current()) timed.poll();
        return timed.isEmpty() ? Long.MAX_VALUE : timed.peek().wakeAt();
    }

    /** Take {@code t} off the waiter list of the mutex or condition variable it waits on, if any. */
    public static void leaveWaiters(SThread t) {
        if (t.waitingOn instanceof SyncObjects.Mutex mx) mx.waiters.remove(t);
        if (t.waitingOn instanceof SyncObjects.CondVar cv) cv.waiters.remove(t);
    }

    private void timeout(SThread t) {
        leaveWaiters(t);
        if (t.timeoutValue == SThread.TIMEOUT_RAISES) {
            wakeWithRaise(t, new Condition(Condition.Kind.JOIN_TIMEOUT, "Join timeout", List.of(), "thread-join!", List.of(), 0),
                    What.Cause.TIMEOUT);
        } else {
            boolean sleep = t.waitingOn instanceof Symbol s && s.name.equals("sleep");
            wake(t, t.timeoutValue, sleep ? What.Cause.SLEEP_END : What.Cause.TIMEOUT);
        }
    }

    /**
     * A thread ended, seen on processor {@code processor} (where it ran, or where the thread
     * that terminated it runs): record it and wake the threads joining it.
     */
    public void terminated(SThread t, int processor) {
        t.state = SThread.State.TERMINATED;
        progress++;
        ExpansionTime.abandon(t.interp); // a compile it asked for will never be answered
        for (ArrayDeque<SThread> q : local) q.remove(t);
        if (observing()) vm.events().emit(Math.max(0, processor), new What.ThreadEnd(Names.ref(vm.events(), t), t.exception != null));
        ready.remove(t);
        waiting.remove(t);
        if (t.exception != null) unjoinedFailures.add(t);
        if (vm != null) vm.released(t, t); // its end happens before every join of it
        if (t.joiners != null) {
            for (SThread j : new ArrayList<>(t.joiners)) {
                if (j.waitingOn == t && j.state == SThread.State.WAITING) deliverJoin(j, t);
            }
            t.joiners = null;
        }
        // Mutexes it still owns are abandoned; a waiter gets them, and the exception.
        for (Object held : new ArrayList<>(t.held())) {
            if (held instanceof SyncObjects.Mutex mx && mx.owner == t && !mx.waiters.isEmpty()) {
                mx.abandoned = true;
                ThreadPrims.handOff(this, mx);
            }
        }
    }

    void deliverJoin(SThread joiner, SThread target) {
        target.joined = true;
        if (vm != null) vm.acquired(joiner, target);
        unjoinedFailures.remove(target);
        stopped.remove(target);
        if (target.terminatedByRequest) {
            wakeWithRaise(joiner, new Condition(Condition.Kind.TERMINATED_THREAD, "Terminated thread", List.of(), "thread-join!",
                    List.of(target), 0), What.Cause.THREAD_END);
        } else if (target.exception != null) {
            wakeWithRaise(joiner, uncaught(target), What.Cause.THREAD_END);
        } else {
            wake(joiner, target.result, What.Cause.THREAD_END);
        }
    }

    static Condition uncaught(SThread target) {
        return new Condition(Condition.Kind.UNCAUGHT, "Uncaught exception", List.of(target.exception), "thread-join!",
                List.of(target), 0);
    }
}
