package safepoint.repl;

import safepoint.vm.run.Outcome;
import safepoint.repl.view.LocksText;
import safepoint.repl.view.TablesText;
import safepoint.repl.view.ProcessorsText;
import safepoint.repl.view.HeapText;
import safepoint.repl.view.ThreadsText;
import safepoint.vm.Machine;
import safepoint.vm.analysis.ExplanationText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;
import safepoint.vm.data.Condition;
import safepoint.vm.data.ConsoleInput;
import safepoint.vm.data.SchemeError;

/**
 * The REPL: reads input until it holds complete datums, evaluates each, prints each result
 * (nothing for #!void) and keeps going after errors. On a terminal a line editor reads it
 * ({@link LineEditor}: banner, prompt, history, completion); piped or redirected, plain lines from
 * the VM's console, with no banner and no prompt.
 */
final class Repl {
    private final Machine vm;
    private final Writer out;
    private final Writer err;
    private final boolean interactive;
    private final ConsoleInput in;
    /** The terminal's line editor, or null for plain lines. */
    private final LineEditor editor;
    /** Gambit's nested levels (interactive only: piped input stays at the top level after an error). */
    private final Levels levels;
    /** The panes above the prompt ({@code --inspector}, {@code ,inspect on}), or null. */
    private SplitScreen split;

    /** {@code --inspector}: start with the panes above the prompt. */
    Repl withPanes() {
        if (editor != null) split = new SplitScreen(editor.terminal, vm);
        return this;
    }

    /** ,pause and the paused world's commands. */
    private final World world;

    /**
     * Lines come from the VM's console, which its console port shares: a program reading
     * (current-input-port) reads the lines after the expression that asked.
     */
    Repl(Machine vm, Writer out, Writer err, boolean interactive) {
        this(vm, out, err, interactive, interactive);
    }

    /** {@code levels}: errors open debugger levels (tests of the levels run them with piped input). */
    Repl(Machine vm, Writer out, Writer err, boolean interactive, boolean levels) {
        this.vm = vm;
        this.in = vm.console();
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.editor = null;
        this.levels = levels ? new Levels(vm) : null;
        this.world = newWorld();
    }

    /** On a terminal: lines come from the editor, which feeds the console when a program reads it. */
    Repl(Machine vm, Writer out, Writer err, LineEditor editor) {
        this.vm = vm;
        this.in = vm.console();
        this.out = out;
        this.err = err;
        this.interactive = true;
        this.editor = editor;
        this.levels = new Levels(vm);
        this.world = newWorld();
    }

    /** The control keys of viewers attached with {@code --listen PORT --control}: the paused world's, while the prompt waits. */
    safepoint.inspector.Control remoteControl() {
        return world.remoteControl();
    }

    /** The world's commands; ,replay's evaluations are shown as typed ones are. */
    private World newWorld() {
        World w = new World(vm, out, err);
        if (levels != null) levels.runner = (form, run) -> w.paused() ? w.eval(form, run) : run.get();
        w.evaluator(form -> {
            Outcome o = evaluate(form);
            try {
                show(o);
            } catch (IOException e) {
                // the terminal is gone
            }
            return o;
        });
        return w;
    }

    static final String BANNER = "Safepoint 0.1 (Gerbil on a model of Gambit's SMP VM). Ctrl-D exits.\n";

