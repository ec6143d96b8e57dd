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
 * processors is the reference line. Each cell is the best of several runs, in operations per second,
 * after a warm-up run of every cell that is not counted; on one processor also the processor's CPU
 * time per operation (the processor is this Java thread), which other work on the machine changes
 * far less than the elapsed time. The measurements are {@link Results} records: the printed table,
 * the targets ({@link Target}) and {@code --svg}'s chart ({@link TableChart}) are all made
 * from them.
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

    /**
     * How much to measure: iterations per thread (each does two table operations) and runs per cell;
     * before them every cell runs once with a fifth of the iterations, uncounted, so that the JIT
     * has compiled what each policy runs before any run counts.
     */
    record Size(int iterations, int runs) {
        int warmUp() {
            return Math.max(1, iterations / 5);
        }

        /** The default: long enough runs that a busy machine's noise is mostly taken out by the best of five. */
        static final Size FULL = new Size(100_000, 5);
        /** {@code --quick}: one short run per cell, to see the shape while working. */
        static final Size QUICK = new Size(20_000, 1);
    }

    /** What a cell of the results is: a measured throughput, a policy not measured (unsafe), or a failed run. */
    enum Kind { MEASURED, UNSAFE, FAILED }

    /**
     * One cell: the throughput of {@code policy} (null: the ConcurrentHashMap reference line) on
     * {@code workload} at {@code processors}, the best of the runs, in operations per second; and
     * on one processor the least CPU time of the processor per operation, in nanoseconds (NaN when
     * not measured: several processors, the reference line).
     */
    record Cell(Workload workload, Policy policy, int processors, Kind kind, double opsPerSecond, double cpuNanosPerOp) {
        Cell(Workload workload, Policy policy, int processors, Kind kind, double opsPerSecond) {
            this(workload, policy, processors, kind, opsPerSecond, Double.NaN);
        }

        String series() {
            return policy == null ? "ConcurrentHashMap" : policy.cliName();
        }
    }

    /**
     * Everything one {@code bench tables} measured; the printed table, the targets and the chart
     * are made from it. {@code load}: the machine's load average at the start and at the end (NaN
     * where the system gives none), since other work on the cores changes every elapsed time.
     */
    record Results(Size size, List<Cell> cells, double[] load) {
        Results(Size size, List<Cell> cells) {
            this(size, cells, new double[] {Double.NaN, Double.NaN});
        }

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

        /** {@code a}'s throughput over {@code b}'s (NaN unless both were measured). */
        double ratio(Workload wl, Policy a, Policy b, int processors) {
            Cell x = cell(wl, a, processors);
            Cell y = cell(wl, b, processors);
            if (x.kind() != Kind.MEASURED || y.kind() != Kind.MEASURED || y.opsPerSecond() <= 0) return Double.NaN;
            return x.opsPerSecond() / y.opsPerSecond();
        }

        /** Issue 14's speed targets, each with what this measurement gives. */
        List<Target> targets() {
            List<Target> t = new ArrayList<>();
            for (int p : new int[] {2, 4}) {
                double goal = p == 2 ? 1.3 : 2.0;
                for (Policy fast : new Policy[] {Policy.PER_TABLE, Policy.LOCK_FREE_READS})
                    t.add(new Target("own tables, " + fast.cliName() + " / global at -p " + p, ratio(Workload.OWN, fast, Policy.GLOBAL, p), goal));
            }
            t.add(new Target("own tables, per-table / none at -p 1", ratio(Workload.OWN, Policy.PER_TABLE, Policy.NONE, 1), 0.85));
            Cell none = cell(Workload.OWN, Policy.NONE, 1);
            Cell perTable = cell(Workload.OWN, Policy.PER_TABLE, 1);
            // by CPU time: none's CPU per operation over per-table's, so that more is better here too
            t.add(new Target("own tables, per-table / none at -p 1, by CPU time",
                    none.cpuNanosPerOp() / perTable.cpuNanosPerOp(), 0.85));
            for (int p : new int[] {2, 4})
                t.add(new Target("read-mostly, lock-free-reads / per-table at -p " + p,
                        ratio(Workload.READ_MOSTLY, Policy.LOCK_FREE_READS, Policy.PER_TABLE, p), 1.5));
            return t;
        }
    }

    /** One of issue 14's speed targets: a ratio of throughputs (or of CPU times) that should be at least {@code goal}. */
    record Target(String what, double ratio, double goal) {
        boolean met() {
            return ratio >= goal;
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
        double loadBefore = load();
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
            double[] leastCpu = new double[policies.size()];
            java.util.Arrays.fill(leastCpu, Double.POSITIVE_INFINITY);
            for (int j = 0; j < PROCESSORS.length; j++) {
                for (Policy p : policies) scheme(wl, p, PROCESSORS[j], size.warmUp(), w);
                java(wl, PROCESSORS[j], size.warmUp());
            }
            for (int rep = 0; rep < size.runs(); rep++) {
                for (int j = 0; j < PROCESSORS.length; j++) {
                    for (int i = 0; i < policies.size(); i++) {
                        Run r = scheme(wl, policies.get(i), PROCESSORS[j], size.iterations(), w);
                        best[i][j] = best[i][j] < 0 ? best[i][j] : r == null ? -1 : Math.max(best[i][j], r.opsPerSecond());
                        if (r != null && PROCESSORS[j] == 1) leastCpu[i] = Math.min(leastCpu[i], r.cpuNanosPerOp());
                    }
                    best[policies.size()][j] = Math.max(best[policies.size()][j], java(wl, PROCESSORS[j], size.iterations()));
                }
            }
            for (int i = 0; i <= policies.size(); i++) {
                Policy p = i < policies.size() ? policies.get(i) : null;
                for (int j = 0; j < PROCESSORS.length; j++) {
                    double b = best[i][j];
                    double cpu = p != null && PROCESSORS[j] == 1 && b >= 0 ? leastCpu[i] : Double.NaN;
                    cells.add(new Cell(wl, p, PROCESSORS[j], b < 0 ? Kind.FAILED : Kind.MEASURED, Math.max(b, 0), cpu));
                }
            }
        }
        return new Results(size, cells, new double[] {loadBefore, load()});
    }

    /** The system's load average over the last minute, or NaN where it has none. */
    private static double load() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? Double.NaN : l;
    }

    /** The results as a table, one per workload, in thousands of operations per second; then the targets. */
    static void print(Results r, PrintWriter w) {
        w.println("Hash tables under --locks, free run, " + THREADS + " threads x " + r.size().iterations()
                + " iterations of 2 operations; thousands of operations per second (the best of " + r.size().runs()
                + (r.size().runs() == 1 ? " run" : " runs") + ", after a warm-up run of each)");
        int cores = Runtime.getRuntime().availableProcessors();
        if (!Double.isNaN(r.load()[0]))
            w.println(String.format(Locale.ROOT, "load average %.1f at the start, %.1f at the end, on %d cores%s", r.load()[0], r.load()[1], cores,
                    Math.max(r.load()[0], r.load()[1]) > cores ? ": other work shared the cores, so read the ratios (and the CPU times) rather than the figures" : ""));
        List<Policy> series = new ArrayList<>(List.of(Policy.values()));
        series.add(null);
        for (Workload wl : Workload.values()) {
            w.println();
            w.println(wl.title + ":");
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-18s", "policy"));
            for (int p : PROCESSORS) head.append(String.format(Locale.ROOT, "%10s", "-p " + p));
            head.append(String.format(Locale.ROOT, "%16s", "ns CPU/op -p 1"));
            w.println(head);
            for (Policy policy : series) {
                Cell first = r.cell(wl, policy, PROCESSORS[0]);
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-18s", first.series()));
                for (int p : PROCESSORS) {
                    Cell c = r.cell(wl, policy, p);
                    row.append(c.kind() == Kind.MEASURED ? String.format(Locale.ROOT, "%10.0f", c.opsPerSecond() / 1000)
                            : String.format(Locale.ROOT, "%10s", c.kind() == Kind.UNSAFE ? "unsafe" : "failed"));
                }
                if (!Double.isNaN(first.cpuNanosPerOp())) row.append(String.format(Locale.ROOT, "%16.0f", first.cpuNanosPerOp()));
                w.println(row);
            }
        }
        w.println();
        w.println("(\"unsafe\": unlocked writers of new keys on one table corrupt it, so none is not measured there;"
                + " ConcurrentHashMap runs as many Java threads as processors)");
        w.println();
        w.println("issue 14's targets (a ratio of throughputs, at least the goal):");
        for (Target t : r.targets()) {
            w.println(String.format(Locale.ROOT, "  %-60s %6s  goal %.2f  %s", t.what(), Double.isNaN(t.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", t.ratio()),
                    t.goal(), Double.isNaN(t.ratio()) ? "not measured" : t.met() ? "met" : "MISSED"));
        }
        w.flush();
    }

    /** One run's throughput, and the CPU time of the Java thread that ran it per operation (the processor, on one). */
    record Run(double opsPerSecond, double cpuNanosPerOp) {}

    /** One run of {@code wl} under {@code policy}, or null if it failed (said on {@code w}). */
    static Run scheme(Workload wl, Policy policy, int processors, int iterations, PrintWriter w) {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), Reader.nullReader(), 0);
        vm.configure(RunSettings.freeRun(processors).withLocks(policy));
        String program = wl.setup + """
                (define t0 (real-time))
                (define ts (map (lambda (k) (spawn (lambda () (work k %d)))) '(0 1 2 3)))
                (for-each thread-join! ts)
                (- (real-time) t0)
                """.formatted(iterations);
        Machine.Prepared compiled = vm.prepare(program, "tables.ss");
        // processor 0 of a free run is the calling thread: on one processor its CPU time is the run's
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        Outcome o = vm.run(compiled);
        long cpuNanos = cpu.getCurrentThreadCpuTime() - cpu0;
        if (o.status() != Outcome.Status.VALUE) {
            w.println("  " + wl.title + " under " + policy.cliName() + " -p " + processors + " FAILED: " + o.errorText());
            return null;
        }
        double secs = ((Number) o.value()).doubleValue();
        double ops = THREADS * (double) iterations * 2;
        return new Run(ops / secs, cpuNanos / ops);
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
