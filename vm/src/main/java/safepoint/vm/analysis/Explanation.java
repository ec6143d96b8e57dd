package safepoint.vm.analysis;

import java.util.List;
import safepoint.vm.smp.Names;

/**
 * Why threads are stuck, as data (the wait-for analysis of one look at the machine): the cycle of
 * waits if there is one, each listed participant, and the others summarised by what they wait
 * on; {@code diedOnAnError} names the threads that ended on an uncaught exception nobody joined
 * (what they would have done may be what the others wait for). Names only, no objects, so a view may keep it. {@link ExplanationText} says it in words for
 * the failure reports, {@code ,why} and {@code ,deadlock}.
 */
public record Explanation(List<Link> cycle, List<Participant> participants, List<String> diedOnAnError, int othersCount,
        List<Group> others) {

    /** One wait-for edge: {@code from} {@code kind} {@code to} ({@code to} null for an edge to nothing). */
    public record Link(String from, EdgeKind kind, boolean timed, String to) {}

    /**
     * One thread: what it does, the locks it holds, the mutex it waits to lock, the spinlock it
     * spins on, why nobody will wake it (a condition variable or its mailbox no live thread can
     * reach), and its backtrace, innermost first.
     */
    public record Participant(String thread, State state, List<String> locked, String waitingToLock, Spin spin,
            String unsignalable, boolean unreachableMailbox, List<Names.Call> backtrace) {}

    /** A spin on {@code lock}; {@code polling} false in code without polls. */
    public record Spin(String lock, boolean polling) {}

    /** What a participant does, at the look. */
    public sealed interface State {}

    /** Runnable but held back: parked at the safepoint, or queued behind a processor that never polls. */
    public record HeldBack(EdgeKind kind, boolean timed, String on) implements State {}

    /** On processor {@code processor} (its name, P2). */
    public record Running(String processor) implements State {}

    /** Waiting to lock {@code mutex}, held by {@code holder} (null when free). */
    public record WaitingOnMutex(String mutex, String holder) implements State {}

    /** Waiting in {@code thread-receive}. */
    public record WaitingOnMailbox() implements State {}

    /** In {@code thread-join!} of {@code thread}. */
    public record WaitingForEnd(String thread) implements State {}

    /** Waiting on something else, by its name. */
    public record WaitingOn(String what) implements State {}

    /** Any other Gambit state, as {@code ,threads} names it (RUNNABLE, SLEEPING, ...). */
    public record Other(String state) implements State {}

    /**
     * {@code count} of the threads not listed one by one, that wait the same way: by an edge of
     * {@code kind} to {@code to} ({@code to} null: to their own mailboxes), or, with no edge, in
     * Gambit state {@code state}.
     */
    public record Group(int count, EdgeKind kind, boolean timed, String to, String state) {}
}
