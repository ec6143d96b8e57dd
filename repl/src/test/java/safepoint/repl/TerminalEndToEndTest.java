package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive REPL in a real pseudo-terminal, as a person uses it: tmux runs Safepoint (this
 * JVM's classpath), {@code send-keys} types, {@code capture-pane} reads the screen. tmux is
 * installed by {@code .ci/run}. Each step waits for what the screen must show, and a failure
 * prints the screen.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TerminalEndToEndTest {
    /** A tmux server of this test's own, so nothing else's sessions are touched. */
    /**
     * A tmux server of this test's own: the previous test's kill-server may still be shutting its
     * server down when the next test starts, and a session started on a dying server vanishes.
     */
    private final String socket = "safepoint-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @TempDir
    Path dir;

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** Types {@code keys} into the REPL's session. */
    private void keys(String... keys) throws IOException, InterruptedException {
        keysTo("repl", keys);
    }

    private void keysTo(String session, String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(new String[0]));
    }

    /** Wait (up to 20 s) until the REPL's screen satisfies {@code shows}; fail with the screen otherwise. */
    private String until(Predicate<String> shows, String what) throws IOException, InterruptedException {
        return until("repl", "the terminal", shows, what);
    }

    private String until(String session, String terminal, Predicate<String> shows, String what) throws IOException, InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        for (;;) {
            String s = tmux("capture-pane", "-p", "-t", session);
            if (shows.test(s)) return s;
            if (System.nanoTime() > end) throw new AssertionError(terminal + " never showed " + what + "; it shows:\n" + s);
            Thread.sleep(50);
        }
    }

    /** The command line that runs Safepoint from this JVM's classpath, with its files in the test's folder. */
    private String safepoint() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "SAFEPOINT_DIR=" + dir.resolve("tokens") + " SAFEPOINT_HISTORY=" + dir.resolve("history") + " " + java + " -cp "
                + System.getProperty("java.class.path") + " safepoint.repl.Main";
    }

    /** The screen's last line that is not empty (where the prompt and the line being typed are). */
    static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @AfterEach
    void stop() throws Exception {
        tmux("kill-server"); // this test's own server only (-L)
    }

    /** Safepoint's REPL in a new tmux session of {@code columns} x 40, at its first prompt. */
    private void start(int columns) throws IOException, InterruptedException {
        tmux("new-session", "-d", "-s", "repl", "-x", String.valueOf(columns), "-y", "40", safepoint());
        until(s -> lastLine(s).equals(">"), "the first prompt");
    }

    /** A free TCP port on the loopback address (free when asked: the test's servers take it right away). */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void inspectAttachedFromASecondTerminalFollowsTheFirstOnesMachine() throws Exception {
        int port = freePort();
        String safepoint = safepoint();
        tmux("new-session", "-d", "-s", "repl", "-x", "110", "-y", "30", safepoint + " --listen " + port);
        until(s -> lastLine(s).equals(">") && s.contains("listening on 127.0.0.1:" + port + " (read-only)"), "the REPL, listening");
        keys("(define t (thread-start! (make-thread (lambda () (let loop () (thread-sleep! 0.01) (loop))) 'ticker)))", "Enter");
        tmux("new-session", "-d", "-s", "viewer", "-x", "110", "-y", "30", safepoint + " inspect --attach " + port + "; sleep 60");
        until("viewer", "the second terminal", x -> x.contains("[attached to 127.0.0.1:" + port + "]") && x.contains("threads 2"), "the attached inspector");
        keysTo("viewer", "2");
        until("viewer", "the second terminal", x -> x.contains("ticker") && x.contains("SLEEPING"), "the first terminal's thread");
        // Live: a thread made in the first terminal shows in the second.
        keys("(define u (thread-start! (make-thread (lambda () (thread-sleep! 600)) 'latecomer)))", "Enter");
        until("viewer", "the second terminal", x -> x.contains("latecomer") && x.contains("threads 3"), "a thread made after attaching");
        keysTo("viewer", "q");
        // The first terminal never noticed: its REPL goes on.
        keys("(+ 1 2)", "Enter");
        until(x -> x.contains("\n3\n"), "an evaluation in the first terminal");
    }

    @Test
    void theInspectorsPanesStayAboveThePromptWhileTheBarrierProgramRunsBelow() throws Exception {
        Path example = Path.of("..", "examples", "gc-barrier-spin.ss").toAbsolutePath().normalize();
        tmux("new-session", "-d", "-s", "repl", "-x", "160", "-y", "60", safepoint() + " -p 2 --inspector");
        // The panes on top (the wide layout at 160 columns), the prompt at the bottom.
        until(x -> x.lines().findFirst().orElse("").contains("Safepoint inspector") && x.contains("GC & barrier") && lastLine(x).equals(">"),
                "the panes above the first prompt");
        keys("(load \"" + example + "\")", "Enter");
        // The REPL region reports the barrier deadlock; the panes stay on top, showing the barrier
        // that never completed.
        // (the report's last lines: its headline may have scrolled out of the region below the panes)
        String s = until(x -> x.contains("spins on it without polls, so it never reaches the barrier") && x.contains("arrived 1 / 2")
                && lastLine(x).equals(">"), "the deadlock below and the pending barrier in the panes");
        assertTrue(s.lines().findFirst().orElse("").contains("Safepoint inspector"), "the panes did not scroll away:\n" + s);
        // The run is over and its processors idle, but the pane names the one the barrier waited for, and what it spun on.
        s = until(x -> x.contains("the run has ended; as their last events saw them:"), "the barrier pane after the run");
        assertTrue(s.matches("(?s).*the run has ended; as their last events saw them:[^\n]*\n[^\n]*P\\d not there: #<thread spinner>"
                + " spins on #<spinlock L>[^\n]*\n[^\n]*held by #<thread primordial>.*"), s);
        keys("(+ 1 2)", "Enter");
        s = until(x -> x.contains("\n3\n"), "an evaluation below the panes");
        assertTrue(s.contains("─ Processors (2)"), s);
    }

    @Test
    void inspectTakesTheWholeTerminalFollowsItsSizeAndQComesBackToThePrompt() throws Exception {
        start(140);
        keys("(define t (thread-start! (make-thread (lambda () (let loop () (thread-sleep! 0.01) (loop))) 'ticker)))", "Enter");
        keys(",inspect", "Enter");
        // 140 columns: the wide layout, processors beside the GC pane, and the live thread.
        String s = until(x -> x.contains("Safepoint inspector") && x.contains("ticker") && x.contains("GC & barrier"), "the inspector, wide");
        assertTrue(s.lines().anyMatch(l -> l.length() > 120), "drawn across the whole width:\n" + s);
        tmux("resize-window", "-t", "repl", "-x", "80", "-y", "30");
        until(x -> x.contains("Safepoint inspector") && !x.contains("GC & barrier") && x.lines().allMatch(l -> l.length() <= 80),
                "the inspector redrawn for 80 columns (one pane at a time)");
        keys("2");
        until(x -> x.contains("Threads (2)"), "the threads pane after the key 2");
        keys("q");
        until(x -> lastLine(x).equals(">"), "the prompt after q");
        keys("(+ 1 2)", "Enter");
        until(x -> x.contains("\n3\n"), "an evaluation after the inspector");
    }

    @Test
    void arrowsCompletionCtrlCCtrlDAndABackgroundThreadAboveThePrompt() throws Exception {
        start(110);

        // A thread prints while the prompt waits; a half-typed line survives it.
        keys("(define t (thread-start! (make-thread (lambda () (let loop ((i 0)) (thread-sleep! 0.2)"
                + " (display \"tick \") (display i) (newline) (loop (+ i 1)))) 'ticker)))", "Enter");
        keys("(+ 40");
        String s = until(x -> x.contains("tick 3"), "the ticker's output");
        assertEquals("> (+ 40", lastLine(s), "the line being typed stays below the thread's output:\n" + s);
        keys(" 2)", "Enter");
        until(x -> x.contains("\n42\n"), "the sum");
        keys("(thread-terminate! t)", "Enter");
        // Typed before the next prompt, keys are echoed by the tty where the cursor is: wait for it.
        until(x -> lastLine(x).equals(">") && x.contains("(thread-terminate! t)\n"), "the prompt after thread-terminate!");

        // Tab completes a global.
        keys("(thread-sle", "Tab");
        until(x -> lastLine(x).startsWith("> (thread-sleep!"), "the completed name");
        keys("C-u");

        // Ctrl-C during an evaluation opens a level in it; ,c goes on; Ctrl-D leaves the level.
        keys("(define (spin n) (spin (+ n 1)))", "Enter");
        keys("(spin 0)", "Enter");
        Thread.sleep(500);
        keys("C-c");
        s = until(x -> lastLine(x).equals("1>"), "level 1 after Ctrl-C");
        assertTrue(s.lines().anyMatch(l -> l.startsWith("*** INTERRUPTED IN spin, (console)@")), "on a line of its own, after the ^C echo:\n" + s);
        keys("(> n 0)", "Enter");
        until(x -> x.contains("\n#t\n"), "spin's n, seen from the level");
        keys(",c", "Enter");
        Thread.sleep(500);
        keys("C-c");
        until(x -> x.split("INTERRUPTED IN spin", -1).length == 3 && lastLine(x).equals("1>"), "a second interrupt after ,c");
        keys("C-d");
        until(x -> lastLine(x).equals(">"), "the top level again after Ctrl-D");

        // Up brings back the last line typed (history), Ctrl-C while typing drops it.
        keys("Up");
        until(x -> lastLine(x).equals("> ,c"), "the last line from the history");
        keys("C-c");
        until(x -> lastLine(x).equals(">"), "an empty prompt after Ctrl-C while typing");

        // Ctrl-D at the top ends the session.
        keys("C-d");
        long end = System.nanoTime() + 20_000_000_000L;
        while (tmux("has-session", "-t", "repl").isEmpty() && System.nanoTime() < end) Thread.sleep(50);
        assertFalse(tmux("has-session", "-t", "repl").isEmpty(), "the REPL ended and its terminal closed");
    }

    @Test
    void aThreadsUncaughtErrorIsAnnouncedAboveThePromptAsItHappensAndTheThreadCanBeVisited() throws Exception {
        start(110);
        keys("(define t (thread-start! (make-thread (lambda () (thread-sleep! 0.5) (car 5)) 'worker)))", "Enter");
        until(x -> lastLine(x).equals(">"), "the prompt after the definition");
        keys("(+ 1");
        String s = until(x -> x.contains("now STOPPED"), "the worker's error, while the prompt waits");
        assertTrue(s.contains("(Argument 1) PAIR expected\n(car 5)\n(in #<thread worker>, now STOPPED"), s);
        assertEquals("> (+ 1", lastLine(s), "the half-typed line stays below the announcement:\n" + s);
        keys(" 2)", "Enter");
        until(x -> x.contains("\n3\n"), "the sum");
        keys(",threads", "Enter");
        until(x -> x.contains("#<thread worker>            STOPPED (uncaught exception"), "the worker listed as stopped");
        keys(",(v t)", "Enter");
        s = until(x -> lastLine(x).equals("1>"), "a level in the worker");
        assertTrue(s.contains("------------- REPL is now in #<thread #2 worker>\n0  (interaction)"), s);
        assertEquals(1, s.split("PAIR expected", -1).length - 1, "announced once, not again after the next input:\n" + s);
    }
}