    /**
     * The editor's loop: one accepted input (one line, or an indented multi-line datum) at a
     * time, at the current level's prompt. While the prompt waits the machine runs on, and what
     * its threads print goes above the line being typed (LineEditor.readLine). Ctrl-C while
     * typing drops the line; Ctrl-D on an empty line leaves the current level, and at the top
     * ends the session.
     */
    private int runEditing() throws IOException {
        out.write(BANNER);
        out.flush();
        for (;;) {
            vm.runInBackground();
            String text;
            world.atPrompt(); // an attached viewer's control lines may act while the prompt waits (World.remoteControl)
            try {
                try {
                    text = editor.readLine(levels.prompt());
                } finally {
                    world.working();
                }
            } catch (UserInterruptException e) {
                if (announceBackground()) return exitStatus;
                continue;
            } catch (EndOfFileException e) {
                if (announceBackground()) return exitStatus;
                if (levels.leave()) continue;
                break;
            }
            if (announceBackground()) return exitStatus;
            int lines = 1 + (int) text.chars().filter(ch -> ch == '\n').count();
            if (SchemeParser.command(text)) {
                if (command(text.strip())) break;
            } else if (!text.isBlank()) {
                try (ConsoleFeed feed = new ConsoleFeed(vm, editor.programReader)) {
                    evalPending(text + "\n", true); // complete or malformed: the parser keeps incomplete input open
                } catch (ExitRequest e) {
                    out.flush();
                    return e.status;
                }
            }
            consoleLine += lines;
        }
        out.write("\n");
        out.flush();
        if (split != null) split.close();
        return 0;
    }

    int run() throws IOException {
        if (editor != null) return runEditing();
        if (interactive) out.write(BANNER);
        StringBuilder pending = new StringBuilder();
        int lastStatus = 0;
        for (;;) {
            if (interactive) {
                out.write(pending.length() == 0 ? (levels == null ? "> " : levels.prompt()) : "  ");
                out.flush();
            }
            // While the prompt waits, the other threads go on (free run; see Machine.runInBackground).
            if (interactive) vm.runInBackground();
            world.atPrompt(); // an attached viewer's control lines may act while the prompt waits (World.remoteControl)
            String line;
            try {
                line = in.readLine();
            } finally {
                world.working();
            }
            if (interactive && announceBackground()) return exitStatus;
            if (line == null) {
                if (pending.toString().isBlank()) break;
                line = "";
                // Input ended inside a datum: evaluate what we have so the user sees the read error.
                try {
                    lastStatus = evalPending(pending.toString(), true);
                } catch (ExitRequest e) {
                    out.flush();
                    return e.status;
                }
                break;
            }
            if (pending.length() == 0 && line.strip().startsWith(",")) {
                if (command(line.strip())) break;
                consoleLine++;
                continue;
            }
            pending.append(line).append('\n');
            int r;
            try {
                r = evalPending(pending.toString(), false);
            } catch (ExitRequest e) {
                out.flush();
                return e.status;
            }
            if (r != INCOMPLETE) {
                consoleLine += (int) pending.chars().filter(ch -> ch == '\n').count();
                pending.setLength(0);
                lastStatus = r;
            }
        }
        if (interactive) out.write("\n");
        out.flush();
        return 0;
    }

    private int exitStatus;

    /**
     * What the threads did on their own while the prompt waited: their uncaught errors, or an
     * exit (which ends the session, true). A command looks at the machine as it runs on; an
     * evaluation ends the background run first.
     */
    private boolean announceBackground() throws IOException {
        Outcome o = vm.backgroundEnded();
        out.flush();
        if (o == null) return false;
        if (o.status() == Outcome.Status.EXIT) {
            exitStatus = o.exitCode();
            return true;
        }
        Main.report(o, err);
        err.flush();
        return false;
    }

