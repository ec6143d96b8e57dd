package safepoint.vm.lang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

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
     * preemptions, and whether it came before any scheduling choice (a plain error).
     */
    public record Result(long schedules, long inconclusive, boolean complete, Machine.Outcome failure,
            java.util.List<long[]> failingChoices, int failurePreemptions, boolean plain) {}

    private DfsSearch() {}

    /**
     * Search a program's schedules with at most {@code bound} preemptions, at most
     * {@code maxRuns} runs, each from the program's state after compiling.
     * Only failures that {@code sought} accepts end the search (shrinking looks for one failure).
     */
    public static Result search(ProgramRuns runs, int bound, long maxSteps, long maxRuns,
            java.util.function.Predicate<Machine.Outcome> sought) {
        List<ArrayDeque<int[]>> levels = new ArrayList<>();
        for (int b = 0; b <= bound; b++) levels.add(new ArrayDeque<>());
        levels.get(0).add(new int[0]);
        long done = 0;
        long inconclusive = 0;
        for (int level = 0; level <= bound; ) {
            int[] prefix = levels.get(level).poll();
            if (prefix == null) {
                level++;
                continue;
            }
            if (done == maxRuns) return new Result(done, inconclusive, false, null, null, 0, false);
            Machine vm = runs.next(0);
            vm.setDfs(prefix, maxSteps);
            Machine.Outcome o = runs.run();
            done++;
            if ((o.status() == Machine.Status.ERROR || o.status() == Machine.Status.DEADLOCK) && sought.test(o)) {
                return new Result(done, inconclusive, false, o, vm.lastChoices(), vm.lastPreemptions, vm.failedBeforeAnyChoice(o));
            }
            if (o.status() == Machine.Status.TIMEOUT) inconclusive++;
            Dfs run = vm.lastDfs;
            if (run == null) continue;
            List<Dfs.Decision> ds = run.decisions;
            for (int i = prefix.length; i < ds.size(); i++) {
                Dfs.Decision d = ds.get(i);
                for (int j = 0; j < d.others().length; j++) {
                    int cost = d.preemptionsBefore() + d.costs()[j];
                    if (cost > bound) continue;
                    int[] next = new int[i + 1];
                    for (int x = 0; x < i; x++) next[x] = ds.get(x).chosen();
                    next[i] = d.others()[j];
                    levels.get(cost).add(next);
                }
            }
        }
        return new Result(done, inconclusive, true, null, null, 0, false);
    }
}
