package safepoint.repl.view;

import java.util.Locale;
import safepoint.vm.observe.HeapView;

/** {@code ,heap} (and the heap line of {@code ,procs}): the simulated heap in words, and its collections' pauses. */
public final class HeapText {
    private HeapText() {}

    public static String of(HeapView h) {
        StringBuilder sb = new StringBuilder("heap: ").append(words(h)).append('\n');
        if (h.collections() > 0) {
            sb.append(String.format(Locale.ROOT, "      last pause %.3f ms, all pauses %.3f ms (%.3f ms each on average)%n", h.lastPauseNanos() / 1e6,
                    h.totalPauseNanos() / 1e6, h.totalPauseNanos() / 1e6 / h.collections()));
        }
        return sb.toString();
    }

    /** Size, live after the last GC, allocated since, collections and the epoch (how many times objects moved). */
    public static String words(HeapView h) {
        return String.format(Locale.ROOT, "%d words, live after the last GC %d, allocated since %d, %d collections (epoch %d)",
                h.capacityWords(), h.liveAfterGcWords(), h.allocatedSinceGcWords(), h.collections(), h.epoch());
    }
}
