package safepoint.vm.observe;

/** The simulated heap, in words: its size, what the last collection kept, what was allocated since. */
public record HeapView(long capacityWords, long liveAfterGcWords, long allocatedSinceGcWords, long collections, int epoch,
        long lastPauseNanos, long totalPauseNanos) {}
