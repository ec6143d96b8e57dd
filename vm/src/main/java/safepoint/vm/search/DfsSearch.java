package safepoint.vm.search;

import safepoint.vm.run.Outcome;
import safepoint.vm.data.MonitorOrder;
import safepoint.vm.Machine;
import safepoint.vm.run.Chooser;
import safepoint.vm.run.Dfs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import safepoint.vm.analysis.Warning;

/**
 * Exhaustive search of a program's schedules with at most K preemptions (CHESS's iterative
 * context bounding, done statelessly: every run starts from a fresh VM and replays a prefix of
 * decisions). Each run takes the defaults after its prefix; every decision it passes after the
 * prefix contributes its untaken alternatives as new prefixes. Prefixes run in order of their
 * preemptions, fewest first, so the first failure found has the fewest preemptions of any, and
 * every schedule is run exactly once.
 */
public final class DfsSearch {
    /**
     * What the search found: schedules run, inconclusive ones (step bound), whether it ran out of
     * schedules (complete) or of budget, and the first failure (or null) with its choices, its
     * preemptions, whether it came before any scheduling choice (a plain error), and which run
     * it was (null for none).
     */
    public record Result(long schedules, long inconclusive, boolean complete, Outcome failure,
            java.util.List<long[]> failingChoices, int failurePreemptions, boolean plain, Run failingRun) {}

    /**
     * One run of a search, by its place in the search's order: its level (the preemptions of
     * its prefix), then its prefix of decisions, lexicographically. Which runs come before the
     * failure reported does not depend on timing, so neither does what is said about them.
     */
    public record Run(int preemptions, int[] prefix) implements Comparable<Run> {
        @Override
        public int compareTo(Run o) {
            return preemptions != o.preemptions ? Integer.compare(preemptions, o.preemptions) : compare(prefix, o.prefix);
        }
    }

    private DfsSearch() {}

    /** What one search looks for and within which limits (see the public {@code search}es); immutable. */
    private record Query(long machineSeed, int bound, long maxSteps, long maxRuns,
            java.util.function.Predicate<Outcome> sought, java.util.function.BooleanSupplier stop,
            java.util.function.Consumer<WarnedRuns> ran) {}

    /**
     * Search a program's schedules with at most {@code bound} preemptions, at most
     * {@code maxRuns} runs, each from the program's state after compiling, on one thread, with
     * the VM's generator seeded with {@code machineSeed} (a shrink keeps the failing run's).
     * Only failures that {@code sought} accepts end the search (shrinking looks for one failure).
     */
    public static Result search(ProgramRuns runs, long machineSeed, int bound, long maxSteps, long maxRuns,
            java.util.function.Predicate<Outcome> sought) {
        return search(runs, machineSeed, bound, maxSteps, maxRuns, sought, () -> false);
    }

    /** The same, ending early (not complete) once {@code stop} says so (a shrink's time budget). */
    public static Result search(ProgramRuns runs, long machineSeed, int bound, long maxSteps, long maxRuns,
            java.util.function.Predicate<Outcome> sought, java.util.function.BooleanSupplier stop) {
        return search(() -> runs, 1, machineSeed, bound, maxSteps, maxRuns, sought, stop, w -> {});
    }

    /**
     * The same on {@code workers} threads, each with its own compiled program from
     * {@code programs}, ending early (not complete) once {@code stop} says so (Ctrl-C,
     * --timeout). Within a level (a number of preemptions) prefixes run in any order; the
     * failure reported is the one whose decisions come first in lexicographic order, so it does
     * not depend on timing: once one is found, prefixes after it are skipped, and the ones before
     * it (and what they spawn, which may come before it too) still run.
     */
    public static Result search(java.util.function.Supplier<ProgramRuns> programs, int workers, int bound, long maxSteps,
            long maxRuns, java.util.function.Predicate<Outcome> sought, java.util.function.BooleanSupplier stop) {
        return search(programs, workers, 0, bound, maxSteps, maxRuns, sought, stop, w -> {});
    }

    /**
     * The same, telling {@code ran} of the warnings of the runs that warned, once the search is
     * over, each warning once from the earliest run that showed it, and only of runs no later than
     * the failure reported (so what explore says of them does not depend on timing); holding none
     * of the search's locks.
     */
    public static Result search(java.util.function.Supplier<ProgramRuns> programs, int workers, int bound, long maxSteps,
            long maxRuns, java.util.function.Predicate<Outcome> sought, java.util.function.BooleanSupplier stop,
            java.util.function.Consumer<WarnedRuns> ran) {
        return search(programs, workers, 0, bound, maxSteps, maxRuns, sought, stop, ran);
    }

    private static Result search(java.util.function.Supplier<ProgramRuns> programs, int workers, long machineSeed, int bound,
            long maxSteps, long maxRuns, java.util.function.Predicate<Outcome> sought, java.util.function.BooleanSupplier stop,
            java.util.function.Consumer<WarnedRuns> ran) {
        Query q = new Query(machineSeed, bound, maxSteps, maxRuns, sought, stop, ran);
        Search s = new Search(q);
        Workers.run(workers, "dfs", () -> s.work(programs.get()));
        if (workers > 1 && s.cappedByRuns()) {
            // Which runs make the first maxRuns depends on which worker ended first; on one worker
            // they are the first in the search's own order, the same every time.
            Search again = new Search(q);
            Workers.run(1, "dfs", () -> again.work(programs.get()));
            return again.result();
        }
        return s.result();
    }

