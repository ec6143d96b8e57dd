package safepoint.repl;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import safepoint.inspector.Embedded;
import safepoint.inspector.Feed;
import safepoint.repl.bench.InProcess;
import safepoint.repl.bench.Policy;
import safepoint.repl.bench.Programs;
import safepoint.vm.Machine;
import safepoint.vm.run.Outcome;
import safepoint.vm.run.RunSettings;

/**
 * {@code ./safepoint bench inspector}: what the live inspector costs and how fast it draws (issue
 * 13's bars). Screen updates per second: a look, the new events and every pane drawn (the
 * embedded inspector's frame, 200x50, all panes at once), as fast as they go, on a busy free run
 * of 4 processors and with 100,000 threads. The slowdown of the language benchmarks and of a
 * lock-heavy free run with the inspector looking every 100 ms, as it does, against none looking.
 * Figures only; nothing here is a test.
 */
final class InspectorBench {
    private InspectorBench() {}

    /** How big: the command's sizes, or a test's small ones (so that a test only sees it run). */
    record Sizes(int threads, long drawMillis, Policy policy, List<String> benchmarks, int lockIterations, int lockRuns) {
        static final Sizes FULL = new Sizes(100_000, 3000, Policy.DEFAULT, Programs.NAMES, 200_000, 5);
    }

    /** The inspector's period: a look every 100 ms. */
    static final long PERIOD_MILLIS = 100;

    static int all(Writer out, Sizes sizes) {
        PrintWriter w = new PrintWriter(out);
        w.println("The inspector: screen updates (look + events + every pane drawn, 200x50) and its cost to the machine");
        int status = updates(w, sizes);
        status |= languageSlowdown(w, sizes);
        status |= lockSlowdown(w, sizes);
        w.flush();
        return status;
    }

    /** A busy free run: 8 threads computing, and {@code %d} more blocked on their mailboxes. */
    static final String BUSY = """
            (define (spin) (let loop ((i 0)) (loop (+ i 1))))
            (define ws (let loop ((i 0) (acc '())) (if (= i 8) acc (loop (+ i 1) (cons (spawn spin) acc)))))
            (define parked (let loop ((i 0) (acc '())) (if (= i %d) acc (loop (+ i 1) (cons (spawn thread-receive) acc)))))
            (thread-sleep! 3600)
            """;

    private static Machine machine(int processors) {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), Reader.nullReader(), 0);
        vm.configure(RunSettings.freeRun(processors));
        return vm;
    }

    private static int updates(PrintWriter w, Sizes sizes) {
        for (int n : new int[] {0, sizes.threads()}) {
            Machine vm = machine(4);
            AtomicReference<Outcome> o = new AtomicReference<>();
            Thread run = new Thread(() -> o.set(vm.load(BUSY.formatted(n), "busy.ss")), "bench-inspector");
            run.setDaemon(true);
            run.start();
            while (vm.look().threads().size() < n + 9 && run.isAlive()) Thread.onSpinWait();
            Embedded panes = new Embedded(Feed.of(vm));
            for (int i = 0; i < 5; i++) panes.frame(200, 50); // warm-up
            long[] each = new long[100_000];
            int frames = 0;
            long t0 = System.nanoTime(), end = t0 + sizes.drawMillis() * 1_000_000;
            while (System.nanoTime() < end && frames < each.length) {
                long f0 = System.nanoTime();
                panes.invalidate(); // every row written, as after a resize: the worst case
                panes.frame(200, 50);
                each[frames++] = System.nanoTime() - f0;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            vm.deadline = System.nanoTime();
            try {
                run.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            long[] t = Arrays.copyOf(each, frames);
            Arrays.sort(t);
            w.println(String.format(Locale.ROOT, "screen updates, busy free run of 4 processors, %,d threads: %.0f per second"
                    + " (median %.2f ms, worst %.2f ms each; bar: at least 10 per second)", n + 9, frames / secs,
                    t[frames / 2] / 1e6, t[frames - 1] / 1e6));
            w.flush();
        }
        return 0;
    }

    /** Draws the panes of {@code vm} every 100 ms on a daemon thread until closed, as the live inspector does. */
    static final class Looking implements AutoCloseable {
        private final Thread thread;
        private volatile boolean done;
        volatile int frames;

        Looking(Machine vm) {
            Embedded panes = new Embedded(Feed.of(vm));
            thread = new Thread(() -> {
                while (!done) {
                    panes.frame(200, 50);
                    frames++;
                    try {
                        Thread.sleep(PERIOD_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-inspector-looking");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            done = true;
            thread.interrupt();
            thread.join();
        }
    }

    private static int languageSlowdown(PrintWriter w, Sizes sizes) {
        w.println("The language benchmarks (free run, 1 processor), warm medians in ms: none looking vs the inspector every 100 ms");
        w.println(String.format(Locale.ROOT, "%-10s %10s %10s %8s", "benchmark", "no looks", "looked at", "ratio"));
        return Bench.compare(w, "%-10s %10.1f %10.1f %8.3f", "looked at / not; bar: at most 1.05",
                (name, source) -> InProcess.run(name, source, sizes.policy(), false, null),
                (name, source) -> InProcess.run(name, source, sizes.policy(), false, Looking::new), true, sizes.benchmarks());
    }

    /** Four threads taking one mutex in turn, {@code %d} times each, on 4 processors; the time in ms. */
    static final String LOCKS = """
            (define m (make-mutex 'm))
            (define n 0)
            (define (work) (let loop ((i 0)) (when (< i %d) (mutex-lock! m) (set! n (+ n 1)) (mutex-unlock! m) (loop (+ i 1)))))
            (define t0 (real-time))
            (for-each thread-join! (map (lambda (k) (spawn work)) '(1 2 3 4)))
            (* 1000 (- (real-time) t0))
            """;

    private static int lockSlowdown(PrintWriter w, Sizes sizes) {
        double[][] ms = new double[2][sizes.lockRuns()];
        int[] frames = {0};
        // Alternate the two ways, so that the JIT and the machine's warmth favour neither.
        for (int i = -1; i < sizes.lockRuns(); i++) {
            for (int way = 0; way < 2; way++) {
                Machine vm = machine(4);
                double t;
                try (Looking looking = way == 1 ? new Looking(vm) : null) {
                    Outcome o = vm.load(LOCKS.formatted(sizes.lockIterations()), "locks.ss");
                    if (o.status() != Outcome.Status.VALUE) {
                        w.println("lock-heavy run FAILED: " + o.errorText());
                        return 1;
                    }
                    t = ((Number) o.value()).doubleValue();
                    if (looking != null) frames[0] += looking.frames;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
                if (i >= 0) ms[way][i] = t; // run -1 is the warm-up
            }
        }
        double plain = median(ms[0]), looked = median(ms[1]);
        w.println(String.format(Locale.ROOT, "lock-heavy free run (4 threads x %,d mutex lock/unlock, 4 processors), median of %d: %.1f ms"
                + " none looking, %.1f ms looked at every 100 ms (%d frames drawn): ratio %.3f (bar: at most 1.20)", sizes.lockIterations(),
                sizes.lockRuns(), plain, looked, frames[0], looked / plain));
        return 0;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
