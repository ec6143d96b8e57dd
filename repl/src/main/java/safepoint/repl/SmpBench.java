package safepoint.repl;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import safepoint.vm.run.RunSettings;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * The SMP machine's benchmarks: {@code bench ring} (a message-passing ring of green threads in
 * free run on 4 processors), {@code bench gc} (pause and time to safepoint on 1, 2 and 4
 * processors), {@code bench threads} (how much Java heap blocked Scheme threads take).
 */
final class SmpBench {
    private SmpBench() {}

    private static Machine machine(int processors) {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), Reader.nullReader(), 0);
        vm.configure(RunSettings.freeRun(processors));
        return vm;
    }

    static int ring(Writer out, int n, int rounds) {
        PrintWriter w = new PrintWriter(out);
        Machine vm = machine(4);
        String program = """
                (define done (current-thread))
                (define threads '())
                (define last
                  (make-thread (lambda ()
                    (let loop ((laps 1))
                      (let ((m (thread-receive)))
                        (if (= laps %2$d) (thread-send done 'finished)
                            (begin (thread-send (car threads) m) (loop (+ laps 1)))))))))
                (set! threads
                  (let build ((i 1) (acc (list last)))
                    (if (= i %1$d) acc
                        (build (+ i 1)
                               (let ((to (car acc)))
                                 (cons (make-thread (lambda () (let loop () (thread-send to (thread-receive)) (loop)))) acc))))))
                (for-each thread-start! threads)
                (define t0 (real-time))
                (thread-send (car threads) 'token)
                (thread-receive)
                (- (real-time) t0)
                """.formatted(n, rounds);
        Outcome o = vm.load(program, "ring.ss");
        if (o.status() != Outcome.Status.VALUE) {
            w.println("ring FAILED: " + o.errorText());
            w.flush();
            return 1;
        }
        double secs = ((Number) o.value()).doubleValue();
        long messages = (long) n * rounds;
        w.println(String.format(Locale.ROOT, "message ring: %d threads, %d laps, 4 processors (free run): %d messages in %.3f s = %.0f messages/s",
                n, rounds, messages, secs, messages / secs));
        w.flush();
        return 0;
    }

    static int gc(Writer out) {
        PrintWriter w = new PrintWriter(out);
        w.println("GC: 8 MB simulated heap, 4 threads allocating; pause and time to safepoint of the last collection");
        for (int p : new int[] {1, 2, 4}) {
            Machine vm = machine(p);
            vm.configure(vm.settings().withHeapBytes(8 << 20));
            Outcome o = vm.load("""
                    (define keep (make-vector 10000 'live))
                    (define (churn n) (if (> n 0) (begin (make-vector 64 0) (churn (- n 1)))))
                    (define ts (map (lambda (i) (spawn (lambda () (churn 200000)))) '(1 2 3 4)))
                    (for-each thread-join! ts)
                    (gc)
                    (gc-report)
                    """, "gc.ss");
            if (o.status() != Outcome.Status.VALUE) {
                w.println("gc FAILED: " + o.errorText());
                w.flush();
                return 1;
            }
            w.println(String.format(Locale.ROOT, "  -p %d: %s", p, vm.showResult(o.value())));
            w.flush();
        }
        return 0;
    }

    static int threads(Writer out, int n) {
        PrintWriter w = new PrintWriter(out);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Machine vm = machine(1);
        Outcome o = vm.load("""
                (define ts (let loop ((i 0) (acc '()))
                             (if (= i %d) acc (loop (+ i 1) (cons (thread-start! (make-thread (lambda () (thread-receive)))) acc)))))
                (thread-yield!)
                (length ts)
                """.formatted(n), "threads.ss");
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        if (o.status() != Outcome.Status.VALUE) {
            w.println("threads FAILED: " + o.errorText());
            w.flush();
            return 1;
        }
        w.println(String.format(Locale.ROOT, "%s Scheme threads blocked on their mailboxes: %.1f MB of Java heap (max heap %d MB)",
                vm.showResult(o.value()), (after - before) / 1e6, rt.maxMemory() >> 20));
        w.flush();
        return 0;
    }

    /**
     * {@code bench analysis}: the wait-for analysis ({@code ,deadlock}) of a machine with
     * {@code n} blocked threads: most wait for messages, two are in a lock cycle, one waits on a
     * condition variable only it can reach. The best and median of five, after a warm-up.
     */
    static int analysis(Writer out, int n) {
        PrintWriter w = new PrintWriter(out);
        Machine vm = machine(4);
        Outcome o = vm.load("""
                (define ts (let loop ((i 0) (acc '()))
                             (if (= i %d) acc (loop (+ i 1) (cons (spawn (lambda () (thread-receive))) acc)))))
                (define a (make-mutex 'a))
                (define b (make-mutex 'b))
                (define (lock-both x y) (mutex-lock! x) (thread-sleep! .01) (mutex-lock! y))
                (define l (spawn/name 'left (lambda () (lock-both a b))))
                (define r (spawn/name 'right (lambda () (lock-both b a))))
                (define c (spawn/name 'alone (lambda () (let ((m (make-mutex)) (cv (make-condition-variable 'alone)))
                                                            (mutex-lock! m) (mutex-unlock! m cv)))))
                (thread-sleep! .2)
                (length ts)
                """.formatted(n), "analysis.ss");
        if (o.status() != Outcome.Status.VALUE) {
            w.println("analysis FAILED: " + o.errorText());
            w.flush();
            return 1;
        }
        String report = safepoint.vm.analysis.ExplanationText.survey(vm.survey());
        long[] t = new long[5];
        for (int i = 0; i < 2; i++) safepoint.vm.analysis.ExplanationText.survey(vm.survey());
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            safepoint.vm.analysis.ExplanationText.survey(vm.survey());
            t[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(t);
        if (!report.contains("the cycle:")) {
            w.println("analysis FAILED: no cycle found\n" + report);
            w.flush();
            return 1;
        }
        w.println(String.format(Locale.ROOT, "wait-for analysis of %,d blocked threads (,deadlock): best %.1f ms, median %.1f ms; %d lines",
                n + 3, t[0] / 1e6, t[2] / 1e6, report.lines().count()));
        w.flush();
        return 0;
    }

    /**
     * {@code bench look}: how long Machine.look takes a reader on another Java thread, on a busy
     * free run of 4 processors (8 threads computing), then with {@code blocked} more threads
     * blocked on their mailboxes, both while the run goes on and between runs. Median, 99th
     * percentile and worst of 200 looks after 50 of warm-up.
     */
    static int look(Writer out, int blocked) {
        PrintWriter w = new PrintWriter(out);
        Machine vm = machine(4);
        String busy = """
                (define (spin) (let loop ((i 0)) (loop (+ i 1))))
                (define ws (let loop ((i 0) (acc '())) (if (= i 8) acc (loop (+ i 1) (cons (spawn spin) acc)))))
                (define parked (let loop ((i 0) (acc '())) (if (= i %d) acc (loop (+ i 1) (cons (spawn thread-receive) acc)))))
                (thread-sleep! 3600)
                """;
        for (int n : new int[] {0, blocked}) {
            java.util.concurrent.atomic.AtomicReference<Outcome> o = new java.util.concurrent.atomic.AtomicReference<>();
            Machine m = n == 0 ? vm : machine(4);
            Thread run = new Thread(() -> o.set(m.load(busy.formatted(n), "look.ss")), "bench-look");
            run.setDaemon(true);
            run.start();
            // Wait until the run is going with every thread made.
            while (m.look().threads().size() < n + 9 && run.isAlive()) Thread.onSpinWait();
            Looks during = looks(m, n + 9);
            m.deadline = System.nanoTime(); // ends the run, every thread kept (Ctrl-C would end one)
            try {
                run.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            Looks between = n > 0 ? looks(m, n + 9) : null;
            for (Looks l : new Looks[] {during, between}) {
                if (l != null && l.missed() != null) {
                    w.println("look FAILED: " + l.missed());
                    w.flush();
                    return 1;
                }
            }
            w.println(String.format(Locale.ROOT, "look() during a free run of 4 processors, %,d threads: %s", n + 9, during.figures()));
            if (between != null) w.println(String.format(Locale.ROOT, "look() between runs, %,d threads: %s", n + 9, between.figures()));
        }
        w.flush();
        return 0;
    }

    /** Timed looks: their figures, or what a look missed (then there are no figures). */
    private record Looks(String figures, String missed) {}

    /** 200 timed looks (after 50 untimed): their median, 99th percentile and worst. */
    private static Looks looks(Machine vm, int threads) {
        long[] t = new long[200];
        for (int i = -50; i < t.length; i++) {
            long t0 = System.nanoTime();
            var v = vm.look();
            long dt = System.nanoTime() - t0;
            if (v.threads().size() < threads) return new Looks(null, "only " + v.threads().size() + " of " + threads + " threads listed (" + v.mode() + ")");
            if (i >= 0) t[i] = dt;
        }
        java.util.Arrays.sort(t);
        return new Looks(String.format(Locale.ROOT, "median %.3f ms, p99 %.3f ms, worst %.3f ms", t[100] / 1e6, t[197] / 1e6, t[199] / 1e6), null);
    }
}