    /** REPL commands (Gambit's comma commands). Returns true to end the session. */
    private boolean command(String cmd) throws IOException {
        if (levels == null && Commands.isLevelCommand(cmd)) {
            err.write(cmd + " works on a debugger level, which only the interactive REPL opens (at an error or a Ctrl-C); piped input stays at the top level\n");
            err.flush();
            return false;
        }
        if (world.command(cmd, out, err)) return false;
        Levels.Done done = levels == null ? null : levels.command(cmd, out, err);
        if (done != null) {
            if (done.continued() != null) show(done.continued());
            out.flush();
            err.flush();
            return false;
        }
        switch (cmd) {
            case ",q", ",quit" -> {
                return true;
            }
            case ",threads", ",st" -> out.write(ThreadsText.of(vm.look()));
            case ",locks" -> out.write(LocksText.of(vm.look()));
            case ",tables" -> out.write(TablesText.of(vm.look()));
            case ",procs" -> out.write(ProcessorsText.of(vm.look()));
            case ",events" -> out.write(EventText.last(vm.events, 40));
            case ",heap" -> out.write(HeapText.of(vm.look().heap()));
            case ",gc" -> gc();
            case ",deadlock" -> out.write(ExplanationText.survey(vm.survey()));
            case ",inspect" -> inspect();
            case ",inspect on" -> panes(true);
            case ",inspect off" -> panes(false);
            case ",explore" -> err.write(",explore needs a program: ,explore FILE [RUNS] [options of ./safepoint explore]\n");
            case ",why" -> err.write(",why needs a thread: a number as in #<thread 3>, or a name (,threads lists them)\n");
            case ",help", ",?" -> out.write(Commands.help());
            default -> {
                if (cmd.startsWith(",why ")) out.write(ExplanationText.why(vm.why(cmd.substring(5))));
                else if (cmd.startsWith(",events ")) events(cmd.substring(8).strip());
                else if (cmd.startsWith(",? ") || cmd.startsWith(",help ")) out.write(Commands.explain(cmd.substring(cmd.indexOf(' ') + 1).strip()));
                else if (cmd.startsWith(",explore ")) explore(cmd.substring(9).strip());
                else err.write("Unknown REPL command " + cmd + " (try ,help)\n");
            }
        }
        out.flush();
        err.flush();
        return false;
    }

    /**
     * {@code ,inspect}: the inspector takes the terminal until {@code q}; the machine runs on
     * meanwhile (in the background, as while the prompt waits), so the panes are live.
     */
    private void inspect() throws IOException {
        if (editor == null) {
            err.write(",inspect needs the interactive REPL on a terminal (the inspector draws full screen)\n");
            return;
        }
        out.flush();
        vm.runInBackground();
        String visit = null;
        if (split != null) split.suspend();
        org.jline.terminal.Attributes saved = editor.terminal.enterRawMode();
        try {
            InspectorTerminal screen = InspectorTerminal.on(editor.terminal);
            try {
                visit = safepoint.inspector.Inspector.run(safepoint.inspector.Feed.of(vm), screen, world.control());
            } finally {
                screen.release();
            }
        } catch (IOException | RuntimeException e) {
            err.write("The inspector could not use this terminal: " + e.getMessage() + "\n");
        } finally {
            editor.terminal.setAttributes(saved);
            if (split != null) split.resume();
        }
        world.reportEnded(out, err);
        if (world.paused()) out.write("The world is paused at step " + world.steps() + " (,step, ,back, ,resume)\n");
        if (visit != null) visit(visit);
    }

    /** {@code ,inspect on|off}: the panes above the prompt, or the REPL alone. */
    private void panes(boolean show) throws IOException {
        if (editor == null) {
            err.write(",inspect on needs the interactive REPL on a terminal\n");
        } else if (show && split == null) {
            split = new SplitScreen(editor.terminal, vm);
        } else if (!show && split != null) {
            split.close();
            split = null;
        }
    }

    /** The inspector's v: a level on the thread that was under the cursor. */
    private void visit(String name) throws IOException {
        safepoint.vm.observe.ThreadView t = World.thread(vm.look(), name);
        Object thread = t == null ? null : vm.threadNumbered(t.thread().id());
        if (thread == null) {
            err.write(name + " has ended: there is nothing to visit\n");
            return;
        }
        levels.visitThread(new Outcome(Outcome.Status.VALUE, thread, null, 0), out, err);
    }

    private static final int INCOMPLETE = -1;
    /** Line number of the next input on the console, for gsi-style positions ((console)@3.1). */
    private int consoleLine = 1;

    /** {@code (exit n)} typed at the REPL ends the session with that status. */
    static final class ExitRequest extends RuntimeException {
        final int status;

