package safepoint.repl.view;

import java.util.Locale;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ProcessorView;

/** {@code ,procs}: each processor's queue and counters, the shared queue, and the heap. */
public final class ProcessorsText {
    private ProcessorsText() {}

    public static String of(MachineView v) {
        StringBuilder sb = new StringBuilder();
        int n = v.processorsConfigured();
        sb.append(n).append(" processor").append(n == 1 ? "" : "s").append(switch (v.mode()) {
            case IDLE -> ", between evaluations: all are idle (at a safepoint)\n";
            case FREE_RUN -> ", free run, seen at a host stop\n";
            case CONTROLLED -> ", controlled mode, seen between two steps\n";
        });
        for (ProcessorView p : v.processors()) {
            sb.append(String.format(Locale.ROOT, "P%d  queue %d  switches %d  polls %d  spins %d  last time to safepoint %s%n",
                    p.id(), p.queued(), p.switches(), p.polls(), p.spins(),
                    p.lastTimeToSafepointNanos() > 0 ? String.format(Locale.ROOT, "%.3f ms", p.lastTimeToSafepointNanos() / 1e6) : "-"));
        }
        sb.append("shared queue: ").append(v.sharedQueue()).append(" threads, waiting: ").append(v.waitingCount()).append('\n');
        sb.append("heap: ").append(HeapText.words(v.heap())).append('\n');
        return sb.toString();
    }
}
