package safepoint.vm.event;

import safepoint.vm.event.Ref.LockRef;
import safepoint.vm.event.Ref.ProcessorRef;
import safepoint.vm.event.Ref.TableRef;
import safepoint.vm.event.Ref.ThreadRef;

/**
 * What an event says happened (docs/events.md has the schema and when each is emitted). Data, not
 * text: the REPL and the interleaving columns render these records at the edge. A {@link ThreadRef}
 * is null where no thread was concerned (code run outside any thread).
 */
public sealed interface What {
    /** A processor starts running a different thread. */
    record Switch(ThreadRef thread) implements What {}

    /** {@code thread-start!} of {@code thread}, called by {@code by}. */
    record ThreadStart(ThreadRef thread, ThreadRef by) implements What {}

    /**
     * A thread parks, at {@code at}: the source position of the innermost call with one (as a
     * backtrace shows it, {@code "file.ss"@12.3}), or null when none is known.
     */
    record Wait(ThreadRef thread, WaitOn on, String at) implements What {}

    /** A wait ends, and what ended it. */
    record Wake(ThreadRef thread, Cause cause) implements What {}

    /** What ends a wait. */
    enum Cause {
        /** A mutex handed over by its unlock. */
        MUTEX,
        /** {@code condition-variable-signal!} or {@code -broadcast!}. */
        SIGNAL,
        /** A message arrived in the mailbox. */
        MESSAGE,
        /** The joined thread ended. */
        THREAD_END,
        /** Console input arrived. */
        INPUT,
        /** The wait's timeout. */
        TIMEOUT,
        /** The end of a {@code thread-sleep!}. */
        SLEEP_END,
        /** The machine found a deadlock and raises it in the primordial thread (Gambit does the same). */
        DEADLOCK,
        /** Ctrl-C (a user interrupt) or thread-raise! (its object), raised in the waiting thread. */
        INTERRUPT
    }

    /**
     * {@code condition-variable-signal!} ({@code broadcast} false) or {@code -broadcast!} by
     * {@code by}, and the threads it woke, in order (none: a signal nobody waited for, lost).
     */
    record Signal(LockRef condition, ThreadRef by, boolean broadcast, java.util.List<ThreadRef> woke) implements What {}

    /** {@code thread-send} of a message from {@code by} to {@code to}'s mailbox. */
    record Send(ThreadRef by, ThreadRef to) implements What {}

    /** {@code thread-receive} or {@code thread-mailbox-next} took a message without waiting. */
    record Receive(ThreadRef by) implements What {}

    /** Recorded runs only: a hash-table operation ({@code hash-put!}, {@code hash-ref}, ...) by {@code by}; {@code write} when it changes the table. */
    record TableAccess(TableRef table, ThreadRef by, String operation, boolean write) implements What {}

    /** A thread ends; {@code uncaught} when it died of an uncaught exception. */
    record ThreadEnd(ThreadRef thread, boolean uncaught) implements What {}

    /** A thread takes a mutex; {@code handedOver} when it got it from an unlock while it waited. */
    record MutexLock(LockRef mutex, ThreadRef by, boolean handedOver) implements What {}

    record MutexUnlock(LockRef mutex, ThreadRef by) implements What {}

    /** A thread starts spinning on a spinlock that {@code holder} holds. */
    record Spin(LockRef spinlock, ThreadRef by, ThreadRef holder) implements What {}

    record SpinlockTake(LockRef spinlock, ThreadRef by) implements What {}

    record SpinlockRelease(LockRef spinlock, ThreadRef by) implements What {}

    /** A thread asks for a collection: the heap's live and allocated words reached its capacity. */
    record GcRequest(ThreadRef by, long usedWords, long capacityWords) implements What {}

    /** A processor stops at the GC barrier. */
    record GcArrive(ProcessorRef processor) implements What {}

    /** The collection numbered {@code epoch} (every processor stopped) starts one of its phases. */
    record GcPhase(int epoch, Phase phase) implements What {}

    enum Phase { TRACE, CLEAR_WEAK }

    /** The collection is done and the world released. The pause is wall-clock time. */
    record GcRelease(int epoch, long liveWords, long pauseNanos) implements What {}

    /** A hash table's rehash has made its new vector and is about to install it (sizes in slots). */
    record RehashStart(TableRef table, ThreadRef by, int oldSlots, int newSlots) implements What {
        /** A rehash that grows the table, rather than purging its deleted entries at the same size. */
        public boolean resizes() {
            return newSlots != oldSlots;
        }
    }

    /**
     * Recorded runs only: one step of a table operation by {@code by} did {@code step} to
     * {@code table}'s shared memory (probe a slot, write a key or value, write count and free,
     * publish a vector): the rows of a failing interleaving.
     */
    record TableStep(TableRef table, ThreadRef by, safepoint.tables.TableStep step) implements What {}

    /**
     * A table operation's policy lock, with the table it was taken for and the table's entries and
     * slots then: {@code WAIT}, its first failed try (whenever events are observed, as
     * {@link Spin}); {@code TAKE} and {@code RELEASE}, a lock hold's ends (recorded runs only, as
     * {@link SpinlockTake}). The lock's own events still come; this one adds which table and how big.
     */
    record TableLock(TableRef table, ThreadRef by, LockRef lock, LockAction action, int count, int slots) implements What {}

    /** What a {@link TableLock} event says of the lock. */
    enum LockAction {
        WAIT, TAKE, RELEASE
    }

    /** The rehash has re-inserted the last live entry. */
    record RehashFinish(TableRef table, ThreadRef by, int oldSlots, int newSlots) implements What {}

    /**
     * Controlled mode (recorded runs only): the strategy lets {@code processor} run up to
     * {@code points} scheduling points (the schedule records how many it ran).
     */
    record SliceChoice(ProcessorRef processor, long points) implements What {}

    /** Controlled mode (recorded runs only): an idle processor takes candidate {@code index} of {@code candidates}. */
    record ThreadChoice(ProcessorRef processor, ThreadRef thread, int index, int candidates) implements What {}

    /**
     * {@code (trace-write loc v)} or {@code (trace-read loc v)}: a marked access to shared state.
     * The value is its {@code display} text, made without giving any object a serial number.
     */
    record TraceAccess(boolean write, String location, ThreadRef by, String value) implements What {}

    /** What a parked thread waits on. */
    sealed interface WaitOn {}

    /** A mutex, and its holder (null when none). */
    record OnMutex(LockRef mutex, ThreadRef holder) implements WaitOn {}

    record OnCondition(LockRef condition) implements WaitOn {}

    record OnMessage() implements WaitOn {}

    /** {@code thread-join!}: the end of another thread. */
    record OnThreadEnd(ThreadRef thread) implements WaitOn {}

    /** {@code thread-sleep!}. */
    record OnSleep() implements WaitOn {}

    /** Console input ({@code read-char}, {@code read-line}, ...) on {@code port}, by its name. */
    record OnInput(String port) implements WaitOn {}

    /** Anything else, by its name. */
    record OnOther(String name) implements WaitOn {}
}
