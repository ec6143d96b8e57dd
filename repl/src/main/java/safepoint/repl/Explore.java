package safepoint.repl;

import safepoint.vm.Machine;
import safepoint.vm.run.Chooser;
import safepoint.vm.run.Pct;
import safepoint.vm.run.RunReport;
import safepoint.vm.run.RunSettings;
import safepoint.vm.analysis.Warning;
import safepoint.vm.analysis.WarningText;
import safepoint.vm.search.DfsSearch;
import safepoint.vm.search.ProgramRuns;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code safepoint explore FILE}: runs the program in controlled mode under seeds 1..N, or every
 * schedule up to K preemptions ({@code --strategy dfs}), on both cores, each run from the state
 * right after compiling (one compile per worker, a rewind per run), and stops at the first
 * failure: an uncaught error in any thread, a proven deadlock or hang. It prints the failing
 * run's seed and schedule, its {@link Interleaving}, and a {@link Shrink}ed schedule. A run that
 * reaches the step bound is inconclusive, not a failure. Exit: 1 failure found, 0 none, 4 all
 * inconclusive, 5 a failure before any scheduling choice.
 */
final class Explore {
    private Explore() {}

    /** Set by Ctrl-C: no new runs start; the search reports what it found so far (exit 4 if nothing). */
    static final java.util.concurrent.atomic.AtomicBoolean INTERRUPTED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Why a search stopped early: "interrupted" (Ctrl-C), "--timeout expired", or null while it may go on. */
    private static String stopped(long deadline) {
        if (INTERRUPTED.get()) return "interrupted";
        if (deadline != 0 && System.nanoTime() - deadline > 0) return "--timeout expired";
        return null;
    }

    /** The program compiled once on a VM of its own (one per worker), to run again and again. */
    static ProgramRuns compiled(Options o, String text, String file) {
        RunSettings settings = RunSettings.freeRun(o.processors());
        RunSettings base = o.heapBytes() == null ? settings : settings.withHeapBytes(o.heapBytes());
        return new ProgramRuns(text, file, vm -> vm.configure(base));
    }

    /** A failing run: its report, choices, outcome and preemptions, and whether it failed before any choice. */
    private record Failure(String report, java.util.List<long[]> choices, Machine.Outcome outcome, int preemptions, boolean plain) {}

