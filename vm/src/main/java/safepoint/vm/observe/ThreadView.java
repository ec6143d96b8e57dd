package safepoint.vm.observe;

import java.util.List;

/**
 * One green thread at a look: its state in Gambit's terms, what it waits on, the locks it holds,
 * its continuation as Gambit's {@code ,b} shows it (innermost call first) and its progress
 * counters (two looks with the same counters: the thread did not move).
 */
public record ThreadView(Ref thread, State state, int processor, boolean atSafepoint, boolean uncaughtException,
        Wait waitsFor, Ref spinningOn, List<Ref> held, List<Call> backtrace, Progress progress) {

    /** Gambit's {@code ,st} states; RUNNING names the processor in {@link #processor}. */
    public enum State { NEW, RUNNABLE, RUNNING, WAITING, SLEEPING, TERMINATED }

    /** A call awaiting a value: the procedure's name (null at top level) and where the call is. */
    public record Call(String procedure, String source) {}

    /** Counters that only grow while the thread makes progress. */
    public record Progress(long entries, long polls, long allocatedWords, long objects, long spinTries) {}
}
