package safepoint.vm.analysis;

/**
 * What a wait-for edge means. The analysis decides on kinds; the words of a report are made
 * from them here, once: "#<thread left> waits to lock #<mutex b>", and for a summary of many,
 * "12 wait to lock #<mutex b>".
 */
public enum EdgeKind {
    /** A thread waits for a mutex (mutex-lock!). */
    WAITS_TO_LOCK("waits to lock", "wait to lock"),
    /** A thread waits on a condition variable (mutex-unlock! with one). */
    WAITS_ON_CONDVAR("waits on", "wait on"),
    /** A thread waits for another to end (thread-join!). */
    WAITS_FOR_END("waits for the end of", "wait for the end of"),
    /** A thread waits for a message in its mailbox (thread-receive). */
    WAITS_FOR_MESSAGE("waits for a message in", "wait for a message in"),
    /** A thread syncs on a set of :std/event sync objects (the set's own edges say what it waits for). */
    SYNCS_ON("syncs on", "sync on"),
    /** A thread waits for console input (read-char, read-line, read...): the user can still type it. */
    WAITS_FOR_INPUT("waits for input on", "wait for input on"),
    /** A thread spins on a spinlock in code that polls: a GC or a switch can still stop it. */
    SPINS_POLLING("spins (polling) on", "spin (polling) on"),
    /** A thread spins on a spinlock in code without polls: nothing stops it but the lock. */
    SPINS_WITHOUT_POLLS("spins in code without polls on", "spin in code without polls on"),
    /** A lock points at its holder. */
    HELD_BY("is held by", "are held by"),
    /** A runnable thread in a processor's queue while a GC is pending. */
    PARKED_ON("is parked at the safepoint on", "are parked at the safepoint on"),
    /** A runnable thread in the shared queue while a GC is pending: any processor could take it. */
    PARKED_QUEUED_FOR("is parked at the safepoint, queued for", "are parked at the safepoint, queued for"),
    /** A runnable thread queued on a processor whose running thread never polls. */
    QUEUED_ON("is queued on", "are queued on"),
    /** That processor and the thread that keeps it. */
    NEVER_POLLS("never polls: it runs", "never polls: it runs"),
    /** A processor and the spinning thread it runs. */
    RUNS("runs", "runs"),
    /** A processor stopped at the GC barrier and one that has not reached it. */
    WAITS_AT_BARRIER("waits at the GC barrier for", "wait at the GC barrier for");

    private final String words;
    private final String plural;

    EdgeKind(String words, String plural) {
        this.words = words;
        this.plural = plural;
    }

    /** The words between the two vertices, for one; with {@code timed}, the wait has a timeout. */
    public String words(boolean timed) {
        return timed ? words + " (with a timeout)" : words;
    }

    /** The same, for many (a summary line: "12 wait to lock #<mutex m>"). */
    public String plural(boolean timed) {
        return timed ? plural + " (with a timeout)" : plural;
    }

    /** A spin: it ends on its own once the lock's holder runs, so it proves no deadlock. */
    public boolean spins() {
        return this == SPINS_POLLING || this == SPINS_WITHOUT_POLLS;
    }

    /** A runnable thread that cannot run now: parked at the safepoint, or queued behind a processor that never polls. */
    public boolean heldBack() {
        return this == PARKED_ON || this == PARKED_QUEUED_FOR || this == QUEUED_ON;
    }
}