    static int run(Options o, Writer out, Writer err) throws IOException {
        String file = o.operands().get(0);
        String text = Main.readProgram(file, err);
        if (text == null) return 2;
        String strategy = o.strategy() == null ? "random" : o.strategy();
        if (strategy.equals("dfs")) return dfs(o, text, file, o.maxSteps() == null ? 1_000_000L : o.maxSteps(), out);
        int runs = o.runs() == null ? 1000 : o.runs();
        // Both cores: workers take seeds in order; the failure reported is the one with the lowest
        // run index, whichever worker found it, so the answer does not depend on timing.
        int workers = safepoint.vm.search.Workers.count();
        java.util.concurrent.atomic.AtomicInteger nextSeed = new java.util.concurrent.atomic.AtomicInteger(1);
        java.util.concurrent.atomic.AtomicInteger firstFailure = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
        java.util.concurrent.atomic.AtomicInteger inconclusiveCount = new java.util.concurrent.atomic.AtomicInteger();
        // The first inconclusive run (the lowest seed, whichever worker ran it) and what was still running at its bound.
        java.util.concurrent.ConcurrentSkipListMap<Integer, safepoint.vm.observe.MachineView> stillRunning = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.ConcurrentHashMap<Integer, Failure> failures = new java.util.concurrent.ConcurrentHashMap<>();
        Warnings warnings = new Warnings();
        java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
        long t0 = System.nanoTime();
        long deadline = o.timeoutSecs() == null ? 0 : t0 + (long) (o.timeoutSecs() * 1e9);
        int depth = o.depth() == null ? Pct.DEFAULT_DEPTH : o.depth();
        long[] bound = {o.maxSteps() == null ? CALIBRATION_BOUND : o.maxSteps()};
        long k = Pct.DEFAULT_K;
        if (strategy.equals("pct")) {
            // Estimate k, the sync points of a run, from one run of the program.
            ProgramRuns once = compiled(o, text, file);
            Machine probe = once.next(0);
            probe.configure(probe.settings().controlled(0, new Chooser.Pct(depth, Pct.DEFAULT_K)).withMaxSteps(bound[0]));
            k = Math.max(1, once.run().report().syncPoints());
            out.write(Machine.pctBound(Math.max(2, o.processors()), k, depth) + " (k = " + k + " sync and allocation points, measured)\n");
        }
        Chooser chooser = strategy.equals("pct") ? new Chooser.Pct(depth, k) : Chooser.named(strategy);
        /* One run of seed i; returns its length in scheduling points when it finished, else -1. */
        java.util.function.BiFunction<ProgramRuns, Integer, Long> one = (program, i) -> {
            Machine vm = program.next(i);
            vm.configure(vm.settings().controlled(i, chooser).withMaxSteps(bound[0]));
            vm.deadline = deadline;
            Machine.Outcome r = program.run();
            RunReport ran = r.report();
            warnings.note(r.warnings(), i);
            if (Shrink.fails(r)) {
                boolean plain = r.failedBeforeAnyChoice();
                String report = plain ? r.errorText() + "\n"
                        : "failure found on run " + i + " of " + runs + " (seed " + i + ", strategy " + strategy + ", -p "
                                + o.processors() + ", " + preemptions(ran.preemptions()) + ")\n" + r.errorText() + "\n"
                                + Main.scheduleLine(ran.schedule(text)) + "\nreplay: ./safepoint replay " + Shell.quote(file) + " -p " + o.processors()
                                + " --seed " + i + (strategy.equals("random") ? "" : " --strategy " + strategy) + "\n";
                failures.put(i, new Failure(report, ran.choices(), r, ran.preemptions(), plain));
                firstFailure.accumulateAndGet(i, Math::min);
                return ran.steps();
            }
            if (r.status() == Machine.Status.TIMEOUT) {
                inconclusiveCount.incrementAndGet();
                if (r.view() != null && (stillRunning.isEmpty() || i < stillRunning.firstKey())) {
                    stillRunning.put(i, r.view());
                    while (stillRunning.size() > 1) stillRunning.pollLastEntry();
                }
                return -1L;
            }
            return ran.steps();
        };
        if (o.maxSteps() == null) {
            // The step bound (DESIGN.md): 10 times the median length of the first runs that
            // finished, at most 10,000,000. They run first, one by one, so it does not depend on
            // timing, under a bound of 1,000,000 (which stays when none of them finishes).
            ProgramRuns first = compiled(o, text, file);
            java.util.List<Long> lengths = new java.util.ArrayList<>();
            for (int i = 1; i <= Math.min(CALIBRATION, runs) && firstFailure.get() == Integer.MAX_VALUE && stopped(deadline) == null; i++) {
                nextSeed.set(i + 1);
                long len = one.apply(first, i);
                completed.incrementAndGet();
                if (len >= 0) lengths.add(len);
            }
            java.util.Collections.sort(lengths);
            if (!lengths.isEmpty()) bound[0] = Math.min(MAX_BOUND, Math.max(MIN_BOUND, 10 * lengths.get(lengths.size() / 2)));
        }
        Runnable work = () -> {
            ProgramRuns program = compiled(o, text, file); // compiled once per worker, rewound per run
            for (;;) {
                if (stopped(deadline) != null || Thread.currentThread().isInterrupted()) return; // interrupted: another worker failed
                int i = nextSeed.getAndIncrement();
                if (i > runs || i > firstFailure.get()) return;
                one.apply(program, i);
                completed.incrementAndGet();
            }
        };
        safepoint.vm.search.Workers.run(workers, "explore", work);
        if (firstFailure.get() != Integer.MAX_VALUE) {
            int seed = firstFailure.get();
            int status = report(o, text, file, seed, "seed " + seed, failures.get(seed), bound[0], out);
            warnings.print(out, seed); // runs after the failing one may or may not have run: not shown
            out.flush();
            return status;
        }
        int inconclusive = inconclusiveCount.get();
        double secs = (System.nanoTime() - t0) / 1e9;
        String why = stopped(deadline);
        if (why != null && completed.get() < runs) {
            out.write(String.format(java.util.Locale.ROOT, "%s after %d of %d schedules: no failure so far (%d inconclusive)%n",
                    why.equals("interrupted") ? "interrupted" : "--timeout expired", completed.get(), runs, inconclusive));
            warnings.print(out, Integer.MAX_VALUE);
            out.flush();
            return 4;
        }
        if (inconclusive == runs) {
            out.write(String.format(java.util.Locale.ROOT, "all %d runs were inconclusive (step bound of %,d scheduling points reached)%n", runs, bound[0]));
            out.write(stillRunning(stillRunning));
            out.flush();
            return 4;
        }
        out.write(String.format(java.util.Locale.ROOT, "no failure in %d schedules (%d inconclusive%s), %.1f schedules/s%n", runs,
                inconclusive, inconclusive > 0 ? String.format(java.util.Locale.ROOT, " at a step bound of %,d", bound[0]) : "", runs / secs));
        out.write(stillRunning(stillRunning));
        warnings.print(out, Integer.MAX_VALUE);
        out.flush();
        return 0;
    }

    /** What the first inconclusive run was still running at its bound; nothing when no run was inconclusive. */
    private static String stillRunning(java.util.NavigableMap<Integer, safepoint.vm.observe.MachineView> first) {
        if (first.isEmpty()) return "";
        return "run " + first.firstKey() + " was still running at the bound:\n" + safepoint.repl.view.RunningText.of(first.firstEntry().getValue());
    }

