package safepoint.vm.run;

import java.util.List;
import safepoint.vm.analysis.Failure;
import safepoint.vm.analysis.Warning;
import safepoint.vm.interp.Stop;
import safepoint.vm.observe.MachineView;

/**
 * The outcome of running one form or program: for an error or a deadlock, what failed as
 * data ({@code failure}, null otherwise and for a replay that diverged); the race and
 * lock-order warnings the run found (also printed on its stderr; they change no exit
 * status); and {@code view}, when not null, the machine as the report found it: the caller
 * shows its threads after the error text (a stall report); and {@code report}, what the run
 * did (its schedule, steps, preemptions in controlled mode; {@link RunReport#NONE} else); and
 * {@code stop}, the evaluation an uncaught error or Ctrl-C stopped (a debugger level's), or null.
 */
public record Outcome(Status status, Object value, String errorText, int exitCode, Failure failure, List<Warning> warnings,
        MachineView view, RunReport report, Stop stop) {
    /** How a program or evaluation ended. */
    public enum Status { VALUE, ERROR, EXIT, TIMEOUT, DEADLOCK }

    public Outcome {
        warnings = List.copyOf(warnings);
        if (report == null) throw new IllegalArgumentException("an outcome needs a report (RunReport.NONE when nothing ran)");
    }

    public Outcome(Status status, Object value, String errorText, int exitCode, Failure failure, List<Warning> warnings,
            MachineView view, RunReport report) {
        this(status, value, errorText, exitCode, failure, warnings, view, report, null);
    }

    public Outcome(Status status, Object value, String errorText, int exitCode, Failure failure, List<Warning> warnings,
            MachineView view) {
        this(status, value, errorText, exitCode, failure, warnings, view, RunReport.NONE);
    }

    public Outcome(Status status, Object value, String errorText, int exitCode) {
        this(status, value, errorText, exitCode, null, List.of(), null);
    }

    /** The outcome as the run ends it: with the warnings it found and its report. */
    public Outcome finished(List<Warning> found, RunReport ran) {
        return new Outcome(status, value, errorText, exitCode, failure, found, view, ran, stop);
    }

    /**
     * The outcome with the computation it stopped ({@code stop}: where an error found no handler,
     * kept for a debugger level); null when nothing stopped that a level could visit.
     */
    public Outcome withStop(Stop s) {
        return new Outcome(status, value, errorText, exitCode, failure, warnings, view, report, s);
    }

    /**
     * A failure before any scheduling choice is the same under every schedule: a plain error,
     * not a schedule problem (exit 5 in explore and replay). Always so in free run.
     */
    public boolean failedBeforeAnyChoice() {
        return (status == Status.ERROR || status == Status.DEADLOCK) && !report.hadChoice();
    }
}
