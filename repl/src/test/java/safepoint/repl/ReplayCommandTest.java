package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A printed replay command reproduces what it reports: explore (random, pct, dfs) and
 * {@code run --seed}, then the command it printed, run through {@link Main} in-process, give the
 * same exit status and the same failure.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplayCommandTest {
    @TempDir
    Path dir;

    /** Five philosophers, each taking its left fork then its right: a five-fork cycle. */
    static final String DINING = """
            (define n 5)
            (define forks (list->vector (map (lambda (i) (make-mutex i)) '(0 1 2 3 4))))
            (define (philosopher i)
              (lambda ()
                (let ((left (vector-ref forks i)) (right (vector-ref forks (modulo (+ i 1) n))))
                  (let loop ((k 0))
                    (when (< k 3)
                      (mutex-lock! left)
                      (mutex-lock! right)
                      (mutex-unlock! right)
                      (mutex-unlock! left)
                      (loop (+ k 1)))))))
            (define ts (map (lambda (i) (spawn (philosopher i))) '(0 1 2 3 4)))
            (for-each thread-join! ts)
            """;

    Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** The words a POSIX shell makes of a line that {@link Shell#quote} wrote (plain words and single quotes). */
    static String[] words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '\\') {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(w.toString());
        return out.toArray(new String[0]);
    }

    /** The command after "{@code label}: ./safepoint " in {@code out}. */
    static String command(String out, String label) {
        String prefix = label + ": ./safepoint ";
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(out))
                .substring(prefix.length());
    }

    /** The failure's text in explore's report: from the line after "failure found" up to the schedule. */
    static String failureText(String out) {
        String after = out.substring(out.indexOf('\n', out.indexOf("failure found")) + 1);
        return after.substring(0, after.indexOf("\nschedule: "));
    }

    /** Run the printed command and check it fails as {@code found} says, with {@code status}. */
    static CliTest.Result replays(String found, String label, int status) throws Exception {
        String command = command(found, label);
        CliTest.Result r = CliTest.run("", words(command));
        assertEquals(status, r.status(), command + "\n" + r.out() + r.err());
        assertTrue(r.err().contains(failureText(found)), "the same failure:\n" + failureText(found) + "\n--- replayed:\n" + r.err());
        assertFalse(r.err().contains("diverged"), r.err());
        return r;
    }

    @Test
    void pctsPrintedReplayReproducesTheDeadlockItFound() throws Exception {
        // Before: the replay was `--seed N --strategy pct`, which rebuilt PCT with k = 1000
        // instead of the k explore measured (80 here), so it passed (exit 0).
        Path p = file("dining.ss", DINING);
        CliTest.Result found = CliTest.run("", "explore", p.toString(), "--strategy", "pct", "--runs", "3000", "-p", "4");
        assertEquals(1, found.status(), found.out());
        assertTrue(found.out().contains("strategy pct") && found.out().contains("*** Deadlock"), found.out());
        assertFalse(found.out().contains("did not reproduce"), found.out());
        replays(found.out(), "replay", 3);
        replays(found.out(), "replay it", 3);
    }

    @Test
    void thePrintedReplayKeepsTheHeapAndProcessorsThatMadeTheFailure() throws Exception {
        // Fails only under a small heap: a thread's vector overflows 1m but not the default 256m.
        Path p = file("heap.ss", """
                (define a (spawn (lambda () (make-vector 300000 0) 'a)))
                (define b (spawn (lambda () 'b)))
                (display (list (thread-join! a) (thread-join! b)))
                """);
        assertEquals(0, CliTest.run("", "explore", p.toString(), "-p", "3", "--runs", "5").status(), "passes with the default heap");
        CliTest.Result found = CliTest.run("", "explore", p.toString(), "-p", "3", "--heap", "1m", "--runs", "5");
        assertEquals(1, found.status(), found.out());
        String command = command(found.out(), "replay");
        assertTrue(command.contains(" -p 3 ") && command.contains(" --heap 1m ") && command.contains(" --max-steps ")
                && command.contains(" --seed 1 ") && command.contains(" --schedule "), command);
        replays(found.out(), "replay", 1);
        // The options of a step bound given to explore stay too.
        CliTest.Result bounded = CliTest.run("", "explore", p.toString(), "-p", "3", "--heap", "1m", "--runs", "5", "--max-steps", "50000");
        assertTrue(command(bounded.out(), "replay").contains(" --max-steps 50000 "), bounded.out());
        replays(bounded.out(), "replay", 1);
    }

    @Test
    void aDfsFailureAndARunSeedFailureReplayFromTheirPrintedCommands() throws Exception {
        Path spin = Path.of("..", "examples", "gc-barrier-spin.ss");
        // Before: the recorded 1-point slice that requested the GC replayed as a slice that ran
        // out of fuel before parking at the safepoint, so this replay diverged.
        CliTest.Result dfs = CliTest.run("", "explore", spin.toString(), "-p", "2", "--strategy", "dfs");
        assertEquals(1, dfs.status(), dfs.out());
        assertFalse(dfs.out().contains("did not reproduce"), dfs.out());
        replays(dfs.out(), "replay", 3);
        CliTest.Result random = CliTest.run("", "explore", spin.toString(), "-p", "2");
        replays(random.out(), "replay", 3);
        CliTest.Result run = CliTest.run("", "run", spin.toString(), "-p", "2", "--seed", "1");
        assertEquals(3, run.status(), run.err());
        String line = run.err().lines().filter(l -> l.startsWith("(replay: ./safepoint ")).findFirst().orElseThrow();
        String command = line.substring("(replay: ./safepoint ".length(), line.length() - 1);
        CliTest.Result again = CliTest.run("", words(command));
        assertEquals(3, again.status(), command + "\n" + again.err());
        String deadlock = run.err().substring(0, run.err().indexOf("\nschedule: "));
        assertTrue(again.err().startsWith(deadlock), again.err());
    }

    @Test
    void aLongScheduleGoesToAFileThatReplayReads() throws Exception {
        Path p = file("long.ss", """
                (define m (make-mutex))
                (define n 0)
                (define (work k)
                  (let loop ((i 0))
                    (when (< i k) (mutex-lock! m) (set! n (+ n 1)) (mutex-unlock! m) (thread-yield!) (loop (+ i 1)))))
                (define a (spawn (lambda () (work 400))))
                (define b (spawn (lambda () (work 400) (car '()))))
                (thread-join! a)
                (thread-join! b)
                """);
        CliTest.Result found = CliTest.run("", "explore", p.toString(), "-p", "2", "--runs", "5");
        assertEquals(1, found.status(), found.out());
        String line = found.out().lines().filter(l -> l.startsWith("schedule: ")).findFirst().orElseThrow();
        assertTrue(line.matches("schedule: [0-9,]+ characters, written to .* \\(in the system temp dir\\)"), line);
        String command = command(found.out(), "replay");
        assertTrue(command.contains(" --schedule-file ") && !command.contains(" --schedule S"), command);
        String[] w = words(command);
        Path written = Path.of(w[w.length - 1]);
        assertTrue(written.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), written.toString());
        assertTrue(Files.readString(written).length() > ReplayCommand.SCHEDULE_SHOWN, written.toString());
        replays(found.out(), "replay", 1);
        replays(found.out(), "replay it", 1);
    }

    @Test
    void aMissingOrBadScheduleFileIsOneLineAndExitTwo() throws Exception {
        Path p = file("dining.ss", DINING);
        CliTest.Result missing = CliTest.run("", "replay", p.toString(), "--schedule-file", dir.resolve("nope.schedule").toString());
        assertEquals(2, missing.status());
        assertEquals("safepoint: cannot read the schedule file " + dir.resolve("nope.schedule") + ": no such file\n", missing.err());
        Path bad = file("bad.schedule", "not a schedule\n");
        CliTest.Result garbled = CliTest.run("", "replay", p.toString(), "--schedule-file", bad.toString());
        assertEquals(2, garbled.status());
        assertEquals("safepoint: not a Safepoint schedule string (in " + bad + ")\n", garbled.err());
        CliTest.Result both = CliTest.run("", "replay", p.toString(), "--schedule-file", bad.toString(), "--schedule", "S2:x:0.1");
        assertEquals(2, both.status());
        assertTrue(both.err().startsWith("safepoint: replay takes --schedule or --schedule-file, not both\n"), both.err());
    }
}