    /** A failure found: plain (exit 5), or the report, the interleaving and the shrunk schedule (exit 1). */
    private static int report(Options o, String text, String file, long machineSeed, String label, Failure f, long maxSteps, Writer out)
            throws IOException {
        out.write(f.report());
        if (f.plain()) {
            out.write(Main.PLAIN_FAILURE + "\n");
            out.flush();
            return 5;
        }
        ProgramRuns runs = compiled(o, text, file);
        out.write(Interleaving.of(runs, machineSeed, f.choices(), label));
        if (!label.startsWith("dfs")) out.write(Shrink.shrink(o, runs, text, file, machineSeed, f.choices(), f.outcome(), f.preemptions(), maxSteps));
        out.flush();
        return 1;
    }

    static String preemptions(long n) {
        return n + (n == 1 ? " preemption" : " preemptions");
    }

    /**
     * The race and lock-order warnings explore's runs found, each kept once (the run with the
     * lowest seed that found it, by {@link Warning#identity}), so a passing search still says
     * what it saw.
     */
    static final class Warnings {
        private final java.util.TreeMap<Integer, java.util.List<Warning>> bySeed = new java.util.TreeMap<>();

        synchronized void note(java.util.List<Warning> found, int seed) {
            if (!found.isEmpty()) bySeed.put(seed, found);
        }

        synchronized void print(Writer out, int upToSeed) throws IOException {
            java.util.Map<Warning.Identity, Warning> first = new java.util.LinkedHashMap<>();
            java.util.Map<Warning.Identity, Integer> seedOf = new java.util.HashMap<>();
            int runs = 0;
            for (java.util.Map.Entry<Integer, java.util.List<Warning>> e : bySeed.headMap(upToSeed, true).entrySet()) {
                runs++;
                for (Warning w : e.getValue()) {
                    if (first.putIfAbsent(w.identity(), w) == null) seedOf.put(w.identity(), e.getKey());
                }
            }
            if (first.isEmpty()) return;
            out.write("\n" + runs + " run" + (runs == 1 ? "" : "s") + " printed warnings; each once, from the first seed that showed it:\n");
            for (java.util.Map.Entry<Warning.Identity, Warning> e : first.entrySet()) {
                out.write("(seed " + seedOf.get(e.getKey()) + ") " + WarningText.of(e.getValue()) + "\n");
            }
        }
    }

    /** explore's step bound, unless --max-steps: 10 times the median of the first runs, within these. */
    static final long MAX_BOUND = 10_000_000L;
    static final long MIN_BOUND = 10_000L;
    static final int CALIBRATION = 5;
    static final long CALIBRATION_BOUND = 1_000_000L;

    /** Default cap on dfs runs when --runs is not given. */
    static final int DFS_RUNS = 100_000;

    /** {@code explore --strategy dfs}: every schedule with at most K preemptions, fewest first. */
    private static int dfs(Options o, String text, String file, long maxSteps, Writer out) throws IOException {
        int bound = o.preemptions() == null ? 2 : o.preemptions();
        long cap = o.runs() == null ? DFS_RUNS : o.runs();
        long t0 = System.nanoTime();
        int workers = safepoint.vm.search.Workers.count();
        long deadline = o.timeoutSecs() == null ? 0 : t0 + (long) (o.timeoutSecs() * 1e9);
        DfsSearch.Result r = DfsSearch.search(() -> compiled(o, text, file), workers, bound, maxSteps, cap, x -> true,
                () -> stopped(deadline) != null);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (r.failure() != null) {
            boolean plain = r.plain();
            String schedule = Machine.scheduleString(r.failingChoices(), text);
            String report = plain ? r.failure().errorText() + "\n"
                    : "failure found by the dfs search after " + r.schedules() + " schedules (-p " + o.processors() + ", "
                            + preemptions(r.failurePreemptions()) + ", the fewest: every schedule with fewer passes)\n"
                            + r.failure().errorText() + "\nschedule: " + schedule + "\nreplay: ./safepoint replay " + Shell.quote(file) + " -p "
                            + o.processors() + " --schedule " + Shell.quote(schedule) + "\n";
            return report(o, text, file, 0, "dfs",
                    new Failure(report, r.failingChoices(), r.failure(), r.failurePreemptions(), plain), maxSteps, out);
        }
        String pre = " with at most " + preemptions(bound);
        if (r.inconclusive() == r.schedules()) {
            out.write("all " + r.schedules() + " schedules" + pre + " were inconclusive (step bound reached)\n");
            out.flush();
            return 4;
        }
        String inc = r.inconclusive() > 0 ? " (" + r.inconclusive() + " inconclusive)" : "";
        if (r.complete()) {
            out.write(String.format(java.util.Locale.ROOT, "all %d schedules%s pass%s, %.1f schedules/s%n", r.schedules(), pre, inc,
                    r.schedules() / secs));
        } else {
            out.write("no failure in the first " + r.schedules() + " schedules" + pre + inc + "; the search is not finished ("
                    + (stopped(deadline) != null ? stopped(deadline) : "--runs raises the cap") + ")\n");
            if (stopped(deadline) != null) {
                out.flush();
                return 4;
            }
        }
        out.flush();
        return 0;
    }
}
