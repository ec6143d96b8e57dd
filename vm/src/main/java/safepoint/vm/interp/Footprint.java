package safepoint.vm.interp;

/**
 * What one step of a thread touched, for dfs's partial-order reduction (run.StepLog, read by
 * search.DporSearch): the objects it read or wrote (a mutex, a condition variable, a thread, a
 * table, a spinlock, a marked location, a global variable assigned by set!), or that it did
 * something no one classified (a mutator primitive, a set! of a local variable, a timed wait),
 * which makes the step dependent with every other.
 *
 * <p>{@link Interp#footprint} holds one only while a dpor search's run has the thread on a
 * processor; everywhere else it is null and every hook costs one null test. It is machinery,
 * not the program's data: the heap's walker does not follow it.
 */
public interface Footprint extends safepoint.vm.data.Machinery {
    void touch(Object o, boolean write);

    /** The step did something unclassified: it is dependent with every step. */
    void unknown();

    /**
     * The step started thread {@code index}: that thread's first step cannot come before this
     * one in any schedule, so the two are ordered, not a race.
     */
    void enabled(int index);
}
