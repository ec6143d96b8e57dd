package safepoint.vm.run;

import java.util.List;

/**
 * What a run did besides its outcome: in controlled mode, its scheduling points, the sync points
 * PCT counted (explore's estimate of k), its preemptions (switches away from a thread that could
 * have gone on), its choices (the schedule), whether it reached a choice that another schedule
 * could make differently, and a dfs run's decisions (from which the search builds the next
 * runs) and, for a dpor search, its steps' footprints. A free run, or a program that failed to compile, has {@link #NONE}.
 */
public record RunReport(long steps, long syncPoints, int preemptions, List<long[]> choices, boolean hadChoice,
        List<Dfs.Decision> dfsDecisions, List<StepLog.Step> dfsSteps) {
    public static final RunReport NONE = new RunReport(0, 0, 0, List.of(), false, List.of(), List.of());

    public RunReport {
        // Views, not copies: the controller that filled the lists is gone when the report is made.
        choices = java.util.Collections.unmodifiableList(choices);
        dfsDecisions = java.util.Collections.unmodifiableList(dfsDecisions);
        dfsSteps = java.util.Collections.unmodifiableList(dfsSteps);
    }

    /** The schedule as a string (what --schedule replays), for the program of this text. */
    public String schedule(String programText) {
        return encode(choices, programText);
    }

    /** A schedule string for these choices and the program of this text. */
    public static String encode(List<long[]> choices, String programText) {
        return Controller.encode(choices, Controller.digest(programText));
    }
}
