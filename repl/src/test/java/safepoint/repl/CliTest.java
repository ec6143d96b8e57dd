package safepoint.repl;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: output, error messages and exit statuses (DESIGN.md). */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CliTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    static Result run(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void pipedReplPrintsOneResultPerExpressionWithoutBannerAndSurvivesErrors() throws Exception {
        Result r = run("(+ 1 2)\n(car '())\n(define x 5)\n(* x x) \"s\"\n(if #f #f)\n");
        assertEquals("3\n25\n\"s\"\n", r.out());
        assertTrue(r.err().contains("*** ERROR IN (console)@2.1 -- (Argument 1) PAIR expected\n(car '())"), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void replAcceptsExpressionsSpanningLines() throws Exception {
        Result r = run("(define (f x)\n  (* x 2))\n(f\n 21)\n");
        assertEquals("42\n", r.out());
    }

    @Test
    void aProgramAtThePipedReplReadsTheLinesAfterTheExpressionThatAsked() throws Exception {
        assertEquals("hello", run("(display (read-line))\nhello\n").out());
        assertEquals("(foo bar)\n", run("(define x (read))\n(foo bar)\nx\n").out());
        assertEquals("ab\n", run("(display (read-char))(display (read-char))\nab\n(newline)\n").out());
        assertEquals("3\nnext\r", run("(+ 1 2)\r\n(display (read-line))\r\nnext\r\n").out(), "CR LF ends a REPL line, as before");
        assertEquals("#!eof", run("(display (read-line))").out());
    }

    @Test
    void runReadsItsStandardInput() throws Exception {
        Path p = file("echo.ss", "(display (read-line)) (newline) (write (read)) (write (read-char))");
        Result r = run("first line\n(1 \"two\")", "run", p.toString());
        assertEquals("first line\n(1 \"two\")#!eof", r.out());
        assertEquals(0, r.status());
        assertEquals("(\"a\" \"b\")\n", run("a\nb\n", "-e", "(list (read-line) (read-line))").out());
    }

    @Test
    void evalOption() throws Exception {
        Result r = run("", "-e", "(map (lambda (x) (* x x)) '(1 2 3))");
        assertEquals("(1 4 9)\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void everyEvalOptionRunsInOrder() throws Exception {
        Result r = run("", "-e", "(display 1)", "-e", "(display 2)");
        assertEquals("12", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void exitTakesOnlyAByteAsGsiDoes() throws Exception {
        // gsi 4.9.3: *** ERROR IN ... -- (Argument 1) Unsigned 8 bit exact INTEGER expected
        for (String bad : new String[] {"\"x\"", "300", "-1", "#t", "#f"}) {
            Result r = run("", "-e", "(exit " + bad + ")");
            assertEquals(1, r.status(), bad);
            assertTrue(r.err().contains("(Argument 1) Unsigned 8 bit exact INTEGER expected\n(exit " + bad + ")"), r.err());
        }
        assertEquals(0, run("", "-e", "(exit)").status());
        assertEquals(255, run("", "-e", "(exit 255)").status());
        assertEquals(3, run("", "-e", "(exit 3)").status());
    }

    @Test
    void aFileThatIsNotUtf8SaysWhereItsBadByteIs() throws Exception {
        Path p = dir.resolve("latin1.ss");
        Files.write(p, new byte[] {'(', 'd', 'i', 's', 'p', 'l', 'a', 'y', ' ', '1', ')', '\n', '"', (byte) 0xE9, '"', '\n'});
        Result r = run("", "run", p.toString());
        assertEquals(2, r.status());
        assertEquals("safepoint: cannot read " + p + ": not UTF-8: byte 0xE9 at line 2 (byte offset 13)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void runPrintsProgramOutputAndExitsZero() throws Exception {
        Path p = file("hello.ss", "(display \"hello\") (newline) (display (* 6 7)) (newline)");
        Result r = run("", "run", p.toString());
        assertEquals("hello\n42\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void uncaughtErrorInRunExitsOneWithGambitMessage() throws Exception {
        Path p = file("bad.ss", "(define (g x) (h x))\n(g 1)\n");
        Result r = run("", "run", p.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("*** ERROR IN g, \"" + p + "\"@1.16 -- Unbound variable: h"), r.err());
        assertFalse(r.err().contains("Exception"), "no Java stack trace: " + r.err());
    }

    @Test
    void readErrorInAFileRunsNothingAndExitsOne() throws Exception {
        Path p = file("unbalanced.ss", "(display \"x\")\n(car\n");
        Result r = run("", "run", p.toString());
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Incomplete form, EOF reached"), r.err());
    }

    @Test
    void badInputGetsClearMessages() throws Exception {
        assertTrue(run("", "-e", "(1 2)").err().contains("Operator is not a PROCEDURE\n(1 2)"));
        assertTrue(run("", "-e", "(vector-ref (vector 1 2) 99)").err().contains("(Argument 2) Out of range\n(vector-ref #(1 2) 99)"));
        assertTrue(run("", "-e", "((lambda (a b) a) 1 2 3)").err().contains("Wrong number of arguments passed to procedure"));
        assertTrue(run("", "-e", "#!foo").err().contains("Invalid '#!' name: \"foo\""));
        assertTrue(run("", "-e", "(display 1))").err().contains("Datum or EOF expected"));
        // A malformed number: gsi reports "Invalid token" at the token.
        assertTrue(run("", "-e", "(+ 1 #e1.2.3)").err().contains("*** ERROR IN (console)@1.6 -- Invalid token"));
        assertTrue(run("", "-e", "(load \"/nonexistent/file\")").err().contains("No such file or directory\n(load \"/nonexistent/file\")"));
        Result car = run("", "-e", "(car '())");
        assertEquals(1, car.status());
        assertTrue(car.err().contains("(Argument 1) PAIR expected\n(car '())"), car.err());
    }

    @Test
    void endlessLoopUnderTimeoutExitsFour() throws Exception {
        Path p = file("loop.ss", "(define (spin) (spin))\n(spin)\n");
        Result r = run("", "run", p.toString(), "--timeout", "2");
        assertEquals(4, r.status());
        assertTrue(r.err().toLowerCase().contains("timeout"), r.err());
    }

    @Test
    void aProvenDeadlockExitsThreeAndSaysWhoWaitsOnWhat() throws Exception {
        Path p = file("deadlock.ss", "(define m (make-mutex 'm))\n(mutex-lock! m)\n(mutex-lock! m)\n");
        Result r = run("", "run", p.toString());
        assertEquals(3, r.status());
        assertTrue(r.err().contains("Deadlock") && r.err().contains("#<thread primordial> WAITING on #<mutex m>"), r.err());
    }

    @Test
    void replCommandsShowThreadsAndLocksWithoutSerialNumbers() throws Exception {
        Result r = run("""
                (define m (make-mutex 'm))
                (define t (spawn/name 'worker (lambda () (mutex-lock! m) (thread-receive))))
                (thread-yield!)
                (define t2 (spawn/name 'waiter (lambda () (mutex-lock! m))))
                (thread-yield!)
                ,threads
                ,locks
                ,nonsense
                (list t2)
                """, "-p", "1");
        assertTrue(r.out().contains("#<thread worker>            WAITING for a message"), r.out());
        assertTrue(r.out().contains("#<thread waiter>            WAITING #<mutex m> (held by #<thread worker>)"), r.out());
        assertTrue(r.out().contains("#<mutex m> held by #<thread worker>; waiting: #<thread waiter>"), r.out());
        assertTrue(r.err().contains("Unknown REPL command ,nonsense"), r.err());
        // Looking consumed no serial numbers: the program's first printed object is still #2.
        assertTrue(r.out().endsWith("(#<thread #2 waiter>)\n"), r.out());
    }

    @Test
    void theSpinlockDemoDeadlocksWithoutPollsAndCompletesWithThem() throws Exception {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        // On one processor the spinner never lets the holder run.
        Result broken = run("", "-p", "1", "run", examples.resolve("spin-without-polls.ss").toString());
        assertEquals(3, broken.status(), broken.err());
        assertTrue(broken.err().contains("spins without polls on #<spinlock L>") && broken.err().contains("held by #<thread holder>"),
                broken.err());
        Result fixed = run("", "-p", "1", "run", examples.resolve("spin-with-polls.ss").toString());
        assertEquals(0, fixed.status(), fixed.err());
        assertEquals("got-it\n", fixed.out());
        // With four processors the holder runs on another one, so even the no-poll spin ends
        // (the real 5a needs a GC barrier to stop the holder's processor: the next step).
        Result parallel = run("", "-p", "4", "run", examples.resolve("spin-without-polls.ss").toString());
        assertEquals(0, parallel.status(), parallel.err());
        assertEquals("got-it\n", parallel.out());
    }

    @Test
    void seedBug5aTheGcBarrierWaitsForeverOnASpinWithoutPolls() throws Exception {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        for (String p : new String[] {"2", "4"}) {
            Result broken = run("", "-p", p, "run", examples.resolve("gc-barrier-spin.ss").toString());
            assertEquals(3, broken.status(), broken.err());
            assertTrue(broken.err().contains("the GC barrier waits for P") && broken.err().contains("never reaches a safepoint"), broken.err());
            assertTrue(broken.err().contains("spinning without polls on #<spinlock L>"), broken.err());
            assertTrue(broken.err().contains("#<spinlock L> is held by #<thread primordial>, parked at the safepoint"), broken.err());
            Result fixed = run("", "-p", p, "run", examples.resolve("gc-barrier-spin-fixed.ss").toString());
            assertEquals(0, fixed.status(), fixed.err());
            assertEquals("got-it\n", fixed.out());
        }
    }

    @Test
    void threadDemosGiveGsisResultsOnFourProcessors() throws Exception {
        // Schedule-independent programs: the same output as gsi 4.9.3 gave (recorded golden files).
        Path golden = Path.of("..", "vm", "src", "test", "resources", "golden").toAbsolutePath().normalize();
        for (String name : new String[] {"smp-producer-consumer", "smp-threads"}) {
            for (int i = 0; i < 3; i++) {
                Result r = run("", "-p", "4", "run", golden.resolve(name + ".ss").toString());
                assertEquals(0, r.status(), r.err());
                assertEquals(Files.readString(golden.resolve(name + ".out")), r.out(), name);
            }
        }
    }

    @Test
    void theAbbaDemoExplainsTheCycleWithBacktraces() throws Exception {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        for (String p : new String[] {"1", "4"}) {
            Result broken = run("", "-p", p, "run", examples.resolve("abba-deadlock.ss").toString());
            assertEquals(3, broken.status(), broken.err());
            assertTrue(broken.err().contains("#<thread left> WAITING on #<mutex b>, held by #<thread right>"), broken.err());
            assertTrue(broken.err().contains("#<thread right> WAITING on #<mutex a>, held by #<thread left>"), broken.err());
            assertTrue(broken.err().contains("lock-both, \"" + examples.resolve("abba-deadlock.ss") + "\"@12.3"), broken.err());
            Result fixed = run("", "-p", p, "run", examples.resolve("abba-fixed.ss").toString());
            assertEquals(0, fixed.status(), fixed.err());
            assertEquals("(done done)\n", fixed.out());
        }
    }

    @Test
    void theWatchdogReportsABarrierThatNoThreadCanComplete() throws Exception {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        Result r = run("", "-p", "2", "run", examples.resolve("gc-barrier-busy-wait.ss").toString());
        assertEquals(3, r.status(), r.err());
        assertTrue(r.err().contains("*** No progress: the GC barrier has waited"), r.err());
        assertTrue(r.err().contains("never reached the safepoint: it runs #<thread waiter> in code without polls"), r.err());
    }

    @Test
    void seededRunsRepeatExactlyAndTheStepBoundExitsFour() throws Exception {
        Path p = file("race.ss", """
                (define counter 0)
                (define ts (map (lambda (i) (spawn (lambda () (let loop ((j 0)) (when (< j 100) (let ((v counter)) (thread-yield!) (set! counter (+ v 1))) (loop (+ j 1)))))))
                                '(1 2 3)))
                (for-each thread-join! ts)
                (display counter)
                """);
        Result a = run("", "--seed", "11", "-p", "3", "run", p.toString());
        Result b = run("", "--seed", "11", "-p", "3", "run", p.toString());
        assertEquals(0, a.status(), a.err());
        assertEquals(a.out(), b.out());
        Path loop = file("loop.ss", "(define (spin) (spin)) (spin)");
        Result bound = run("", "--seed", "1", "--max-steps", "10000", "run", loop.toString());
        assertEquals(4, bound.status());
        assertTrue(bound.err().contains("Step bound reached"), bound.err());
    }

    @Test
    void exploreFindsTheAbbaDeadlockAndReplayReproducesIt() throws Exception {
        Path p = file("abba.ss", """
                (define a (make-mutex 'a))
                (define b (make-mutex 'b))
                (define (lock-both first second)
                  (mutex-lock! first) (mutex-lock! second) (mutex-unlock! second) (mutex-unlock! first) 'ok)
                (define t1 (spawn (lambda () (lock-both a b))))
                (define t2 (spawn (lambda () (lock-both b a))))
                (display (list (thread-join! t1) (thread-join! t2)))
                """);
        Result found = run("", "explore", p.toString(), "--runs", "2000", "-p", "2");
        assertEquals(1, found.status(), found.out() + found.err());
        assertTrue(found.out().contains("failure found on run") && found.out().contains("Deadlock"), found.out());
        String schedule = found.out().lines().filter(l -> l.startsWith("schedule: ")).findFirst().orElseThrow().substring(10);
        String seed = found.out().replaceAll("(?s).*\\(seed (\\d+),.*", "$1");
        Result replayed = run("", "replay", p.toString(), "-p", "2", "--schedule", schedule);
        assertEquals(3, replayed.status(), replayed.err());
        assertEquals(3, run("", "replay", p.toString(), "-p", "2", "--seed", seed).status());
        // PCT (depth 2) needs far fewer runs than random for this depth-2 bug, and prints its bound.
        Result pct = run("", "explore", p.toString(), "--runs", "100", "-p", "2", "--strategy", "pct", "--depth", "2");
        assertEquals(1, pct.status(), pct.out());
        assertTrue(pct.out().startsWith("PCT bound: each run finds a depth-2 bug with probability >= 1/(2*"), pct.out());
        // The failing run as columns, one per thread, with switches and lock operations.
        assertTrue(pct.out().contains("interleaving of the failing run"), pct.out());
        assertTrue(pct.out().contains("| #<thread primordial>") && pct.out().contains("| #<thread 2>"), pct.out());
        assertTrue(pct.out().contains("mutex-lock #<mutex a>") && pct.out().contains("mutex-lock #<mutex b>"), pct.out());
        assertTrue(pct.out().contains("takes over)"), pct.out());
        // The shrunk schedule still fails when replayed exactly.
        String shrunk = pct.out().lines().filter(l -> l.startsWith("shrunk schedule")).findFirst().orElseThrow().replaceFirst(".*: ", "");
        assertEquals(3, run("", "replay", p.toString(), "-p", "2", "--schedule", shrunk).status(), shrunk);
        assertEquals(2, run("", "explore", p.toString(), "--depth", "2").status()); // --depth without pct
        // A program without the bug passes every schedule.
        Path ok = file("ok.ss", "(define m (make-mutex)) (for-each thread-join! (map (lambda (i) (spawn (lambda () (mutex-lock! m) (mutex-unlock! m)))) '(1 2 3)))");
        Result none = run("", "explore", ok.toString(), "--runs", "50", "-p", "2");
        assertEquals(0, none.status(), none.out());
        assertTrue(none.out().contains("no failure in 50 schedules"), none.out());
        // Bad schedules and options are usage errors.
        assertEquals(2, run("", "replay", p.toString(), "--schedule", "S1:x:0.x").status());
        assertEquals(2, run("", "replay", p.toString(), "--schedule", "S7:x:0.1").status());
        assertEquals(2, run("", "replay", p.toString()).status());
        assertEquals(2, run("", "explore", p.toString(), "--runs", "-1").status());
    }

    @Test
    void exploresSummaryOfWarningsHasTheAnalysisWarningsNotTextTheProgramWrote() throws Exception {
        // The program writes what looks like a warning to its stderr; only the race is one.
        Path p = file("chatty.ss", """
                (display "warning: data race on nothing\n  (the program's own words)\n" (current-error-port))
                (define x 0)
                (define ts (map (lambda (i) (spawn (lambda () (trace-write 'x (set! x i))))) '(1 2)))
                (for-each thread-join! ts)
                """);
        Result r = run("", "explore", p.toString(), "--runs", "3", "-p", "2");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("\n3 runs printed warnings; each once, from the first seed that showed it:\n(seed 1) warning: data race on x\n"),
                r.out());
        assertFalse(r.out().contains("on nothing"), r.out());
    }

    @Test
    void aFailureBeforeAnySchedulingChoiceExitsFive() throws Exception {
        // No schedule could avoid these: an error on the only thread, a syntax error, a one-thread deadlock.
        String[] texts = {"(define x (car '()))", "(define (f", "(define m (make-mutex)) (mutex-lock! m) (mutex-lock! m)"};
        int[] runStatus = {1, 1, 3};
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            Path p = file("plain.ss", text);
            Result e = run("", "explore", p.toString(), "--runs", "20", "-p", "2");
            assertEquals(5, e.status(), text + "\n" + e.out());
            assertTrue(e.out().contains("fails before its first scheduling choice"), e.out());
            assertFalse(e.out().contains("schedule: "), e.out()); // no schedule to replay or shrink
            Result r = run("", "replay", p.toString(), "--seed", "7");
            assertEquals(5, r.status(), text + "\n" + r.err());
            assertTrue(r.err().contains("plain error, not a schedule problem"), r.err());
            assertEquals(runStatus[i], run("", "run", p.toString()).status()); // run keeps its usual status
        }
        // An error after threads compete is a schedule failure (exit 1), even when it comes early.
        Path raced = file("raced.ss", """
                (define t (spawn (lambda () (car '()))))
                (spawn (lambda () 'other))
                (thread-join! t)
                """);
        assertEquals(1, run("", "explore", raced.toString(), "--runs", "5", "-p", "2").status());
        assertEquals(1, run("", "replay", raced.toString(), "-p", "2", "--seed", "1").status());
    }

    @Test
    void heapOptionAndHeapOverflow() throws Exception {
        Result r = run("", "--heap", "1", "-e", "(let loop ((i 0) (acc '())) (if (< i 100000) (loop (+ i 1) (cons i acc)) (length acc)))");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("Heap overflow"), r.err());
        assertEquals(2, run("", "--heap", "lots", "-e", "1").status());
        assertEquals("100000\n", run("", "--heap", "64m", "-e", "(let loop ((i 0) (acc '())) (if (< i 100000) (loop (+ i 1) (cons i acc)) (length acc)))").out());
    }

    @Test
    void whyAndDeadlockExplainTheMachineBetweenEvaluations() throws Exception {
        Result r = run("""
                ,deadlock
                (define a (make-mutex 'a))
                (define b (make-mutex 'b))
                (define (lock-both x y) (mutex-lock! x) (thread-sleep! .01) (mutex-lock! y))
                (define l (spawn/name 'left (lambda () (lock-both a b))))
                (define r (spawn/name 'right (lambda () (lock-both b a))))
                (define w (spawn/name 'reader (lambda () (thread-receive))))
                (thread-sleep! .1)
                ,why left
                ,why 99
                ,why nobody
                ,why
                ,deadlock
                (+ 1 2)
                """, "-p", "2");
        assertTrue(r.out().startsWith("Nothing is blocked.\n"), r.out());
        assertTrue(r.out().contains("""
                #<thread left> waits to lock #<mutex b>
                #<mutex b> is held by #<thread right>
                #<thread right> waits to lock #<mutex a>
                #<mutex a> is held by #<thread left>
                  ... back to #<thread left>: a deadlock, nothing outside the cycle can end it
                """), r.out());
        assertTrue(r.out().contains("No live thread 99 (,threads lists them)"), r.out());
        assertTrue(r.out().contains("No live thread nobody"), r.out());
        assertTrue(r.err().contains(",why needs a thread"), r.err());
        assertTrue(r.out().contains("Deadlock: a cycle of waits that nothing outside it can break\n  the cycle:\n"), r.out());
        assertTrue(r.out().contains("#<thread reader> WAITING on its mailbox"), r.out());
        assertTrue(r.out().endsWith("3\n"), "the REPL goes on: " + r.out());
    }

    @Test
    void pctPrintsNoProbabilityBoundWhenRunsWereCutAtTheStepBound() throws Exception {
        // Issue 11: a bound computed from k = 999,704 on a run that never ended (3.34e-13) means nothing.
        Path some = file("pct-sometimes.ss", """
                (define t (spawn (lambda () 'other)))
                (if (= 0 (random-integer 2)) (let loop () (thread-yield!) (loop)) 'done)
                (thread-join! t)
                """);
        Result r = run("", "explore", some.toString(), "--strategy", "pct", "--runs", "30", "--max-steps", "20000");
        assertTrue(r.out().matches("(?s)PCT bound: none \\(\\d+ of 30 runs reached the step bound; a bound holds only for runs that end\\)\n"
                + "no failure in the \\d+ of 30 schedules that ended \\(\\d+ inconclusive at a step bound of 20,000\\).*"), r.out());
        Path always = file("pct-always.ss", """
                (define t (spawn (lambda () (let loop () (thread-yield!) (loop)))))
                (thread-join! t)
                """);
        Result a = run("", "explore", always.toString(), "--strategy", "pct", "--runs", "5", "--max-steps", "20000");
        assertEquals(4, a.status(), a.out());
        assertTrue(a.out().startsWith("PCT bound: none (the run that measures k reached the step bound of 20,000, so k is unknown)\n"
                + "all 5 runs were inconclusive"), a.out());
        assertTrue(!a.out().contains("probability"), a.out());
    }

    @Test
    void exploresStepBoundIsTenTimesTheMedianRunSoHangsCostLittle() throws Exception {
        // Half the seeds spin forever (yielding, so nothing is proven); the rest end at once.
        Path p = file("sometimes.ss", """
                (define t (spawn (lambda () 'other)))
                (if (= 0 (random-integer 2)) (let loop () (thread-yield!) (loop)) 'done)
                (thread-join! t)
                """);
        Result r = run("", "explore", p.toString(), "--runs", "40");
        assertEquals(0, r.status(), r.out());
        // Then what the first inconclusive run was still running at its bound (issue 11).
        assertTrue(r.out().matches("no failure in the \\d+ of 40 schedules that ended \\(\\d+ inconclusive at a step bound of 10,000\\).*\\n"
                + "run \\d+ was still running at the bound:\\n  #<thread primordial> RUNN(?s).*"), r.out());
        assertTrue(!r.out().startsWith("no failure in 40 schedules (0 inconclusive"), r.out());
        // --max-steps overrides it.
        assertTrue(run("", "explore", p.toString(), "--runs", "10", "--max-steps", "50000").out().contains("step bound of 50,000"));
    }

    @Test
    void theShrunkScheduleOfAProgramUsingRandomNumbersReplaysWithItsSeed() throws Exception {
        Path p = file("rnd.ss", """
                (define counter 0)
                (define (increment!)
                  (let ((seen (trace-read 'counter counter)))
                    (if (= 0 (random-integer 3)) (thread-yield!))
                    (set! counter (trace-write 'counter (+ seen 1)))))
                (define helper (make-thread increment!))
                (thread-start! helper)
                (increment!)
                (thread-join! helper)
                (unless (= counter 2) (error "lost update, counter is" counter))
                """);
        Result found = run("", "explore", p.toString());
        assertEquals(1, found.status(), found.out());
        String command = found.out().lines().filter(l -> l.startsWith("replay it: ./safepoint ")).findFirst().orElseThrow()
                .substring("replay it: ./safepoint ".length());
        assertTrue(command.matches(".* --seed \\d+ --schedule [^ ]+"), command); // the seed: the program's random numbers
        Result replayed = run("", command.split(" "));
        assertEquals(1, replayed.status(), command + "\n" + replayed.err());
        assertTrue(replayed.err().contains("lost update, counter is 1"), replayed.err());
    }

    @Test
    void ctrlCEndsAnExploreWithWhatItFoundSoFar() throws Exception {
        // Three workers with a mutex: far too many schedules to finish before the Ctrl-C.
        Path p = file("long.ss", LOST_UPDATES.replace("(define (increment!)\n", "(define m (make-mutex))\n(define (increment!)\n")
                .replace("(let ((seen", "(mutex-lock! m) (let ((seen").replace("(+ seen 1)))))", "(+ seen 1)))) (mutex-unlock! m))"));
        for (String[] args : new String[][] {
                {"explore", p.toString(), "--runs", "10000000"},
                // plain dfs: dpor proves this program too soon to be interrupted
                {"explore", p.toString(), "--strategy", "dfs", "--reduction", "none", "--preemptions", "10", "--runs", "10000000"}}) {
            // Ctrl-C's handler sets this flag; here a timer does, once the search is under way.
            Thread ctrlC = new Thread(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    return;
                }
                Explore.INTERRUPTED.set(true);
            });
            ctrlC.start();
            Result r = run("", args);
            ctrlC.join();
            assertEquals(4, r.status(), r.out());
            assertTrue(r.out().startsWith("interrupted after ") || r.out().contains("the search is not finished (interrupted)"), r.out());
        }
        // --timeout ends a search the same way.
        Result timed = run("", "explore", p.toString(), "--runs", "10000000", "--timeout", "1");
        assertEquals(4, timed.status(), timed.out());
        assertTrue(timed.out().startsWith("--timeout expired after "), timed.out());
        Result timedDfs = run("", "explore", p.toString(), "--strategy", "dfs", "--reduction", "none", "--preemptions", "10", "--runs", "10000000",
                "--timeout", "1");
        assertEquals(4, timedDfs.status(), timedDfs.out());
        assertTrue(timedDfs.out().contains("the search is not finished (--timeout expired)"), timedDfs.out());
    }

    @Test
    void listenAndAttachOptionsAreCheckedAndAProgramCanBeServedWhileItRuns() throws Exception {
        Result noAttach = run("", "inspect");
        assertEquals(2, noAttach.status());
        assertTrue(noAttach.err().contains("inspect needs --attach PORT"), noAttach.err());
        Result stray = run("", "-e", "1", "--attach", "5000");
        assertTrue(stray.err().contains("--attach goes with inspect"), stray.err());
        Result badPort = run("", "--listen", "70000");
        assertTrue(badPort.err().contains("--listen needs a port from 1 to 65535, not 70000"), badPort.err());
        Result withExplore = run("", "explore", "x.ss", "--listen", "5000");
        assertTrue(withExplore.err().contains("--listen goes with the REPL or run"), withExplore.err());
        Result controlAlone = run("", "--control");
        assertEquals(2, controlAlone.status());
        assertTrue(controlAlone.err().contains("--control goes with --listen in the REPL"), controlAlone.err());
        Result controlRun = run("", "run", "x.ss", "--listen", "5000", "--control");
        assertTrue(controlRun.err().contains("--control goes with --listen in the REPL"), controlRun.err());
        System.setProperty("safepoint.dir", dir.resolve("tokens").toString());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result busy = run("", "--listen", String.valueOf(taken.getLocalPort()));
            assertEquals(2, busy.status());
            assertTrue(busy.err().contains("safepoint: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), busy.err());
            Path p = dir.resolve("p.ss");
            Files.writeString(p, "(display (+ 1 2))");
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Result served = run("", "run", p.toString(), "--listen", String.valueOf(port));
            assertEquals(0, served.status(), served.err());
            assertEquals("3", served.out());
            assertTrue(served.err().contains("listening on 127.0.0.1:" + port + " (read-only)"), served.err());
            assertFalse(Files.exists(dir.resolve("tokens").resolve("attach-" + port + ".token")), "the token file goes with the server");
        } finally {
            System.clearProperty("safepoint.dir");
        }
    }

    @Test
    void outOfRangeNumbersInReplCommandsAndOptionsGetAMessageNotATrace() throws Exception {
        Result r = run(",why 3000000000\n,why 99999999999999999999\n,why -1\n,events 99999999999\n(+ 1 2)\n");
        assertTrue(r.out().contains("No live thread 3000000000 (,threads lists them)"), r.out());
        assertTrue(r.out().contains("No live thread 99999999999999999999 "), r.out());
        assertTrue(r.out().contains("No live thread -1 "), r.out());
        assertTrue(r.err().contains(",events takes how many of the last events to show, as in ,events 100"), r.err());
        assertTrue(r.out().endsWith("3\n"), "the REPL goes on: " + r.out());
        assertEquals(0, r.status());
        Result p = run("", "-p", "99999999999", "-e", "1");
        assertEquals(2, p.status());
        assertTrue(p.err().contains("-p needs a number of processors from 1 to 1024, not 99999999999"), p.err());
        Result huge = run("", "-p", "99999999999999999999", "-e", "1");
        assertTrue(huge.err().contains("-p needs a whole number, not '99999999999999999999'"), huge.err());
        Result heap = run("", "--heap", "99999999999g", "-e", "1");
        assertEquals(2, heap.status());
        assertTrue(heap.err().contains("--heap needs a size like 64m or 1g, not '99999999999g'"), heap.err());
        assertEquals(2, run("", "explore", "x.ss", "--runs", "99999999999").status());
        assertEquals(2, run("", "--seed", "1", "--max-steps", "99999999999999999999", "-e", "1").status());
    }

    /** A string port growing without bound, as chibi's R7RS I/O tests do: Java's heap fills, not the simulated one. */
    static final String FILLS_JAVA_HEAP = "(let ((p (open-output-string))) (let loop () (write-string \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" p) (loop)))";

    /** The command in a JVM of its own with a 64 MB Java heap: its status and everything it printed. */
    Result forkSmallJavaHeap(String stdin, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(java.util.List.of(args));
        Path in = file("stdin.txt", stdin);
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(command).redirectInput(in.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            assertTrue(p.waitFor(50, TimeUnit.SECONDS), "ended: " + Files.readString(out));
        } finally {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), Files.readString(out), "");
    }

    @Test
    void aProgramThatFillsJavasOwnHeapGetsHeapOverflowNotAJavaTrace() throws Exception {
        // Free run: the REPL reports it and goes on, twice (the failed computation let go of its data).
        Result repl = forkSmallJavaHeap(FILLS_JAVA_HEAP + "\n(+ 1 2)\n" + FILLS_JAVA_HEAP + "\n(+ 3 4)\n", "--heap", "4g");
        assertEquals(0, repl.status(), repl.out());
        assertEquals(2, repl.out().split("\\*\\*\\* ERROR -- Heap overflow", -1).length - 1, repl.out());
        assertTrue(repl.out().contains("3\n") && repl.out().contains("7\n"), repl.out());
        // Controlled mode, and explore's workers (--max-steps skips the runs on the caller's thread).
        Result controlled = forkSmallJavaHeap("", "--heap", "4g", "--seed", "1", "-e", FILLS_JAVA_HEAP);
        assertEquals(1, controlled.status(), controlled.out());
        assertTrue(controlled.out().startsWith("*** ERROR -- Heap overflow\n"), controlled.out());
        Path p = file("fills.ss", FILLS_JAVA_HEAP);
        Result explore = forkSmallJavaHeap("", "explore", p.toString(), "--heap", "4g", "--runs", "4", "--max-steps", "100000000");
        assertEquals(5, explore.status(), explore.out());
        assertTrue(explore.out().startsWith("*** ERROR -- Heap overflow\n"), explore.out());
        for (Result r : new Result[] {repl, controlled, explore}) {
            assertFalse(r.out().contains("Exception") || r.out().contains("internal error"), "no Java trace: " + r.out());
        }
    }

    @Test
    void aFileGivenAsTheCommandRunsItAsGsiAndGxiDo() throws Exception {
        Path prog = dir.resolve("hello-file.ss");
        Files.writeString(prog, "(display \"hi from a file\") (newline) (exit 7)");
        Result r = run("", "-p", "2", prog.toString());
        assertEquals("hi from a file\n", r.out());
        assertEquals(7, r.status(), r.err());
        Result missing = run("", dir.resolve("nope.ss").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such file either"), missing.err());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertEquals(2, run("", "run").status());
        assertEquals(2, run("", "-p", "0", "-e", "1").status());
        assertEquals(2, run("", "--bogus").status());
        assertEquals(2, run("", "run", dir.resolve("missing.ss").toString()).status());
        assertTrue(run("", "frobnicate").err().contains("unknown command"));
        assertEquals(2, run("", "--seed", "x", "-e", "1").status());
        assertEquals(2, run("", "--seed", "1", "--strategy", "bogus", "-e", "1").status());
        assertEquals(2, run("", "--seed", "1", "--max-steps", "0", "-e", "1").status());
        assertTrue(run("", "--seed", "1", "--strategy", "dfs", "-e", "1").err().contains("--strategy dfs goes with explore"));
        assertTrue(run("", "explore", "x.ss", "--strategy", "dfs", "--preemptions", "-1").err().contains("--preemptions needs a number"));
        assertTrue(run("", "explore", "x.ss", "--preemptions", "2").err().contains("--preemptions goes with --strategy dfs"));
    }

    /** Three workers, each busy on its own before and after a check-then-act increment. */
    static final String LOST_UPDATES = """
            (define counter 0)
            (define (busy name n)
              (let loop ((i 0)) (when (< i n) (trace-write name i) (loop (+ i 1)))))
            (define (increment!)
              (let ((seen (trace-read 'counter counter)))
                (set! counter (trace-write 'counter (+ seen 1)))))
            (define (worker name)
              (lambda () (busy name 20) (increment!) (busy name 20)))
            (define workers (map (lambda (n) (make-thread (worker n))) '(a b c)))
            (for-each thread-start! workers)
            (for-each thread-join! workers)
            (unless (= counter 3) (error "lost update, counter is" counter))
            """;

    @Test
    void dfsFindsTheFewestPreemptionsAndProvesTheFixedVersion() throws Exception {
        Path p = file("lost.ss", LOST_UPDATES);
        Result found = run("", "explore", p.toString(), "--strategy", "dfs");
        assertEquals(1, found.status(), found.out() + found.err());
        assertTrue(found.out().matches("(?s)failure found by the dfs search after \\d+ schedules \\(-p 4, 1 preemption, the fewest: every schedule with fewer passes\\).*"), found.out());
        assertTrue(found.out().contains("lost update, counter is"), found.out());
        assertTrue(found.out().contains("| read counter = 0"), found.out());
        String schedule = found.out().lines().filter(l -> l.startsWith("schedule: ")).findFirst().orElseThrow().substring(10);
        assertEquals(1, run("", "replay", p.toString(), "--schedule", schedule).status());
        // The fix: a mutex around the increment. Every schedule with at most 2 preemptions passes.
        Path fixed = file("fixed.ss", LOST_UPDATES.replace("(define (increment!)\n", "(define m (make-mutex))\n(define (increment!)\n")
                .replace("(let ((seen", "(mutex-lock! m) (let ((seen").replace("(+ seen 1)))))", "(+ seen 1)))) (mutex-unlock! m))"));
        Result proved = run("", "explore", fixed.toString(), "--strategy", "dfs", "-p", "2", "--preemptions", "1");
        assertEquals(0, proved.status(), proved.out() + proved.err());
        assertTrue(proved.out().matches("(?s)proven: no failure in any schedule with at most 1 preemption on 2 processors \\(dfs, dpor: \\d+ schedules\\).*"), proved.out());
        Result capped = run("", "explore", fixed.toString(), "--strategy", "dfs", "--runs", "3");
        assertTrue(capped.out().contains("no failure in the first 3 schedules with at most 2 preemptions; the search is not finished"),
                capped.out());
    }

    @Test
    void dfsPrintsTheWarningsItsRunsSawOnceEach() throws Exception {
        // Both orders, one thread after the other: every schedule passes, and every one sees the inversion.
        Path p = file("abba-joined.ss", """
                (define a (make-mutex 'a))
                (define b (make-mutex 'b))
                (define (both first second)
                  (mutex-lock! first) (mutex-lock! second) (mutex-unlock! second) (mutex-unlock! first) 'ok)
                (thread-join! (spawn/name 'left (lambda () (both a b))))
                (display (thread-join! (spawn/name 'right (lambda () (both b a)))))
                """);
        Result r = run("", "explore", p.toString(), "--strategy", "dfs", "-p", "2");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s)proven: no failure in any schedule with at most 2 preemptions on 2 processors [^\n]*\n\n\\d+ runs? printed warnings; "
                + "each once, from the first schedule that showed it:\n\\(0 preemptions\\) warning: lock-order inversion \\(potential deadlock\\): "
                + "#<mutex a> and #<mutex b> were taken in both orders\n  #<thread left> took #<mutex b> while holding #<mutex a>:\n.*"), r.out());
        assertEquals(1, r.out().split("warning: ", -1).length - 1, r.out());
        // A failing search says what the runs up to the failing one saw, after the report.
        Result found = run("", "explore", Path.of("..", "examples", "registry-two-locks.ss").toString(), "--strategy", "dfs");
        assertEquals(1, found.status(), found.out());
        assertTrue(found.out().contains("printed warnings; each once, from the first schedule that showed it:\n(0 preemptions) warning: lock-order inversion"),
                found.out());
    }

    @Test
    void theLostUpdateDemoFailsAndItsFixIsProvedByDfs() throws Exception {
        String demo = Path.of("..", "examples", "lost-update.ss").toString();
        Result found = run("", "explore", demo);
        assertEquals(1, found.status(), found.out());
        assertTrue(found.out().contains("lost update, counter is 1"), found.out());
        Result dfs = run("", "explore", demo, "--strategy", "dfs");
        assertEquals(1, dfs.status(), dfs.out());
        assertTrue(dfs.out().contains("1 preemption, the fewest"), dfs.out());
        String fixed = Path.of("..", "examples", "lost-update-fixed.ss").toString();
        Result proved = run("", "explore", fixed, "--strategy", "dfs", "--reduction", "none");
        assertEquals(0, proved.status(), proved.out());
        assertTrue(proved.out().startsWith("proven: no failure in any schedule with at most 2 preemptions on 4 processors (dfs, none: 534 schedules)"),
                proved.out());
        assertEquals(0, run("", "explore", fixed).status());
    }

    @Test
    void theTwoLockRegistryDemoDeadlocksAndItsOneLockFixIsProved() throws Exception {
        String broken = Path.of("..", "examples", "registry-two-locks.ss").toString();
        Result found = run("", "explore", broken);
        assertEquals(1, found.status(), found.out());
        assertTrue(found.out().contains("#<thread coordinator> WAITING on #<mutex driver-mx>, held by #<thread worker>"), found.out());
        assertTrue(found.out().contains("#<thread worker> WAITING on #<mutex import-mx>, held by #<thread coordinator>"), found.out());
        assertTrue(found.out().contains("  the cycle:\n"), found.out());
        // The runs before the failing one passed, and said what they saw.
        assertTrue(found.out().contains("printed warnings; each once, from the first seed that showed it:\n(seed 1) warning: lock-order inversion"),
                found.out());
        Result passing = run("", "run", "--seed", "1", broken);
        assertEquals(0, passing.status(), passing.err());
        assertTrue(passing.err().startsWith("warning: lock-order inversion (potential deadlock)"), passing.err());
        String fixed = Path.of("..", "examples", "registry-one-lock.ss").toString();
        Result thousand = run("", "explore", fixed);
        assertEquals(0, thousand.status(), thousand.out());
        assertTrue(thousand.out().startsWith("no failure in 1000 schedules (0 inconclusive)"), thousand.out());
        assertFalse(thousand.out().contains("warning"), thousand.out());
        Result proved = run("", "explore", fixed, "--strategy", "dfs", "--preemptions", "2");
        assertEquals(0, proved.status(), proved.out());
        assertTrue(proved.out().matches("proven: no failure in any schedule with at most 2 preemptions on 4 processors .*\\n"), proved.out());
    }

    @Test
    void theLostWakeupDemoIsFoundAndItsFixPasses() throws Exception {
        Result found = run("", "explore", Path.of("..", "examples", "condvar-lost-wakeup.ss").toString());
        assertEquals(1, found.status(), found.out());
        assertTrue(found.out().contains("WAITING on #<condition-variable io>\n"
                + "      no live thread can signal #<condition-variable io>: only the threads waiting on it can reach it (a lost wakeup)"),
                found.out());
        Result fixed = run("", "explore", Path.of("..", "examples", "condvar-lost-wakeup-fixed.ss").toString());
        assertEquals(0, fixed.status(), fixed.out());
        assertTrue(fixed.out().startsWith("no failure in 1000 schedules (0 inconclusive)"), fixed.out());
    }

    @Test
    void anAllocationHeavyFailureIsReportedWithItsReplayBeforeAnyShrinking() throws Exception {
        // Issue 11: shrinking such a program ran out of Java memory and the failure found on run 1 was never reported.
        Path p = file("churn.ss", """
                (define counter 0)
                (define (churn n) (if (> n 0) (begin (make-vector 2000 0) (churn (- n 1)))))
                (define t (spawn (lambda () (churn 300) (let ((s counter)) (thread-yield!) (set! counter (+ s 1))))))
                (let ((s counter)) (churn 300) (thread-yield!) (set! counter (+ s 1)))
                (thread-join! t)
                (unless (= counter 2) (error "lost update, counter is" counter))
                """);
        Result r = run("", "explore", p.toString(), "--heap", "4m");
        assertEquals(1, r.status(), r.out() + r.err());
        String out = r.out();
        int found = out.indexOf("failure found on run ");
        int replay = out.indexOf("\nreplay: ./safepoint replay ");
        int shrink = Math.max(out.indexOf("shrunk schedule ("), Math.max(out.indexOf("shrinking found no schedule"), out.indexOf("shrinking stopped")));
        assertTrue(found >= 0 && replay > found, out);
        assertTrue(shrink > replay, "the shrink's result comes last, after the failure and its replay: " + out);
        assertTrue(!r.err().contains("internal error"), r.err());
    }

    @Test
    void shrinkingReachesTheFewestPreemptions() throws Exception {
        Path p = file("lost.ss", LOST_UPDATES);
        Options o = Options.parse(new String[] {"explore", p.toString()});
        // A failing random run that preempts more than it needs to: the first such seed.
        safepoint.vm.search.ProgramRuns runs = Explore.compiled(o, LOST_UPDATES, p.toString());
        long seed = 0;
        Outcome failure = null;
        java.util.List<long[]> choices = null;
        int preemptions = 0;
        for (long s = 1; s <= 3000 && failure == null; s++) {
            Machine vm = runs.next(s);
            vm.configure(vm.settings().controlled(s, "random").withMaxSteps(1_000_000));
            Outcome r = runs.run();
            if (r.status() == Outcome.Status.ERROR && r.report().preemptions() >= 3) {
                seed = s;
                failure = r;
                choices = r.report().choices();
                preemptions = r.report().preemptions();
            }
        }
        assertTrue(failure != null, "some random run fails with 3 or more preemptions");
        String out = Shrink.shrink(runs, LOST_UPDATES, p.toString(),
                Explore.base(o).controlled(seed, "random").withMaxSteps(1_000_000), choices, failure, preemptions);
        String line = out.lines().filter(l -> l.startsWith("shrunk schedule")).findFirst().orElseThrow();
        assertTrue(line.startsWith("shrunk schedule (1 preemption, the fewest: every schedule with fewer passes; from " + preemptions + "): "),
                line);
        String shrunk = line.replaceFirst(".*: ", "");
        Result replayed = run("", "replay", p.toString(), "--schedule", shrunk);
        assertEquals(1, replayed.status(), replayed.out() + replayed.err());
        assertTrue(replayed.err().contains("lost update, counter is"), replayed.err());
    }

    @Test
    void exitProcedureSetsTheStatus() throws Exception {
        Path p = file("exit.ss", "(display \"a\") (exit 3) (display \"b\")");
        Result r = run("", "run", p.toString());
        assertEquals(3, r.status());
        assertEquals("a", r.out());
    }

    @Test
    void deeplyNestedListLiteralReadsAndPrints() throws Exception {
        int depth = 100_000;
        String text = "(define x '" + "(".repeat(depth) + ")".repeat(depth) + ")\n"
                + "(define (depth l) (let loop ((l l) (n 0)) (if (null? l) n (loop (car l) (+ n 1)))))\n"
                + "(display (depth x)) (newline) (write x)";
        Path p = file("deep.ss", text);
        Result r = run("", "run", p.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(depth - 1 + "\n" + "(".repeat(depth) + ")".repeat(depth), r.out());
    }

    @Test
    void macrosThatAWorkersEvalMeetsExpandAsTheWorkerAndMayWait() throws Exception {
        // Issue 10: this printed "primordial", then reported a false deadlock (exit 3).
        Path p = Path.of("..", "vm", "src", "test", "resources", "expansion", "eval-in-threads.ss").toAbsolutePath().normalize();
        for (String[] mode : new String[][] {{}, {"--seed", "3"}, {"-p", "1", "--seed", "8", "--strategy", "rr"}}) {
            String[] args = new String[mode.length + 2];
            args[0] = "run";
            args[1] = p.toString();
            System.arraycopy(mode, 0, args, 2, mode.length);
            Result r = run("", args);
            assertEquals("worker\ndone\n", r.out(), String.join(" ", mode) + ": " + r.err());
            assertEquals(0, r.status(), r.err());
        }
    }

    @Test
    void aTransformerThatLoopsForeverEndsAtTheTimeout() throws Exception {
        Path p = file("forever.ss", """
                (defsyntax (forever stx) (let loop () (loop)))
                (thread-join! (thread-start! (make-thread (lambda () (eval '(forever))) 'looper)))
                """);
        Result r = run("", "run", p.toString(), "--timeout", "1");
        assertEquals(4, r.status(), r.err());
        assertEquals("*** Timeout: the run did not finish before --timeout expired\n", r.err());
    }
}
