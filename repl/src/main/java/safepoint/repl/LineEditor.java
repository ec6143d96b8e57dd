package safepoint.repl;

import java.nio.file.Path;
import java.util.HashSet;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import safepoint.vm.Machine;

/**
 * The interactive REPL's line editor over a terminal (JLine): a Scheme parser, colours,
 * completion, and a history kept across runs. A second, plain reader serves the lines a program
 * reads from the console while an evaluation runs (no history, no Scheme parsing).
 */
final class LineEditor {
    /** Where the history is kept: this system property, else this environment variable, else ~/.safepoint_history. */
    static final String HISTORY_PROPERTY = "safepoint.history";
    static final String HISTORY_ENV = "SAFEPOINT_HISTORY";
    /** The widget that prints Safepoint's dump (Ctrl-\\). */
    static final String DUMP = "safepoint-dump";

    final Terminal terminal;
    final LineReader reader;
    final LineReader programReader;
    /** The VM's stdout and stderr while the editor reads: background output goes above the line (null in tests). */
    final AboveThePrompt out;
    final AboveThePrompt err;
    private final Machine vm;

    LineEditor(Machine vm, Terminal terminal) {
        this(vm, terminal, null, null);
    }

    LineEditor(Machine vm, Terminal terminal, AboveThePrompt out, AboveThePrompt err) {
        this.terminal = terminal;
        this.vm = vm;
        this.out = out;
        this.err = err;
        // Ctrl-C outside the editor (during an evaluation) interrupts it; the editor takes it over
        // while it reads and then puts this back.
        terminal.handle(Terminal.Signal.INT, signal -> vm.interrupt());
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("safepoint")
                .parser(new SchemeParser(text -> SchemeParser.shapeOf(vm, text)))
                .completer(new SchemeCompleter(vm))
                .highlighter(new SchemeHighlighter(() -> new HashSet<>(vm.syntaxNames())))
                .history(new DefaultHistory())
                .variable(LineReader.HISTORY_FILE, historyFile())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "  ")
                .variable(LineReader.INDENTATION, 2)
                .variable(LineReader.BLINK_MATCHING_PAREN, 0) // the highlighter shows the match; no cursor jumps
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // ! is an ordinary character in Scheme
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
        // Ctrl-\\ prints Safepoint's dump, not the JVM's: the terminal passes it on as a key
        // (no SIGQUIT), and the editor binds it while it reads.
        org.jline.terminal.Attributes attrs = terminal.getAttributes();
        attrs.setControlChar(org.jline.terminal.Attributes.ControlChar.VQUIT, 0);
        terminal.setAttributes(attrs);
        reader.getWidgets().put(DUMP, () -> {
            reader.printAbove(Dump.of(vm).stripTrailing());
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new org.jline.reader.Reference(DUMP), "\034");
        reader.getKeyMaps().get(LineReader.EMACS).bind(new org.jline.reader.Reference(DUMP), "\034");
        DefaultParser plain = new DefaultParser();
        plain.setEofOnUnclosedQuote(false);
        plain.setEofOnUnclosedBracket();
        this.programReader = LineReaderBuilder.builder()
                .terminal(terminal)
                .parser(plain)
                .variable(LineReader.DISABLE_HISTORY, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    /** The process's terminal. */
    static Terminal systemTerminal() throws java.io.IOException {
        return org.jline.terminal.TerminalBuilder.builder().system(true).name("safepoint").build();
    }

    /**
     * Read one input at {@code prompt} while the machine runs on: background output goes above
     * the line being typed.
     */
    String readLine(String prompt) throws java.io.IOException {
        if (out != null) out.reading(reader);
        if (err != null) err.reading(reader);
        java.util.concurrent.ScheduledFuture<?> watching = err == null ? null
                : WATCHER.scheduleWithFixedDelay(this::announceFailures, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            return reader.readLine(prompt);
        } finally {
            if (watching != null) watching.cancel(false);
            if (out != null) out.done();
            if (err != null) err.done();
        }
    }

    /** Looks for threads' failures while a prompt waits; one daemon thread for the process. */
    private static final java.util.concurrent.ScheduledExecutorService WATCHER = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "safepoint-failure-watch");
        t.setDaemon(true);
        return t;
    });

    /**
     * A thread that fails while the prompt waits is announced at once, above the line being
     * typed (gsi's words, then how to visit it), not after the next input.
     */
    private void announceFailures() {
        try {
            for (Machine.ThreadFailure f : vm.takeThreadFailures()) {
                err.write(f.errorText() + "\n(in " + f.name() + ", now STOPPED: ,(v T) visits it, with T the thread)\n");
                err.flush();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // The terminal went away or the machine is being torn down: the next evaluation reports it.
        }
    }

    static Path historyFile() {
        String p = System.getProperty(HISTORY_PROPERTY);
        if (p == null || p.isEmpty()) p = System.getenv(HISTORY_ENV);
        if (p != null && !p.isEmpty()) return Path.of(p);
        return Path.of(System.getProperty("user.home"), ".safepoint_history");
    }
}
