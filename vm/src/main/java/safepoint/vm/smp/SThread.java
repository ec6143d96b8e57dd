package safepoint.vm.smp;

import safepoint.vm.interp.Interp;
import safepoint.vm.interp.Owner;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Serials;

/**
 * A Gambit/SRFI-18 green thread: a name, its registers (an {@link Interp}), a state, a mailbox,
 * and what it waits on. Threads are data: a processor runs one until its next scheduling point
 * and then picks again, so a blocked thread costs no Java thread.
 */
public final class SThread extends HeapObj implements Printable, Owner {
    public enum State { NEW, RUNNABLE, WAITING, TERMINATED }

    public final Object name;
    /** The registers; the primordial thread gets fresh ones for each top-level evaluation. */
    public Interp interp;
    public State state = State.NEW;
    public Object specific = Boolean.FALSE;
    /** The thread group it was made in (SThreadGroup); every thread has one. */
    public SThreadGroup group;
    public final java.util.ArrayList<Object> mailbox = new java.util.ArrayList<>();
    /** Gambit's mailbox cursor (thread-mailbox-next): messages before it have been looked at. */
    int mailboxCursor;
    /** Waiting in thread-mailbox-next (the message stays in the mailbox) rather than thread-receive. */
    boolean peekWait;
    /** Gambit's base priority (0. by default); kept and reported, the scheduler is FIFO. */
    public Object priority = 0.0;
    /** What the thread waits on while WAITING (a mutex, condvar, thread, mailbox or the clock). */
    public Object waitingOn;
    /** Wall-clock deadline (System.nanoTime) of a timed wait, or Long.MAX_VALUE. */
    public long wakeAt = Long.MAX_VALUE;
    /** The value a timed-out wait returns (or TIMEOUT_RAISES). */
    public Object timeoutValue;
    /** Result and uncaught exception once TERMINATED. */
    public Object result;
    public Object exception;
    boolean terminatedByRequest;

    /** Whether it ended by thread-terminate! rather than by returning or raising. */
    public boolean terminatedByRequest() {
        return terminatedByRequest;
    }
    boolean joined;
    /** Creation order in this VM (1 is the primordial thread): names anonymous threads in reports. */
    public int index;
    /** {@link Names#name} of this thread, made for the index it was made at (the name never changes). */
    String reportName;
    int reportNameIndex;
    /** The stamp of the last wait-for graph that listed this thread (analysis.WaitForGraph; under the scheduler's monitor). */
    public int graphStamp;
    /** Threads that wait for this one to end (thread-join!), in the order they began to; null for none. */
    java.util.ArrayList<SThread> joiners;
    /** Which park this thread's current wait is (stale deadline entries are told apart by it). */
    long parkSeq;
    /** Locks this thread holds, in the order taken (for lock-order inversions); null for none. */
    public java.util.ArrayList<Object> held;

    /** The locks held now (empty when none): most threads never hold one, so the list is made on demand. */
    public java.util.List<Object> held() {
        return held == null ? java.util.List.of() : held;
    }

    public void hold(Object lock) {
        if (held == null) held = new java.util.ArrayList<>(2);
        held.add(lock);
    }

    void joinedBy(SThread joiner) {
        if (joiners == null) joiners = new java.util.ArrayList<>(1);
        joiners.add(joiner);
    }

    /** The processor now running this thread, or -1. */
    public int onProcessor = -1;

    static final Object TIMEOUT_RAISES = new Object();

    public SThread(Object name, Interp interp) {
        this.name = name;
        this.interp = interp;
        interp.thread = this;
    }

    /**
     * {@code o} as the thread it is. Every {@link Owner} is an SThread (the one class that
     * implements it), so this is where the threads' package takes its own type back from the
     * registers, which sit below it.
     */
    public static SThread of(Owner o) {
        return (SThread) o;
    }

    /** The thread that runs the registers {@code m}. */
    public static SThread running(Interp m) {
        return (SThread) m.thread;
    }

    @Override
    public Interp registers() {
        return interp;
    }

    @Override
    public void beginWait(Object on, long wakeAt, Object timeoutValue) {
        state = State.WAITING;
        waitingOn = on;
        this.timeoutValue = timeoutValue;
        this.wakeAt = wakeAt;
    }

    /** The spinlock this thread spins on, or null (kept in its registers, typed Object there: see {@link Interp#spinningOn}). */
    public Spinlocks.Spinlock spinningOn() {
        return (Spinlocks.Spinlock) interp.spinningOn;
    }

    @Override
    public void printOn(StringBuilder out, boolean write, Serials vm) {
        SyncObjects.printNamed(out, "thread", this, name == Boolean.FALSE ? null : name, vm);
    }
}
