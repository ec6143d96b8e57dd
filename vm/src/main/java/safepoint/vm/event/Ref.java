package safepoint.vm.event;

/**
 * How an event names an object: a stable observer id (given the first time any observer names the
 * object, never the program's serial number) and the text Safepoint names it by today, without
 * serial numbers ({@code #<thread worker>}, {@code #<mutex m>}).
 */
public sealed interface Ref {
    /** The observer id, or the processor's number for a {@link ProcessorRef}. */
    long id();

    String name();

    /** A green thread. */
    record ThreadRef(long id, String name) implements Ref {}

    /** A mutex, spinlock or condition variable. */
    record LockRef(long id, String name) implements Ref {}

    /** A hash table of the tables module. */
    record TableRef(long id, String name) implements Ref {}

    /** A simulated processor, P0, P1, ... */
    record ProcessorRef(long id) implements Ref {
        @Override
        public String name() {
            return "P" + id;
        }
    }
}
