package safepoint.vm.search;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import safepoint.vm.analysis.Warning;
import safepoint.vm.run.Chooser;
import safepoint.vm.run.Pct;
import safepoint.vm.run.RunReport;
import safepoint.vm.run.RunSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Explore's seed search: the program in controlled mode under seeds 1..N with a random or PCT
 * strategy, on {@link Workers}, each run from the state right after compiling, stopping at the
 * first failure (an uncaught error in any thread, a proven deadlock or hang). A run that reaches
 * the step bound is inconclusive. The failure reported is the one with the lowest seed, whichever
 * worker found it, so the answer does not depend on timing. No text: the caller words it.
 */
public final class SeedSearch {
    private SeedSearch() {}

    /** explore's step bound, unless given: 10 times the median of the first runs, within these. */
    public static final long MAX_BOUND = 10_000_000L;
    public static final long MIN_BOUND = 10_000L;
    public static final int CALIBRATION = 5;
    public static final long CALIBRATION_BOUND = 1_000_000L;

    /**
     * What to search: {@code programs} gives each worker its compiled program (its processors
     * and heap set); {@code strategy} random, rr or pct (with {@code depth}); seeds 1..{@code runs};
     * {@code maxSteps} the step bound, or null to calibrate it; {@code deadline} a wall-clock stop
     * for each run ({@link Machine#deadline}, 0 for none); {@code stop} ends the search early.
     */
    public record Query(Supplier<ProgramRuns> programs, String strategy, int runs, int depth, Long maxSteps, long deadline,
            BooleanSupplier stop) {}

    /**
     * The failing run with the lowest seed: its seed, the settings it ran with (processors, heap,
     * seed, chooser, step bound) and its outcome (whose report has its choices and preemptions).
     */
    public record Found(int seed, RunSettings settings, Outcome outcome) {
        /** Whether it failed before any scheduling choice: a plain error, no schedule problem. */
        public boolean plain() {
            return outcome.failedBeforeAnyChoice();
        }
    }

    /**
     * What the search did: PCT's k (the sync points measured in one run; 0 for other
     * strategies) and whether that run ended ({@code kMeasured}: one that reached the step bound
     * measured only the bound, and PCT's probability bound means nothing then), the step bound used, the chooser of every run, runs completed, inconclusive
     * ones, the first failure (or null), the analysis warnings by seed, and the first
     * inconclusive run (the lowest seed, whichever worker ran it) with what was still running at
     * its bound (empty when none was inconclusive).
     */
    public record Result(long k, boolean kMeasured, long bound, Chooser chooser, int completed, int inconclusive, Found failure,
            SortedMap<Integer, List<Warning>> warnings, java.util.NavigableMap<Integer, safepoint.vm.observe.MachineView> stillRunning) {}

    /** Whether a run failed: an uncaught error in any thread, or a proven deadlock or hang. */
    public static boolean fails(Outcome r) {
        return r.status() == Outcome.Status.ERROR || r.status() == Outcome.Status.DEADLOCK;
    }

    public static Result search(Query q) {
        AtomicInteger nextSeed = new AtomicInteger(1);
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger inconclusiveCount = new AtomicInteger();
        java.util.TreeMap<Integer, safepoint.vm.observe.MachineView> stillRunning = new java.util.TreeMap<>();
        AtomicInteger completed = new AtomicInteger();
        ConcurrentHashMap<Integer, Found> failures = new ConcurrentHashMap<>();
        SortedMap<Integer, List<Warning>> warnings = Collections.synchronizedSortedMap(new TreeMap<>());
        long[] bound = {q.maxSteps() == null ? CALIBRATION_BOUND : q.maxSteps()};
        long k = 0;
        boolean kMeasured = false;
        if (q.strategy().equals("pct")) {
            // Estimate k, the sync points of a run, from one run of the program.
            ProgramRuns once = q.programs().get();
            Machine probe = once.next(0);
            probe.configure(probe.settings().controlled(0, new Chooser.Pct(q.depth(), Pct.DEFAULT_K)).withMaxSteps(bound[0]));
            Outcome probed = once.run();
            k = Math.max(1, probed.report().syncPoints());
            kMeasured = probed.status() != Outcome.Status.TIMEOUT;
        }
        Chooser chooser = q.strategy().equals("pct") ? new Chooser.Pct(q.depth(), k) : Chooser.named(q.strategy());
        /* One run of seed i; returns its length in scheduling points when it finished, else -1. */
        java.util.function.BiFunction<ProgramRuns, Integer, Long> one = (program, i) -> {
            Machine vm = program.next(i);
            RunSettings settings = vm.settings().controlled(i, chooser).withMaxSteps(bound[0]);
            vm.configure(settings);
            vm.deadline = q.deadline();
            Outcome r = program.run();
            RunReport ran = r.report();
            if (!r.warnings().isEmpty()) warnings.put(i, r.warnings());
            if (fails(r)) {
                failures.put(i, new Found(i, settings, r));
                firstFailure.accumulateAndGet(i, Math::min);
                return ran.steps();
            }
            if (r.status() == Outcome.Status.TIMEOUT) {
                inconclusiveCount.incrementAndGet();
                if (r.view() != null) {
                    synchronized (stillRunning) {
                        if (stillRunning.isEmpty() || i < stillRunning.firstKey()) {
                            stillRunning.clear();
                            stillRunning.put(i, r.view());
                        }
                    }
                }
                return -1L;
            }
            return ran.steps();
        };
        if (q.maxSteps() == null) {
            // The step bound (DESIGN.md): 10 times the median length of the first runs that
            // finished, at most 10,000,000. They run first, one by one, so it does not depend on
            // timing, under a bound of 1,000,000 (which stays when none of them finishes).
            ProgramRuns first = q.programs().get();
            List<Long> lengths = new ArrayList<>();
            for (int i = 1; i <= Math.min(CALIBRATION, q.runs()) && firstFailure.get() == Integer.MAX_VALUE && !q.stop().getAsBoolean(); i++) {
                nextSeed.set(i + 1);
                long len = one.apply(first, i);
                completed.incrementAndGet();
                if (len >= 0) lengths.add(len);
            }
            Collections.sort(lengths);
            if (!lengths.isEmpty()) bound[0] = Math.min(MAX_BOUND, Math.max(MIN_BOUND, 10 * lengths.get(lengths.size() / 2)));
        }
        Runnable work = () -> {
            ProgramRuns program = q.programs().get(); // compiled once per worker, rewound per run
            for (;;) {
                if (q.stop().getAsBoolean() || Thread.currentThread().isInterrupted()) return; // interrupted: another worker failed
                int i = nextSeed.getAndIncrement();
                if (i > q.runs() || i > firstFailure.get()) return;
                one.apply(program, i);
                completed.incrementAndGet();
            }
        };
        Workers.run(Workers.count(), "explore", work);
        Found found = firstFailure.get() == Integer.MAX_VALUE ? null : failures.get(firstFailure.get());
        SortedMap<Integer, List<Warning>> seen;
        synchronized (warnings) {
            seen = Collections.unmodifiableSortedMap(new TreeMap<>(warnings));
        }
        return new Result(k, kMeasured, bound[0], chooser, completed.get(), inconclusiveCount.get(), found, seen, stillRunning);
    }
}
