package safepoint.vm.observe;

/**
 * One processor at a look: what it does, the thread on it (or null), its own queue's length and
 * its counters, and the time it last took to reach a safepoint (-1 when it has not yet).
 */
public record ProcessorView(int id, State state, Ref running, int queued, long switches, long polls, long spins,
        long lastTimeToSafepointNanos) {

    /** RUNNING a thread; IDLE (an idle processor counts as at a safepoint); AT_SAFEPOINT for a GC; NO_POLL: halted in code without polls, keeping its thread. */
    public enum State { RUNNING, IDLE, AT_SAFEPOINT, NO_POLL }
}
