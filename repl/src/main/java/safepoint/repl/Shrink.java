package safepoint.repl;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import safepoint.vm.analysis.Failure;
import safepoint.vm.run.Chooser;
import safepoint.vm.run.RunSettings;
import safepoint.vm.search.DfsSearch;
import safepoint.vm.search.ProgramRuns;


/** Shrinking a failing schedule to the fewest preemptions that still fail the same way. */
final class Shrink {
    private Shrink() {}

    /** Whether {@code r} fails as {@code kind} does: the VM's record of what failed, equal (a diverged replay has none). */
    static boolean same(Failure kind, Outcome r) {
        return kind != null && kind.equals(r.failure());
    }

    static boolean fails(Outcome r) {
        return safepoint.vm.search.SeedSearch.fails(r);
    }

    /** Replays left in a shrink: dropping choices, then the dfs search for fewer preemptions. */
    static final int SHRINK_DROPS = 300;
    static final int SHRINK_SEARCH = 50_000;
    /** Wall-clock budget of one shrink (the failure is reported before it starts, so this only bounds the wait). */
    static final long BUDGET_NANOS = 20_000_000_000L;

    /**
     * Shrink a failing schedule to the fewest preemptions that still fail the same way. First
     * drop choices one at a time (later ones first), keeping each drop after which the run still
     * fails; past the remaining choices the run goes on without preemption. Then search, fewest
     * preemptions first, every schedule with fewer preemptions than that ({@link DfsSearch});
     * the first failure it finds has the fewest possible. Bounded by runs and by
     * {@link #BUDGET_NANOS}; when Java runs out of memory the shrink stops and says so, and the
     * failure as found (printed before) stands. Never reports more preemptions than it was given.
     */
    static String shrink(ProgramRuns runs, String text, String file, RunSettings settings, java.util.List<long[]> failing,
            Outcome failure, int preemptions) {
        long until = System.nanoTime() + BUDGET_NANOS;
        try {
            return shrunk(runs, text, file, settings, failing, failure, preemptions, until);
        } catch (OutOfMemoryError e) {
            return "shrinking stopped: Java ran out of memory replaying the program; the schedule above is the failure as found ("
                    + Explore.preemptions(preemptions) + ")\n";
        }
    }

    private static boolean late(long until) {
        return System.nanoTime() - until > 0;
    }

    private static String shrunk(ProgramRuns runs, String text, String file, RunSettings settings, java.util.List<long[]> failing,
            Outcome failure, int preemptions, long until) {
        long machineSeed = settings.control().seed();
        long maxSteps = settings.control().maxSteps();
        Failure kind = failure.failure();
        java.util.List<long[]> best = failing;
        int bestPreemptions = preemptions;
        int budget = SHRINK_DROPS;
        boolean changed = true;
        while (changed && budget > 0 && !late(until)) {
            changed = false;
            for (int i = best.size() - 1; i >= 0 && budget > 0 && !late(until); i--) {
                java.util.List<long[]> trial = new java.util.ArrayList<>(best);
                trial.remove(i);
                budget--;
                Machine vm = runs.next(machineSeed);
                vm.configure(vm.settings().controlled(machineSeed, Chooser.shrinking(trial)).withMaxSteps(maxSteps));
                Outcome r = runs.run();
                if (fails(r) && same(kind, r) && r.report().preemptions() <= bestPreemptions) {
                    best = r.report().choices();
                    bestPreemptions = r.report().preemptions();
                    changed = true;
                    break;
                }
            }
        }
        String proof = "";
        long searched = 0;
        if (bestPreemptions > 0) {
            // The reduced search (dpor), as explore's dfs: it proves "fewer fails no way" in fewer runs.
            DfsSearch.Result r = safepoint.vm.search.DporSearch.search(runs, machineSeed, bestPreemptions - 1, maxSteps, SHRINK_SEARCH,
                    out -> same(kind, out), () -> late(until), w -> {});
            searched = r.schedules();
            if (r.failure() != null) {
                best = r.failingChoices();
                bestPreemptions = r.failurePreemptions();
                proof = ", the fewest: every schedule with fewer passes";
            } else if (r.complete()) {
                proof = ", the fewest: every schedule with fewer passes";
            }
        } else {
            proof = ", the fewest possible";
        }
        if (bestPreemptions >= preemptions && proof.isEmpty()) {
            // Nothing gained and nothing proven: say so instead of printing the same schedule as "shrunk".
            return "shrinking found no schedule with fewer than " + Explore.preemptions(preemptions) + " that fails the same way ("
                    + searched + " schedules searched" + (late(until) ? ", time budget spent" : "") + "); the schedule above stands\n";
        }
        String shrunk = Machine.scheduleString(best, text);
        return "shrunk schedule (" + Explore.preemptions(bestPreemptions) + proof + "; from " + preemptions
                + "): " + Explore.replayLines("replay it", runs, file, text, settings, shrunk, failure);
    }

}
