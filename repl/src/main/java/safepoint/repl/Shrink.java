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
    static final int SHRINK_SEARCH = 3000;

    /**
     * Shrink a failing schedule to the fewest preemptions that still fail the same way. First
     * drop choices one at a time (later ones first), keeping each drop after which the run still
     * fails; past the remaining choices the run goes on without preemption. Then search, fewest
     * preemptions first, every schedule with fewer preemptions than that ({@link DfsSearch});
     * the first failure it finds has the fewest possible.
     */
    static String shrink(ProgramRuns runs, String text, String file, RunSettings settings, java.util.List<long[]> failing,
            Outcome failure, int preemptions) {
        long machineSeed = settings.control().seed();
        long maxSteps = settings.control().maxSteps();
        Failure kind = failure.failure();
        java.util.List<long[]> best = failing;
        int bestPreemptions = preemptions;
        int budget = SHRINK_DROPS;
        boolean changed = true;
        while (changed && budget > 0) {
            changed = false;
            for (int i = best.size() - 1; i >= 0 && budget > 0; i--) {
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
        if (bestPreemptions > 0) {
            DfsSearch.Result r = DfsSearch.search(runs, machineSeed, bestPreemptions - 1, maxSteps, SHRINK_SEARCH, out -> same(kind, out));
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
        String shrunk = Machine.scheduleString(best, text);
        return "shrunk schedule (" + Explore.preemptions(bestPreemptions) + proof + "; from " + preemptions
                + "): " + Explore.replayLines("replay it", runs, file, text, settings, shrunk, failure);
    }

}
