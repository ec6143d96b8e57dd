package safepoint.vm.observe;

import java.util.List;

/** A contended lock: a mutex with threads waiting for it, or a spinlock with threads spinning on it. */
public record LockView(Ref lock, Ref holder, List<Ref> waiters, List<Spinner> spinners) {
    /** A thread spinning on a spinlock, and the lock's spin count so far. */
    public record Spinner(Ref thread, long spins) {}
}