        ExitRequest(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private int evalPending(String text, boolean atEnd) throws IOException {
        List<Object> forms;
        try {
            forms = vm.readAll(text, "(console)", consoleLine);
        } catch (SchemeError e) {
            if (!atEnd && e.payload instanceof Condition c && c.message.startsWith("Incomplete form")) return INCOMPLETE;
            Main.report(vm.load(text, "(console)"), err);
            return 1;
        }
        int status = 0;
        for (Object form : forms) status = Math.max(status, show(evaluate(form)));
        return status;
    }

    /** One form typed at the current level: in the paused world, under its controller. */
    private Outcome evaluate(Object form) {
        java.util.function.Supplier<Outcome> typed = () -> levels == null ? vm.eval(form, "(console)") : levels.eval(form, "(console)");
        return world.paused() ? world.eval(form, typed) : typed.get();
    }

    /** {@code ,events N}: the last N events. */
    private void events(String n) throws IOException {
        if (n.matches("\\d{1,6}") && Integer.parseInt(n) > 0) out.write(EventText.last(vm.events, Integer.parseInt(n)));
        else err.write(",events takes how many of the last events to show, as in ,events 100\n");
    }

    /** {@code ,gc}: a collection now, through the barrier as (gc) asks for one, and what it kept. */
    private void gc() throws IOException {
        long before = vm.look().heap().collections();
        Outcome o = evaluate(vm.readAll("(gc)", "(,gc)").get(0));
        if (o.status() != Outcome.Status.VALUE) {
            Main.report(o, err);
            return;
        }
        safepoint.vm.observe.HeapView h = vm.look().heap();
        out.write((h.collections() > before ? "Collected: " : "No collection ran: ") + HeapText.of(h));
    }

    /** {@code ,explore FILE [RUNS]}: the command line's explore, from the prompt; Ctrl-C ends it with what it found. */
    private void explore(String args) throws IOException {
        String[] words = args.split("\\s+");
        List<String> argv = new java.util.ArrayList<>(List.of("explore", words[0]));
        int rest = 1;
        if (words.length > 1 && words[1].matches("\\d{1,9}")) {
            argv.add("--runs");
            argv.add(words[1]);
            rest = 2;
        }
        if (!List.of(words).contains("-p")) {
            argv.add("-p");
            argv.add(String.valueOf(vm.settings().processors()));
        }
        for (int i = rest; i < words.length; i++) argv.add(words[i]);
        Options o;
        try {
            o = Options.parse(argv.toArray(new String[0]));
        } catch (Options.UsageError e) {
            err.write(",explore FILE [RUNS] [options of ./safepoint explore]: " + e.getMessage() + "\n");
            return;
        }
        out.flush();
        Explore.INTERRUPTED.set(false);
        Runnable before = vm.onInterrupt;
        vm.onInterrupt = () -> Explore.INTERRUPTED.set(true);
        try {
            Explore.run(o, out, err);
        } finally {
            vm.onInterrupt = before;
        }
    }

    /** Print what an evaluation gave: its value, or its error (which opens a level); 1 after an error. */
    private int show(Outcome r) throws IOException {
        switch (r.status()) {
            case VALUE -> {
                String shown = vm.showResult(r.value());
                if (!shown.isEmpty()) {
                    out.write(shown);
                    out.write('\n');
                }
                out.flush();
                return 0;
            }
            case EXIT -> {
                out.flush();
                throw new ExitRequest(r.exitCode());
            }
            default -> {
                out.flush();
                String interrupted = Levels.interrupted(r);
                if (interrupted != null && levels == null && Levels.atBreak(r)) {
                    err.write(interrupted.stripTrailing() + " (piped input opens no debugger level: the evaluation ends here)\n");
                    err.flush();
                } else if (interrupted != null && levels != null) {
                    if (editor != null && !Levels.atBreak(r)) err.write("\n"); // the terminal echoed ^C where the cursor was
                    err.write(interrupted);
                    err.flush();
                } else {
                    Main.report(r, err);
                }
                if (levels != null) levels.ended(r);
                return 1;
            }
        }
    }
}