    /** The shared state of one search. Locking rule: every field but the query is guarded by this object's monitor. */
    private static final class Search {
        final Query q;
        final List<ArrayDeque<int[]>> levels = new ArrayList<>();
        int level;
        int inFlight;
        /** Runs started (the cap counts these). */
        long taken;
        /** Runs that ended at the levels below this one, and inconclusive ones among them. */
        long doneBelow;
        long inconclusiveBelow;
        /**
         * This level's runs that ended, and its inconclusive ones: the failure found at a level
         * counts only the runs before it in the search's order (the others ran only because a
         * worker was faster; how many did depends on timing).
         */
        final List<int[]> doneHere = new ArrayList<>();
        final List<int[]> inconclusiveHere = new ArrayList<>();
        boolean capped;
        boolean cappedByRuns;
        Run bestRun;
        Result best;
        /** The warnings, each once, told to the query's {@code ran} when the search is over (only those before its failure). */
        final WarnedRuns warned = new WarnedRuns();
        /** The runs that warned, by key only: how many came before the failure is counted at the end. */
        final List<Run> warnedRuns = new ArrayList<>();

        Search(Query q) {
            this.q = q;
            for (int b = 0; b <= q.bound(); b++) levels.add(new ArrayDeque<>());
            levels.get(0).add(new int[0]);
        }

        /** The next run, or null when the search is over. */
        synchronized Run take() {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.DFS_SEARCH, this);
            for (;;) {
                if (capped || level > q.bound()) return null;
                if (q.stop().getAsBoolean() || Thread.currentThread().isInterrupted()) { // interrupted: another worker failed
                    capped = true;
                    return null;
                }
                int[] p = levels.get(level).poll();
                if (p != null) {
                    if (bestRun != null && compare(p, bestRun.prefix()) > 0) continue; // after the failure found: not needed
                    if (taken == q.maxRuns()) {
                        capped = true;
                        cappedByRuns = true;
                        return null;
                    }
                    taken++;
                    inFlight++;
                    return new Run(level, p);
                }
                if (inFlight > 0) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                    continue;
                }
                if (best != null) return null; // the level is done and has a failure: it has the fewest preemptions
                level++;
                doneBelow += doneHere.size();
                inconclusiveBelow += inconclusiveHere.size();
                doneHere.clear();
                inconclusiveHere.clear();
                notifyAll();
            }
        }

        synchronized void finished(Run run, Outcome o) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.DFS_SEARCH, this);
            int[] prefix = run.prefix();
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.DFS_SEARCH, this);
            inFlight--;
            notifyAll();
            doneHere.add(prefix);
            if (!o.warnings().isEmpty()) {
                warned.note(run, o.warnings());
                warnedRuns.add(run);
            }
            if ((o.status() == Outcome.Status.ERROR || o.status() == Outcome.Status.DEADLOCK) && q.sought().test(o)) {
                if (bestRun == null || compare(prefix, bestRun.prefix()) < 0) {
                    bestRun = run;
                    best = new Result(0, 0, false, o, o.report().choices(), o.report().preemptions(), o.failedBeforeAnyChoice(), run);
                }
                return;
            }
            if (o.status() == Outcome.Status.TIMEOUT) inconclusiveHere.add(prefix);
            List<Dfs.Decision> ds = o.report().dfsDecisions();
            for (int i = prefix.length; i < ds.size(); i++) {
                Dfs.Decision d = ds.get(i);
                for (int j = 0; j < d.others().length; j++) {
                    int cost = d.preemptionsBefore() + d.costs()[j];
                    if (cost > q.bound()) continue;
                    int[] next = new int[i + 1];
                    for (int x = 0; x < i; x++) next[x] = ds.get(x).chosen();
                    next[i] = d.others()[j];
                    levels.get(cost).add(next);
                }
            }
        }

        void work(ProgramRuns runs) {
            for (Run run; (run = take()) != null; ) {
                Machine vm = runs.next(q.machineSeed());
                vm.configure(vm.settings().controlled(0, new Chooser.Dfs(run.prefix())).withMaxSteps(q.maxSteps()));
                finished(run, runs.run());
            }
        }

        synchronized boolean cappedByRuns() {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.DFS_SEARCH, this);
            return cappedByRuns;
        }

        /** Runs of this level that come no later than the failure found (all of them when none was). */
        private long upToBest(List<int[]> prefixes) {
            if (bestRun == null) return prefixes.size();
            long n = 0;
            for (int[] p : prefixes) if (compare(p, bestRun.prefix()) <= 0) n++;
            return n;
        }

        Result result() {
            WarnedRuns told;
            Result r;
            synchronized (this) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.DFS_SEARCH, this);
                long done = doneBelow + upToBest(doneHere);
                long inconclusive = inconclusiveBelow + upToBest(inconclusiveHere);
                told = WarnedRuns.upTo(warned, warnedRuns, bestRun);
                r = best != null
                        ? new Result(done, inconclusive, false, best.failure(), best.failingChoices(), best.failurePreemptions(), best.plain(), bestRun)
                        : new Result(done, inconclusive, !capped, null, null, 0, false, null);
            }
            q.ran().accept(told);
            return r;
        }
    }

    /** Lexicographic order of decision prefixes (a prefix of another comes first). */
    static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
        return Integer.compare(a.length, b.length);
    }
}
