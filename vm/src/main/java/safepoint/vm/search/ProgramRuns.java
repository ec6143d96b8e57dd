package safepoint.vm.search;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.function.Consumer;

/**
 * A program compiled once on one VM and run many times, each run starting from the state right
 * after compiling ({@link Snapshot}): what explore, dfs and shrinking do for every schedule. A
 * run here is the run a fresh VM makes with the same seed ({@code RewindTest}). One thread at a
 * time: each worker owns its own.
 */
public final class ProgramRuns {
    private final Machine vm;
    private final Machine.Prepared program;
    private final Checkpoint snapshot;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Build the VM, let {@code setup} configure it (processors, heap: what every run keeps), compile the program. */
    public ProgramRuns(String text, String file, Consumer<Machine> setup) {
        vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        setup.accept(vm);
        program = vm.prepare(text, file);
        snapshot = Checkpoint.of(vm, program);
    }

    /**
     * Rewind for a run seeded with {@code seed}, back to the settings {@code setup} gave;
     * configure the returned VM for this run (controlled mode, its chooser), then {@link #run}.
     */
    public Machine next(long seed) {
        out = new StringWriter();
        err = new StringWriter();
        snapshot.rewind(out, err, seed);
        return vm;
    }

    public Outcome run() {
        return vm.run(program);
    }

    /** What the last run wrote to its standard output. */
    public String output() {
        return out.toString();
    }
}
