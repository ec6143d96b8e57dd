package safepoint.vm.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.run.Dfs;
import safepoint.vm.run.StepLog;

/**
 * The race analysis on hand-made steps: what a race adds to the backtrack sets (source-set
 * initials, not FG's all), and that a spawn orders the thread's first step.
 */
class DporRacesTest {
    private static final Object X = "x";
    private static final Object Y = "y";

    /** A decision on processor 0 (thread 0) with the others {@code threads} on processors 1.. */
    private static DporSearch.Node node(int... threads) {
        int[] others = new int[threads.length];
        for (int k = 0; k < others.length; k++) others[k] = k + 1;
        return new DporSearch.Node(new Dfs.Decision(0, others, new int[threads.length], 0, false, 0, threads));
    }

    private static StepLog.Step step(int decision, int processor, int thread, Object write, int... enabled) {
        return new StepLog.Step(decision, -1, processor, thread, new Object[0], new Object[] {write}, false, false, enabled, false);
    }

    @Test
    void aSpawnedThreadsFirstStepIsNoRaceWithItsSpawn() {
        Object child = "thread 1";
        // Thread 0 starts thread 1 (both write it); thread 1, on no processor at the decision, then runs.
        List<DporSearch.Node> path = List.of(node(2));
        DporSearch.Races.backtrack(List.of(step(0, 0, 0, child, 1), step(-1, 5, 1, child)), path, 2);
        assertEquals("{0}", path.get(0).backtrack.toString(), "nothing to reverse: thread 1 cannot run before it is started");
    }

    @Test
    void withoutTheStartTheSameStepsAreARaceAndEveryOptionIsTried() {
        Object child = "thread 1";
        List<DporSearch.Node> path = List.of(node(2));
        DporSearch.Races.backtrack(List.of(step(0, 0, 0, child), step(-1, 5, 1, child)), path, 2);
        assertEquals("{0, 1}", path.get(0).backtrack.toString(), "thread 1 is no option there: FG's all");
    }

    @Test
    void aRaceWhoseThreadIsNoOptionAddsOneOfItsInitialsNotAll() {
        // Thread 0 writes x; thread 2 writes y (independent, first after it); thread 1, on no
        // processor at the decision, writes x: reversing needs thread 2 (an initial) first, not thread 3.
        List<DporSearch.Node> path = List.of(node(2, 3));
        DporSearch.Races.backtrack(List.of(step(0, 0, 0, X), step(-1, 1, 2, Y), step(-1, 5, 1, X)), path, 2);
        assertEquals("{0, 1}", path.get(0).backtrack.toString());
    }

    @Test
    void anInitialAlreadyHeldWithinTheBoundAddsNothing() {
        List<DporSearch.Node> path = List.of(node(2, 3));
        path.get(0).backtrack.set(2);
        DporSearch.Races.backtrack(List.of(step(0, 0, 0, X), step(-1, 1, 3, Y), step(-1, 5, 1, X)), path, 2);
        assertEquals("{0, 2}", path.get(0).backtrack.toString());
    }
}
