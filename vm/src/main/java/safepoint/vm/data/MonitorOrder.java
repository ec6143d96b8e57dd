package safepoint.vm.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lock order among the VM's own Java monitors, and the checker that enforces it in tests.
 *
 * <p>The rule. Monitors have levels; a Java thread may take a monitor only while every monitor it
 * holds has a lower level (re-entering one it holds is always allowed: it cannot block):
 * <ol start="0">
 *   <li>{@link Monitor#DFS_SEARCH}: a dfs search's work queue (its workers take it between runs,
 *       holding nothing).
 *   <li>{@link Monitor#SHARED_OBJECTS}: the rewind's class-wide probe, which builds a whole
 *       throwaway Machine (so takes that machine's monitors) while held.
 *   <li>{@link Monitor#BACKGROUND}: one machine's background run (the REPL starting and ending
 *       it). Held while ending it, which joins the run's Java thread: so no processor, and no
 *       code that runs on one, ever takes it (a processor holding the scheduler would wait for
 *       it while the ender waits for the scheduler: the deadlock this level exists to rule out).
 *       {@link Monitor#RUN_GATE} (same level, never nested with it): a controlled run begins, or a
 *       look that found no run looks at the idle machine; so a look never waits on the scheduler
 *       that a controlled run holds for its whole length.
 *   <li>{@link Monitor#SCHEDULER}: one machine's scheduler, the monitor of all the SMP state
 *       (threads, queues, mutexes, condition variables, mailboxes, the GC barrier; see
 *       {@code smp.Scheduler}). Controlled mode holds it for the whole run; a free-run processor
 *       takes it between slices, and waits on it only when idle. Never two machines' at once.
 *   <li>Leaves: each guards a few fields of its own; code holding one takes no other monitor,
 *       calls no Scheme code and never waits. Any of them may be taken holding the scheduler
 *       (in controlled mode everything runs holding it), the scheduler never holding one of
 *       them. They are {@link Monitor#MACHINE} (the pending Ctrl-C), {@link Monitor#LOCK_ORDER}
 *       (the lock-order detector),
 *       {@link Monitor#EVENTS} and {@link Monitor#EVENT_BUFFER} (the event stream and each
 *       processor's buffer), {@link Monitor#SERIALS} (serial numbers, gensyms, eq-hashes),
 *       {@link Monitor#RANDOM} (the generator), {@link Monitor#PORT} (an output port),
 *       {@link Monitor#TABLES} (the registry of a machine's hash tables and their rehash counts)
 *       and {@link Monitor#CONSOLE} (the console's characters; the REPL waits on it for a line,
 *       holding nothing else).
 * </ol>
 * Not checked, because the JDK takes them inside its own code, and leaves too: the synchronized
 * maps and sets ({@code SourceMap}, {@code Machine.loading}), the bins of concurrent hash maps,
 * and the locks inside {@code Writer}s and {@code PrintStream}s that ports write to. No Java lock
 * from {@code java.util.concurrent.locks} is used.
 *
 * <p>The checker: each {@code synchronized} on one of these starts with
 * {@code if (MonitorOrder.CHECK) MonitorOrder.entered(kind, monitor);} (and
 * {@code MonitorsNamedTest} checks that each does, so none is taken unseen). With
 * {@code -Dsafepoint.checkMonitorOrder=true} (the tests' setting) it records, per Java thread,
 * the monitors held, and every acquisition against the order as a violation; without it
 * {@link #CHECK} is a constant false and the JIT removes the calls. It needs no exit hook: a
 * monitor the thread no longer holds ({@link Thread#holdsLock}) is forgotten at its next entry.
 */
public final class MonitorOrder {
    private MonitorOrder() {}

    /** Whether acquisitions are checked (tests): read once, so that off costs nothing. */
    public static final boolean CHECK = Boolean.getBoolean("safepoint.checkMonitorOrder");

    /** The VM's monitors, by level (see the rule above). */
    public enum Monitor {
        DFS_SEARCH(0), SHARED_OBJECTS(1), BACKGROUND(2), RUN_GATE(2), SCHEDULER(3),
        MACHINE(4), LOCK_ORDER(4), EVENTS(4), EVENT_BUFFER(4), SERIALS(4), RANDOM(4), PORT(4), TABLES(4), CONSOLE(4);

        final int level;

        Monitor(int level) {
            this.level = level;
        }
    }

    /** The VM's own checker: every instrumented acquisition reports to it. */
    private static final Checker VM = new Checker();

    /** The calling thread has just taken {@code monitor}, a monitor of kind {@code kind}. */
    public static void entered(Monitor kind, Object monitor) {
        VM.entered(kind, monitor);
    }

    /** The acquisitions against the order seen so far, each with where it happened. */
    public static List<String> violations() {
        return VM.violations();
    }

    /** The nestings seen so far, as "OUTER > INNER" (to show the checker saw the monitors in use). */
    public static Set<String> nestings() {
        return VM.nestings();
    }

    /** The bookkeeping: per Java thread, the monitors it holds, in the order taken. */
    static final class Checker {
        private record Held(Monitor kind, Object monitor) {}

        private final ThreadLocal<List<Held>> held = ThreadLocal.withInitial(ArrayList::new);
        private final List<String> violations = new CopyOnWriteArrayList<>();
        private final Set<String> nestings = ConcurrentHashMap.newKeySet();

        /** Record an acquisition; returns false when it is against the order. */
        boolean entered(Monitor kind, Object monitor) {
            List<Held> mine = held.get();
            mine.removeIf(h -> !Thread.holdsLock(h.monitor()));
            for (Held h : mine) if (h.monitor() == monitor) return true;
            boolean ok = true;
            for (Held h : mine) {
                nestings.add(h.kind() + " > " + kind);
                if (h.kind().level >= kind.level) {
                    ok = false;
                    violations.add(Thread.currentThread().getName() + " took " + kind + " holding " + h.kind() + "\n"
                            + where(new Throwable().getStackTrace()));
                }
            }
            mine.add(new Held(kind, monitor));
            return ok;
        }

        private static String where(StackTraceElement[] trace) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < Math.min(trace.length, 14); i++) sb.append("    at ").append(trace[i]).append('\n');
            return sb.toString();
        }

        List<String> violations() {
            return List.copyOf(violations);
        }

        Set<String> nestings() {
            return Set.copyOf(nestings);
        }
    }
}
