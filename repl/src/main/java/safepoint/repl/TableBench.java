package safepoint.repl;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import safepoint.tables.Policy;
import safepoint.vm.Machine;
import safepoint.vm.run.Outcome;
import safepoint.vm.run.RunSettings;

/**
 * {@code ./safepoint bench tables}: Gerbil hash-table throughput under each locking policy, in
 * free run on 1, 2 and 4 processors, four green threads each, for three workloads: every thread on
 * one shared table, each thread on its own table, and read-mostly (95% hash-ref of 1,000 keys, 5%
 * hash-put! of them). {@code java.util.concurrent.ConcurrentHashMap} with as many Java threads as
 * processors is the reference line. Each cell is the fastest of three runs, in operations per second.
 */
final class TableBench {
    private TableBench() {}

    static final int THREADS = 4;
    static final int[] PROCESSORS = {1, 2, 4};

    /** A workload: its Scheme program (%d is the iterations per thread) and the operations per iteration. */
    enum Workload {
        SHARED("shared table", true, """
                (define table (make-hash-table-eqv))
                (define (work k n)
                  (let loop ((i 0))
                    (when (< i n)
                      (hash-put! table (+ (* k 1000) (modulo i 1000)) i)
                      (hash-ref table (+ (* k 1000) (modulo (* i 7) 1000)) #f)
                      (loop (+ i 1)))))
                (define (table-of k) table)
                """),
        OWN("own tables", false, """
                (define tables (list->vector (map (lambda (k) (make-hash-table-eqv)) '(0 1 2 3))))
                (define (table-of k) (vector-ref tables k))
                (define (work k n)
                  (let ((table (table-of k)))
                    (let loop ((i 0))
                      (when (< i n)
                        (hash-put! table (modulo i 1000) i)
                        (hash-ref table (modulo (* i 7) 1000) #f)
                        (loop (+ i 1))))))
                """),
        READ_MOSTLY("read-mostly", false, """
                (define table (make-hash-table-eqv))
                (let fill ((i 0)) (when (< i 1000) (hash-put! table i i) (fill (+ i 1))))
                (define (work k n)
                  (let loop ((i 0))
                    (when (< i n)
                      (if (= 0 (modulo i 20))
                          (hash-put! table (modulo (* i 13) 1000) i)
                          (hash-ref table (modulo (* i 7) 1000) #f))
                      (hash-ref table (modulo (* i 11) 1000) #f)
                      (loop (+ i 1)))))
                """);

        final String title;
        /** Unlocked writers of new keys on one table: corrupts it (or probes for ever) under none. */
        final boolean insertsShared;
        final String setup;

        Workload(String title, boolean insertsShared, String setup) {
            this.title = title;
            this.insertsShared = insertsShared;
            this.setup = setup;
        }
    }

    /** Iterations per thread; each does two table operations. */
    static final int ITERATIONS = 40_000;

    static int run(Writer out) {
        PrintWriter w = new PrintWriter(out);
        w.println("Hash tables under --locks, free run, " + THREADS + " threads x " + ITERATIONS
                + " iterations of 2 operations; thousands of operations per second (the fastest of three runs)");
        int failures = 0;
        for (Workload wl : Workload.values()) {
            w.println();
            w.println(wl.title + ":");
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-18s", "policy"));
            for (int p : PROCESSORS) head.append(String.format(Locale.ROOT, "%10s", "-p " + p));
            w.println(head);
            for (Policy policy : Policy.values()) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-18s", policy.cliName()));
                for (int p : PROCESSORS) {
                    if (policy == Policy.NONE && wl.insertsShared) {
                        row.append(String.format(Locale.ROOT, "%10s", "unsafe"));
                        continue;
                    }
                    double best = 0;
                    for (int rep = 0; rep < 3; rep++) {
                        double r = scheme(wl, policy, p, w);
                        if (r < 0) failures++;
                        best = Math.max(best, r);
                    }
                    row.append(String.format(Locale.ROOT, "%10.0f", best / 1000));
                }
                w.println(row);
                w.flush();
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-18s", "ConcurrentHashMap"));
            for (int p : PROCESSORS) row.append(String.format(Locale.ROOT, "%10.0f", Math.max(java(wl, p), Math.max(java(wl, p), java(wl, p))) / 1000));
            w.println(row);
        }
        w.println();
        w.println("(\"unsafe\": unlocked writers of new keys on one table corrupt it, so none is not measured there;"
                + " ConcurrentHashMap runs as many Java threads as processors)");
        w.flush();
        return failures == 0 ? 0 : 1;
    }

    /** Operations per second of one run, or -1 if it failed. */
    static double scheme(Workload wl, Policy policy, int processors, PrintWriter w) {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), Reader.nullReader(), 0);
        vm.configure(RunSettings.freeRun(processors).withLocks(policy));
        String program = wl.setup + """
                (define t0 (real-time))
                (define ts (map (lambda (k) (spawn (lambda () (work k %d)))) '(0 1 2 3)))
                (for-each thread-join! ts)
                (- (real-time) t0)
                """.formatted(ITERATIONS);
        Outcome o = vm.load(program, "tables.ss");
        if (o.status() != Outcome.Status.VALUE) {
            w.println("  " + wl.title + " under " + policy.cliName() + " -p " + processors + " FAILED: " + o.errorText());
            return -1;
        }
        double secs = ((Number) o.value()).doubleValue();
        return THREADS * (double) ITERATIONS * 2 / secs;
    }

    /** The same workload on a ConcurrentHashMap with {@code processors} Java threads sharing the work. */
    static double java(Workload wl, int processors) {
        List<ConcurrentHashMap<Long, Long>> maps = new ArrayList<>();
        for (int k = 0; k < THREADS; k++) maps.add(k == 0 || wl == Workload.OWN ? new ConcurrentHashMap<>() : maps.get(0));
        if (wl == Workload.READ_MOSTLY) for (long i = 0; i < 1000; i++) maps.get(0).put(i, i);
        Thread[] ts = new Thread[processors];
        long t0 = System.nanoTime();
        for (int p = 0; p < processors; p++) {
            int first = p;
            ts[p] = new Thread(() -> {
                for (int k = first; k < THREADS; k += processors) work(wl, maps.get(k), k);
            });
            ts[p].start();
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return THREADS * (double) ITERATIONS * 2 / ((System.nanoTime() - t0) / 1e9);
    }

    private static long sink;

    private static void work(Workload wl, ConcurrentHashMap<Long, Long> m, int k) {
        long seen = 0;
        for (long i = 0; i < ITERATIONS; i++) {
            switch (wl) {
                case SHARED -> {
                    m.put(k * 1000 + i % 1000, i);
                    Long v = m.get(k * 1000 + (i * 7) % 1000);
                    if (v != null) seen += v;
                }
                case OWN -> {
                    m.put(i % 1000, i);
                    Long v = m.get((i * 7) % 1000);
                    if (v != null) seen += v;
                }
                case READ_MOSTLY -> {
                    if (i % 20 == 0) m.put((i * 13) % 1000, i);
                    else seen += m.getOrDefault((i * 7) % 1000, 0L);
                    seen += m.getOrDefault((i * 11) % 1000, 0L);
                }
            }
        }
        sink += seen;
    }
}
