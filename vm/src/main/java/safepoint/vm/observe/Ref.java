package safepoint.vm.observe;

/**
 * An object of the machine as a view names it: what it is, an id that stays the same across
 * looks (a thread's creation number; for other objects the order in which the Observatory first
 * saw them), and its name as Safepoint's reports write it ({@code #<thread worker>}), which never
 * uses the program's serial numbers.
 */
public record Ref(Kind kind, long id, String name) {
    public enum Kind { THREAD, MUTEX, CONDITION_VARIABLE, SPINLOCK, PROCESSOR, MAILBOX, TABLE, OTHER }

    @Override
    public String toString() {
        return name;
    }
}
