package safepoint.vm.observe;

/** What a waiting thread waits for; {@code deadlineNanos} is the machine clock's, or -1 when untimed. */
public sealed interface Wait {
    long deadlineNanos();

    /** To lock a mutex; {@code holder} is null when no thread owns it. */
    record ToLock(Ref mutex, Ref holder, long deadlineNanos) implements Wait {}

    /** On a condition variable, to be signalled. */
    record OnCondition(Ref conditionVariable, long deadlineNanos) implements Wait {}

    /** For a message in its mailbox. */
    record ForMessage(long deadlineNanos) implements Wait {}

    /** For another thread to end ({@code thread-join!}). */
    record ForThread(Ref thread, long deadlineNanos) implements Wait {}

    /** In {@code thread-sleep!}. */
    record Sleeping(long deadlineNanos) implements Wait {}

    /** On anything else (a port, say), named as the reports name it. */
    record OnOther(Ref what, long deadlineNanos) implements Wait {}
}
