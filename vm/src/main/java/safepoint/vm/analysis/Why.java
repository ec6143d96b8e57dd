package safepoint.vm.analysis;

import java.util.List;

/** {@code ,why T} as data: what thread T waits for, link by link, and why nothing will end it. */
public sealed interface Why {
    /** No live thread answers to {@code which}. */
    record NoSuchThread(String which) implements Why {}

    record Ended(String thread) implements Why {}

    record Sleeping(String thread) implements Why {}

    /** Not waiting on anything: {@code state} as {@code ,threads} says it. */
    record NotBlocked(String thread, String state) implements Why {}

    /**
     * The chain of waits from the thread; {@code backTo} names where it loops back on itself (a
     * deadlock), null when it does not. Then the thread itself as a participant.
     */
    record Chain(List<Explanation.Link> chain, String backTo, Explanation.Participant thread) implements Why {}
}
