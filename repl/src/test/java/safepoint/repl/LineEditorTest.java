package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import safepoint.vm.Machine;

/** The interactive REPL through a JLine terminal over streams: each key is typed after the screen shows the last one took effect. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LineEditorTest {
    @TempDir
    Path dir;

    /** A REPL session on a test terminal; everything shown (the editor's and the results) lands in {@link #screen}. */
    final class Session implements AutoCloseable {
        final PipedOutputStream keys = new PipedOutputStream();
        final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        final Terminal terminal;
        final Thread thread;
        volatile int status = -1;

        Session() throws IOException, InterruptedException {
            PipedInputStream in = new PipedInputStream(keys, 1 << 16);
            terminal = TerminalBuilder.builder().system(false).streams(in, screen).type("xterm").size(new org.jline.terminal.Size(120, 40))
                    .encoding(StandardCharsets.UTF_8).build();
            // A stream terminal starts with no control characters; a tty has these.
            org.jline.terminal.Attributes a = terminal.getAttributes();
            a.setControlChar(org.jline.terminal.Attributes.ControlChar.VEOF, 4);
            a.setControlChar(org.jline.terminal.Attributes.ControlChar.VINTR, 3);
            terminal.setAttributes(a);
            Machine vm = new Machine(new OutputStreamWriter(screen, StandardCharsets.UTF_8), new OutputStreamWriter(screen, StandardCharsets.UTF_8),
                    null, 0);
            Writer out = new OutputStreamWriter(screen, StandardCharsets.UTF_8);
            Repl repl = new Repl(vm, out, out, new LineEditor(vm, terminal));
            thread = new Thread(() -> {
                try {
                    status = repl.run();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            thread.start();
            await("> ");
        }

        /** The screen's text without the editor's colours and cursor moves (each redraw leaves the text it drew). */
        String shown() {
            return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[=>]", "");
        }

        /** Type {@code text}, then wait until the screen holds {@code expect} after what it held before. */
        void type(String text, String expect) throws Exception {
            int before = shown().length();
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
            waitFor(() -> shown().indexOf(expect, before) >= 0, expect);
        }

        /**
         * Ctrl-C while the editor reads: JLine takes the key through the stream terminal's signal,
         * which now and then is not delivered to the reading thread at once (about 1 run in 10
         * here, before and after this change); the key is sent again after 2 s, up to 5 times.
         * A Ctrl-C that never clears the line still fails.
         */
        void interrupt(String expect) throws Exception {
            int before = shown().length();
            for (int i = 0; i < 5; i++) {
                keys.write(3);
                keys.flush();
                long until = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < until) {
                    if (shown().indexOf(expect, before) >= 0) return;
                    Thread.sleep(5);
                }
            }
            waitFor(() -> shown().indexOf(expect, before) >= 0, expect);
        }

        /** Waits up to 15 s, then fails showing the screen (a hang says what it waited for). */
        void waitFor(java.util.function.BooleanSupplier done, String expect) throws InterruptedException {
            long until = System.nanoTime() + 15_000_000_000L;
            while (!done.getAsBoolean()) {
                if (System.nanoTime() > until) throw new AssertionError("the screen never showed " + expect.replace("\n", "\\n")
                        + "; it shows:\n" + shown().replace("\u001b", "ESC"));
                Thread.sleep(5);
            }
        }

        void await(String expect) throws InterruptedException {
            waitFor(() -> shown().contains(expect), expect);
        }

        @Override
        public void close() throws Exception {
            keys.close();
            thread.join();
            terminal.close();
        }
    }

    @AfterEach
    void noHistoryProperty() {
        System.clearProperty(LineEditor.HISTORY_PROPERTY);
    }

    @Test
    void formsMultiLineInputMalformedInputCtrlCAndCtrlD() throws Exception {
        System.setProperty(LineEditor.HISTORY_PROPERTY, dir.resolve("h").toString());
        try (Session s = new Session()) {
            s.type("(+ 1 2) (* 3 4)\r", "12\n");
            // Both results, in order. The editor's redraw of the line and the results are two streams
            // into this one buffer, so the echo may be cut by the first result: only the order counts.
            String shown = s.shown();
            int three = shown.indexOf("3\n", shown.indexOf("> "));
            assertTrue(three >= 0 && shown.indexOf("12\n", three) > three, "each form of the line evaluated, in order: " + shown);
            s.type("(define (f x)\r", "\n    "); // secondary prompt "  " and two spaces for the open bracket
            s.type("(* x 2))\r", "> ");
            s.type("(f 21)\r", "42\n");
            s.type("(1 2]\r", "Incomplete form\n");
            s.type("(f 1)\r", "2\n"); // the prompt came back after the malformed datum
            s.type("(f 99", "(f 99");
            s.interrupt("> ");
            s.type("(f 3)\r", "6\n"); // Ctrl-C dropped "(f 99": the line is (f 3), not (f 99(f 3)
            assertFalse(s.shown().contains("198"));
            s.keys.close(); // the terminal's input ends (Ctrl-D in a real terminal: the tmux test)
            s.thread.join();
            assertEquals(0, s.status, "the end of input ends the session");
        }
    }

    @Test
    void aProgramReadingTheConsoleGetsTheNextLineTyped() throws Exception {
        System.setProperty(LineEditor.HISTORY_PROPERTY, dir.resolve("h").toString());
        try (Session s = new Session()) {
            s.type("(string-append (read-line) \"!\")\r", "(read-line) \"!\")");
            s.type("hello there\r", "\"hello there!\"\n");
            s.type("(+ 1 1)\r", "2\n"); // the REPL has its prompt back
        }
        assertEquals(List.of("(string-append (read-line) \"!\")", "(+ 1 1)"), entries(dir.resolve("h")),
                "the program's line is not the user's history");
    }

    @Test
    void historyIsWrittenAndReadAcrossSessionsAndKeepsLongLines() throws Exception {
        Path h = dir.resolve("history");
        System.setProperty(LineEditor.HISTORY_PROPERTY, h.toString());
        String longList = "(length '(" + "1 ".repeat(2500) + "))"; // 5,011 characters typed as one line
        try (Session s = new Session()) {
            s.type("(define (g x)\r", "\n    ");
            s.type("(+ x 1))\r", "> ");
            s.type(longList + "\r", "2500\n");
        }
        List<String> got = entries(h);
        assertEquals(2, got.size(), () -> "entries: " + got.stream().map(e -> e.length() > 60 ? e.substring(0, 60) + "...(" + e.length() + ")" : e).toList());
        assertEquals("(define (g x)\\n  (+ x 1))", got.get(0));
        assertEquals(2500, got.get(1).chars().filter(c -> c == '1').count(), "the long line is kept whole in the history");
        try (Session s = new Session()) {
            s.type("\u001bOA", "1 1 1 1 1"); // Up (xterm's application cursor key): the last line again, from the file
            s.type("\u001bOA", "(+ x 1))"); // Up again: the multi-line definition
            s.type("\r", "> ");
            s.type("(g 41)\r", "42\n");
        }
    }

    /** The history file's entries, without JLine's timestamps. */
    static List<String> entries(Path h) throws IOException {
        return Files.readAllLines(h).stream().map(l -> l.substring(l.indexOf(':') + 1)).toList();
    }
}
