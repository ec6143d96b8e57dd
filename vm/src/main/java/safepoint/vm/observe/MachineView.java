package safepoint.vm.observe;

import java.util.List;

/**
 * A consistent view of the whole machine, taken at one instant (Machine.look): while it is
 * built no processor runs Scheme code. Immutable: a reader may keep it as long as it likes.
 */
public record MachineView(Mode mode, long clockNanos, int processorsConfigured, List<ProcessorView> processors,
        int sharedQueue, int waitingCount, List<ThreadView> threads, List<LockView> locks, BarrierView barrier, HeapView heap,
        List<TableView> tables, List<WaitEdge> waits) {

    /** IDLE: between evaluations; FREE_RUN: taken at a host stop; CONTROLLED: between two steps. */
    public enum Mode { IDLE, FREE_RUN, CONTROLLED }

    /** The thread with this creation number, or null. */
    public ThreadView thread(long id) {
        for (ThreadView t : threads) if (t.thread().id() == id) return t;
        return null;
    }
}
