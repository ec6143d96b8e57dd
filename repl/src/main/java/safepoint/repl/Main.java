package safepoint.repl;

import safepoint.vm.run.Outcome;
import safepoint.repl.view.RunningText;
import safepoint.repl.view.ThreadsText;
import safepoint.vm.Machine;
import safepoint.vm.run.Chooser;
import safepoint.vm.run.Pct;
import safepoint.vm.run.RunSettings;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code safepoint} command. Exit statuses follow DESIGN.md: 0 normal, 1 uncaught Scheme
 * error (in any thread), 2 usage error, 3 deadlock proven, 4 timeout or step bound reached, 5 (explore
 * and replay) the program fails before its first scheduling choice, 70 internal error (one line;
 * SAFEPOINT_DEBUG=1 adds the Java trace). No Java stack trace reaches the user.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.in, System.out, System.err, System.console() != null);
        } catch (Throwable t) {
            // A bug in Safepoint: say so plainly, keep the trace out of the user's way.
            System.out.flush();
            System.err.println("*** Safepoint internal error: " + t + (t instanceof OutOfMemoryError
                    ? " (Java's own heap is full: SAFEPOINT_JAVA_OPTS=-Xmx... gives it more)" : ""));
            if (System.getenv("SAFEPOINT_DEBUG") != null) t.printStackTrace();
            status = 70;
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Run the command with the given streams; {@code terminal} says whether to show a banner and prompt. */
    static int run(String[] args, java.io.InputStream stdin, java.io.PrintStream stdout, java.io.PrintStream stderr,
            boolean terminal) throws IOException {
        Options o;
        try {
            o = Options.parse(args);
        } catch (Options.UsageError e) {
            stderr.println("safepoint: " + e.getMessage());
            stderr.print(Options.USAGE);
            return 2;
        }
        Writer out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
        Writer err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        switch (o.command()) {
            case "help" -> {
                stdout.print(Options.USAGE);
                return 0;
            }
            case "bench" -> {
                return Bench.main(o, out);
            }
            case "inspect" -> {
                return Attach.inspect(o.attach(), err);
            }
            default -> { }
        }
        java.io.BufferedReader in = new java.io.BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        boolean editing = terminal && o.command().equals("repl");
        // On a terminal the line editor owns the input and feeds the console (LineEditor, ConsoleFeed).
        AboveThePrompt screenOut = editing ? new AboveThePrompt(out) : null;
        AboveThePrompt screenErr = editing ? new AboveThePrompt(err) : null;
        if (editing) {
            out = screenOut;
            err = screenErr;
        }
        if (o.command().equals("test")) return TestCommand.run(o, in, out, err);
        Machine vm = machine(o, editing ? null : in, out, err);
        if (o.command().equals("explore")) {
            Explore.INTERRUPTED.set(false);
            Interrupts.install(() -> Explore.INTERRUPTED.set(true));
            return Explore.run(o, out, err);
        }
        Interrupts.install(vm);
        if (o.command().equals("replay")) {
            String file = o.operands().get(0);
            String text = readProgram(file, err);
            if (text == null) return 2;
            String schedule = o.schedule();
            if (o.scheduleFile() != null) {
                try {
                    schedule = Files.readString(Path.of(o.scheduleFile()), StandardCharsets.UTF_8).strip();
                } catch (IOException | java.nio.file.InvalidPathException e) {
                    err.write("safepoint: cannot read the schedule file " + o.scheduleFile()
                            + (e instanceof NoSuchFileException ? ": no such file" : "") + "\n");
                    err.flush();
                    return 2;
                }
            }
            if (schedule != null) {
                try {
                    StringBuilder warning = new StringBuilder();
                    vm.configure(vm.settings().choosing(Chooser.replay(schedule, text, warning)));
                    if (warning.length() > 0) err.write(warning + "\n");
                } catch (IllegalArgumentException e) {
                    err.write("safepoint: " + e.getMessage() + (o.scheduleFile() != null ? " (in " + o.scheduleFile() + ")" : "") + "\n");
                    err.flush();
                    return 2;
                }
            }
            Outcome r = vm.load(text, file);
            int status = report(r, err);
            if (r.failedBeforeAnyChoice()) {
                err.write(PLAIN_FAILURE + "\n");
                err.flush();
                return 5;
            }
            return status;
        }
        safepoint.inspector.attach.AttachServer server = null;
        Attach.Later control = o.control() ? new Attach.Later() : null;
        if (o.listen() != null && (server = Attach.listen(vm, o.listen(), err, control)) == null) return 2;
        try {
            return runCommand(o, vm, terminal, editing, out, err, screenOut, screenErr, control);
        } finally {
            if (server != null) server.close();
        }
    }

    private static int runCommand(Options o, Machine vm, boolean terminal, boolean editing, Writer out, Writer err, AboveThePrompt screenOut,
            AboveThePrompt screenErr, Attach.Later control) throws IOException {
        return switch (o.command()) {
            case "run" -> runFile(vm, o.operands().get(0), err);
            case "eval" -> evalText(vm, o.expr(), out, err);
            default -> {
                if (o.inspector() && !editing) {
                    err.write("safepoint: --inspector needs a terminal (the panes are drawn above the prompt); going on without it\n");
                    err.flush();
                }
                Repl repl = editing ? new Repl(vm, out, err, new LineEditor(vm, LineEditor.systemTerminal(), screenOut, screenErr))
                        : new Repl(vm, out, err, terminal);
                if (control != null) control.to(repl.remoteControl());
                yield (o.inspector() ? repl.withPanes() : repl).run();
            }
        };
    }

    /** A machine set up as the options say: processors, heap, timeout, and controlled mode with --seed. */
    static Machine machine(Options o, java.io.BufferedReader in, Writer out, Writer err) {
        Machine vm = new Machine(out, err, in, o.seed() == null ? 0 : o.seed());
        if (o.timeoutSecs() != null) vm.deadline = System.nanoTime() + (long) (o.timeoutSecs() * 1e9);
        RunSettings settings = RunSettings.freeRun(o.processors()).withLocks(o.locks());
        if (o.heapBytes() != null) settings = settings.withHeapBytes(o.heapBytes());
        if (o.seed() != null) {
            settings = settings.controlled(o.seed(), o.depth() != null ? new Chooser.Pct(o.depth(), Pct.DEFAULT_K)
                    : Chooser.named(o.strategy() == null ? "random" : o.strategy()));
            if (o.maxSteps() != null) settings = settings.withMaxSteps(o.maxSteps());
        }
        vm.configure(settings);
        return vm;
    }

    /** Exit 5 (DESIGN.md): a failure that no schedule could have avoided. */
    static final String PLAIN_FAILURE = "safepoint: the program fails before its first scheduling choice, so every schedule"
            + " fails the same way: this is a plain error, not a schedule problem (exit 5)";

    static String readProgram(String file, Writer err) throws IOException {
        try {
            return ProgramText.read(Path.of(file));
        } catch (IOException e) {
            err.write("safepoint: cannot read " + file + (e.getMessage() != null && e.getMessage().startsWith("not UTF-8") ? ": " + e.getMessage() : "") + "\n");
            err.flush();
            return null;
        }
    }

    private static int runFile(Machine vm, String file, Writer err) throws IOException {
        String text;
        try {
            text = ProgramText.read(Path.of(file));
        } catch (NoSuchFileException e) {
            err.write("safepoint: no such file: " + file + "\n");
            err.flush();
            return 2;
        } catch (IOException e) {
            err.write("safepoint: cannot read " + file + ": " + e.getMessage() + "\n");
            err.flush();
            return 2;
        }
        vm.commandLine(java.util.List.of(file));
        Outcome r = vm.load(text, file);
        int status = report(r, err);
        RunSettings s = vm.settings();
        if (s.controlled() && (r.status() == Outcome.Status.ERROR || r.status() == Outcome.Status.DEADLOCK)) {
            ReplayCommand.Printed replay = ReplayCommand.of(file, s, r.report().schedule(text));
            err.write("schedule: " + replay.shown() + "\n(replay: " + (replay.command() == null ? "none" : "./safepoint " + replay.command()) + ")\n");
            err.flush();
        }
        return status;
    }

    private static int evalText(Machine vm, String text, Writer out, Writer err) throws IOException {
        java.util.List<Object> forms;
        try {
            forms = vm.readAll(text, "(console)");
        } catch (safepoint.vm.data.SchemeError e) {
            return report(vm.load(text, "(console)"), err);
        }
        for (Object form : forms) {
            Outcome r = vm.eval(form, "(console)");
            if (r.status() != Outcome.Status.VALUE) return report(r, err);
            String shown = vm.showResult(r.value());
            if (!shown.isEmpty()) {
                out.write(shown);
                out.write('\n');
                out.flush();
            }
        }
        return 0;
    }

    /** Print an outcome's error (if any) and give the exit status. */
    static int report(Outcome r, Writer err) throws IOException {
        switch (r.status()) {
            case VALUE -> {
                return 0;
            }
            case EXIT -> {
                return r.exitCode();
            }
            default -> {
                err.write(r.errorText());
                // A stall report: the machine as it was, thread by thread; at the step bound, what was still running.
                if (r.view() != null && r.status() == Outcome.Status.TIMEOUT) {
                    err.write(("\nstill running at the bound:\n" + RunningText.of(r.view())).stripTrailing());
                } else if (r.view() != null) {
                    err.write(("\n" + ThreadsText.of(r.view()).indent(2)).stripTrailing());
                }
                err.write('\n');
                err.flush();
                return r.exitCode();
            }
        }
    }
}
