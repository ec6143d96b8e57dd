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
 * processors is the reference line. Each cell is the best of several runs, in operations per second.
 * The measurements are {@link Results} records: the printed table and {@code --svg}'s chart
 * ({@link TableChart}) are both made from them.
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

    /** How much to measure: iterations per thread (each does two table operations) and runs per cell. */
    record Size(int iterations, int runs) {
        /** The default: long enough runs that a busy machine's noise is mostly taken out by the best of five. */
        static final Size FULL = new Size(100_000, 5);
        /** {@code --quick}: one short run per cell, to see the shape while working. */
        static final Size QUICK = new Size(20_000, 1);
    }

    /** What a cell of the results is: a measured throughput, a policy not measured (unsafe), or a failed run. */
    enum Kind { MEASURED, UNSAFE, FAILED }

    /**
     * One cell: the throughput of {@code policy} (null: the ConcurrentHashMap reference line) on
     * {@code workload} at {@code processors}, the best of the runs, in operations per second.
     */
    record Cell(Workload workload, Policy policy, int processors, Kind kind, double opsPerSecond) {
        String series() {
            return policy == null ? "ConcurrentHashMap" : policy.cliName();
        }
    }

    /** Everything one {@code bench tables} measured; the printed table and the chart are made from it. */
    record Results(Size size, List<Cell> cells) {
        /** The cell of (workload, policy, processors); policy null for the reference line. */
        Cell cell(Workload wl, Policy policy, int processors) {
            for (Cell c : cells)
                if (c.workload() == wl && c.policy() == policy && c.processors() == processors) return c;
            throw new IllegalArgumentException("no cell " + wl + " " + policy + " -p " + processors);
        }

        boolean failed() {
            for (Cell c : cells) if (c.kind() == Kind.FAILED) return true;
            return false;
        }
    }

    /**
     * {@code bench tables [--quick] [--svg FILE]}: measure, print the table, and draw the chart when
     * asked. Exit 0, 1 when a run failed, 2 for bad arguments or a chart that cannot be written.
     */
    static int main(List<String> args, Writer out, Writer err) {
        Size size = Size.FULL;
        java.nio.file.Path svg = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--quick")) {
                size = Size.QUICK;
            } else if (a.equals("--svg") && i + 1 < args.size()) {
                String f = args.get(++i);
                try {
                    svg = java.nio.file.Path.of(f);
                } catch (java.nio.file.InvalidPathException e) {
                    return usage(err, "--svg: not a file name: " + f);
                }
                String problem = TableChart.unwritable(svg);
                if (problem != null) return usage(err, "--svg: cannot write " + f + ": " + problem);
            } else {
                return usage(err, a.equals("--svg") ? "--svg needs a FILE" : "bench tables: unknown argument " + a
                        + " (it takes --quick and --svg FILE)");
            }
        }
        PrintWriter w = new PrintWriter(out);
        Results r = measure(size, w);
        print(r, w);
        if (svg != null) {
            try {
                java.nio.file.Files.writeString(svg, TableChart.svg(r), java.nio.charset.StandardCharsets.UTF_8);
                w.println("chart: " + svg);
            } catch (java.io.IOException | SecurityException e) {
                w.flush();
                return usage(err, "--svg: cannot write " + svg + ": " + e.getMessage());
            }
        }
        w.flush();
        return r.failed() ? 1 : 0;
    }

    private static int usage(Writer err, String message) {
        PrintWriter e = new PrintWriter(err);
        e.println("safepoint: " + message);
        e.flush();
        return 2;
    }

    /**
     * Every cell, the best of {@code size.runs()} runs. The runs go round the cells of a workload
     * (run 1 of every cell, then run 2, ...), so a burst of load on the machine hits one run of
     * many cells rather than every run of one.
     */
    static Results measure(Size size, PrintWriter w) {
        List<Cell> cells = new ArrayList<>();
        for (Workload wl : Workload.values()) {
            List<Policy> policies = new ArrayList<>();
            for (Policy p : Policy.values()) {
                if (p == Policy.NONE && wl.insertsShared) {
                    for (int n : PROCESSORS) cells.add(new Cell(wl, p, n, Kind.UNSAFE, 0));
                } else {
                    policies.add(p);
                }
            }
            double[][] best = new double[policies.size() + 1][PROCESSORS.length];
            for (int rep = 0; rep < size.runs(); rep++) {
                for (int j = 0; j < PROCESSORS.length; j++) {
                    for (int i = 0; i < policies.size(); i++) {
                        double ops = scheme(wl, policies.get(i), PROCESSORS[j], size.iterations(), w);
                        best[i][j] = best[i][j] < 0 ? best[i][j] : ops < 0 ? -1 : Math.max(best[i][j], ops);
                    }
                    best[policies.size()][j] = Math.max(best[policies.size()][j], java(wl, PROCESSORS[j], size.iterations()));
                }
            }
            for (int i = 0; i <= policies.size(); i++) {
                Policy p = i < policies.size() ? policies.get(i) : null;
                for (int j = 0; j < PROCESSORS.length; j++) {
                    double b = best[i][j];
                    cells.add(new Cell(wl, p, PROCESSORS[j], b < 0 ? Kind.FAILED : Kind.MEASURED, Math.max(b, 0)));
                }
            }
        }
        return new Results(size, cells);
    }

    /** The results as a table, one per workload, in thousands of operations per second. */
    static void print(Results r, PrintWriter w) {
        w.println("Hash tables under --locks, free run, " + THREADS + " threads x " + r.size().iterations()
                + " iterations of 2 operations; thousands of operations per second (the best of " + r.size().runs()
                + (r.size().runs() == 1 ? " run)" : " runs)"));
        List<Policy> series = new ArrayList<>(List.of(Policy.values()));
        series.add(null);
        for (Workload wl : Workload.values()) {
            w.println();
            w.println(wl.title + ":");
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-18s", "policy"));
            for (int p : PROCESSORS) head.append(String.format(Locale.ROOT, "%10s", "-p " + p));
            w.println(head);
            for (Policy policy : series) {
                Cell first = r.cell(wl, policy, PROCESSORS[0]);
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-18s", first.series()));
                for (int p : PROCESSORS) {
                    Cell c = r.cell(wl, policy, p);
                    row.append(c.kind() == Kind.MEASURED ? String.format(Locale.ROOT, "%10.0f", c.opsPerSecond() / 1000)
                            : String.format(Locale.ROOT, "%10s", c.kind() == Kind.UNSAFE ? "unsafe" : "failed"));
                }
                w.println(row);
            }
        }
        w.println();
        w.println("(\"unsafe\": unlocked writers of new keys on one table corrupt it, so none is not measured there;"
                + " ConcurrentHashMap runs as many Java threads as processors)");
        w.flush();
    }

    /** Operations per second of one run, or -1 if it failed. */
    static double scheme(Workload wl, Policy policy, int processors, int iterations, PrintWriter w) {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), Reader.nullReader(), 0);
        vm.configure(RunSettings.freeRun(processors).withLocks(policy));
        String program = wl.setup + """
                (define t0 (real-time))
                (define ts (map (lambda (k) (spawn (lambda () (work k %d)))) '(0 1 2 3)))
                (for-each thread-join! ts)
                (- (real-time) t0)
                """.formatted(iterations);
        Outcome o = vm.load(program, "tables.ss");
        if (o.status() != Outcome.Status.VALUE) {
            w.println("  " + wl.title + " under " + policy.cliName() + " -p " + processors + " FAILED: " + o.errorText());
            return -1;
        }
        double secs = ((Number) o.value()).doubleValue();
        return THREADS * (double) iterations * 2 / secs;
    }

    /** The same workload on a ConcurrentHashMap with {@code processors} Java threads sharing the work. */
    static double java(Workload wl, int processors, int iterations) {
        List<ConcurrentHashMap<Long, Long>> maps = new ArrayList<>();
        for (int k = 0; k < THREADS; k++) maps.add(k == 0 || wl == Workload.OWN ? new ConcurrentHashMap<>() : maps.get(0));
        if (wl == Workload.READ_MOSTLY) for (long i = 0; i < 1000; i++) maps.get(0).put(i, i);
        Thread[] ts = new Thread[processors];
        long t0 = System.nanoTime();
        for (int p = 0; p < processors; p++) {
            int first = p;
            ts[p] = new Thread(() -> {
                for (int k = first; k < THREADS; k += processors) work(wl, maps.get(k), k, iterations);
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
        return THREADS * (double) iterations * 2 / ((System.nanoTime() - t0) / 1e9);
    }

    private static long sink;

    private static void work(Workload wl, ConcurrentHashMap<Long, Long> m, int k, int iterations) {
        long seen = 0;
        for (long i = 0; i < iterations; i++) {
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
