package safepoint.repl.view;

import java.util.Locale;
import safepoint.vm.observe.HeapView;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ProcessorView;

/** {@code ,procs}: each processor's queue and counters, the shared queue, and the heap. */
public final class ProcessorsText {
    private ProcessorsText() {}

    public static String of(MachineView v) {
        StringBuilder sb = new StringBuilder();
        int n = v.processorsConfigured();
        sb.append(n).append(" processor").append(n == 1 ? "" : "s")
                .append(", free run; between evaluations all are idle (at a safepoint)\n");
        for (ProcessorView p : v.processors()) {
            sb.append(String.format(Locale.ROOT, "P%d  queue %d  switches %d  polls %d  spins %d  last time to safepoint %s%n",
                    p.id(), p.queued(), p.switches(), p.polls(), p.spins(),
                    p.lastTimeToSafepointNanos() > 0 ? String.format(Locale.ROOT, "%.3f ms", p.lastTimeToSafepointNanos() / 1e6) : "-"));
        }
        sb.append("shared queue: ").append(v.sharedQueue()).append(" threads, waiting: ").append(v.waitingCount()).append('\n');
        HeapView h = v.heap();
        sb.append(String.format(Locale.ROOT, "heap: %d words, live after the last GC %d, allocated since %d, %d collections (epoch %d)%n",
                h.capacityWords(), h.liveAfterGcWords(), h.allocatedSinceGcWords(), h.collections(), h.epoch()));
        return sb.toString();
    }
}
