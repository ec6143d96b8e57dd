package safepoint.vm.interp;

import safepoint.vm.run.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import safepoint.vm.Machine;

/**
 * Expansion-time code (transformers, transformer expressions, module bodies) that a running
 * thread's eval or load meets runs as that thread: it is the current thread, it may wait, it
 * joins the GC barrier, it is scheduled by the controller, and its compile thread never outlives it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExpansionTimeTest {
    /** The program of issue 10 (also run through the CLI by CliTest). */
    static final String WHO = read(Path.of("src/test/resources/expansion/eval-in-threads.ss"));

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Run(Machine vm, Outcome outcome, String out) {
        String text() {
            return outcome.status() + " " + outcome.exitCode() + "\n" + out + (outcome.errorText() == null ? "" : outcome.errorText());
        }
    }

    static Machine machine(StringWriter out, int processors) {
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), 0);
        vm.configure(vm.settings().withProcessors(processors));
        vm.deadline = System.nanoTime() + 100_000_000_000L;
        return vm;
    }

    static Run free(String program, int processors) {
        StringWriter out = new StringWriter();
        Machine vm = machine(out, processors);
        Outcome o = vm.load(program, "t.ss");
        return new Run(vm, o, out.toString());
    }

    static Run controlled(String program, int processors, long seed, String strategy) {
        StringWriter out = new StringWriter();
        Machine vm = machine(out, processors);
        vm.configure(vm.settings().controlled(seed, strategy).withMaxSteps(10_000_000));
        Outcome o = vm.load(program, "t.ss");
        return new Run(vm, o, out.toString());
    }

    @Test
    void evalInAWorkerExpandsAsTheWorkerAndMayWait() {
        for (int p : new int[] {1, 2, 4}) assertEquals("VALUE 0\nworker\ndone\n", free(WHO, p).text(), "-p " + p);
    }

    @Test
    void evalInAWorkerExpandsAsTheWorkerInControlledMode() {
        for (String strategy : new String[] {"random", "rr", "pct"}) {
            for (int p : new int[] {1, 2, 4}) {
                for (long seed = 1; seed <= 5; seed++) {
                    Run first = controlled(WHO, p, seed, strategy);
                    String what = strategy + " -p " + p + " seed " + seed;
                    assertEquals("VALUE 0\nworker\ndone\n", first.text(), what);
                    // The same seed, the same run: the compile thread takes no turn of its own.
                    Run again = controlled(WHO, p, seed, strategy);
                    assertEquals(first.outcome().report().schedule(WHO), again.outcome().report().schedule(WHO), what);
                }
            }
        }
    }

    @Test
    void aRewoundRunOfItIsTheRunOfAFreshVm() {
        // explore compiles once and rewinds per run: expansion at run time must not break that.
        Run fresh = controlled(WHO, 2, 11, "random");
        StringWriter ignored = new StringWriter();
        Machine vm = machine(ignored, 2);
        Machine.Prepared p = vm.prepare(WHO, "t.ss");
        var snap = safepoint.vm.search.Checkpoint.of(vm, p);
        for (int i = 0; i < 3; i++) {
            StringWriter out = new StringWriter();
            snap.rewind(out, new StringWriter(), 11);
            vm.configure(vm.settings().controlled(11, "random").withMaxSteps(10_000_000));
            Outcome o = vm.run(p);
            assertEquals(fresh.text(), new Run(vm, o, out.toString()).text(), "run " + i);
            assertEquals(fresh.outcome().report().schedule(WHO), o.report().schedule(WHO), "run " + i);
        }
    }

    @Test
    void aTransformerRunsOnTheThreadsOwnContinuationWithItsSchedulingPoints() {
        // Its procedure entries count as the thread's scheduling points, as any of its code.
        String program = """
                (defsyntax (count-to stx) (let loop ((i 0)) (if (< i 5000) (loop (+ i 1)) i)))
                (def t (make-thread (lambda () (let* ((before (##entries)) (v (eval '(count-to)))) (list v (> (- (##entries) before) 5000)))) 'w))
                (display (thread-join! (thread-start! t)))
                """;
        assertEquals("VALUE 0\n(5000 #t)", free(program, 2).text());
        assertEquals("VALUE 0\n(5000 #t)", controlled(program, 2, 3, "random").text());
    }

    @Test
    void nestedEvalsInsideATransformerRunAsTheSameThread() {
        String program = """
                (defsyntax (who stx) (list 'quote (thread-name (current-thread))))
                (defsyntax (outer stx) (thread-sleep! 0.001) (list 'quote (list (eval '(who)) (thread-name (current-thread)))))
                (display (thread-join! (thread-start! (make-thread (lambda () (eval '(outer))) 'nest))))
                """;
        assertEquals("VALUE 0\n(nest nest)", free(program, 2).text());
        assertEquals("VALUE 0\n(nest nest)", controlled(program, 2, 9, "random").text());
    }

    @Test
    void aModuleBodyAndALoadedFileRunAsTheThreadThatAskedForThem(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("lib.ss");
        Files.writeString(lib, """
                (defsyntax (slow stx) (thread-sleep! 0.01) (list 'quote (thread-name (current-thread))))
                (def loaded-by (slow))
                """);
        String program = """
                (def (importer)
                  (eval '(module M (export x) (def x (begin (thread-sleep! 0.01) (thread-name (current-thread))))))
                  (eval '(begin (import M) x)))
                (display (thread-join! (thread-start! (make-thread importer 'modder))))
                (thread-join! (thread-start! (make-thread (lambda () (load "%s")) 'loader)))
                (display loaded-by)
                """.formatted(lib);
        assertEquals("VALUE 0\nmodderloader", free(program, 2).text());
        assertEquals("VALUE 0\nmodderloader", controlled(program, 2, 4, "random").text());
    }

    @Test
    void aTransformerErrorIsASyntaxErrorAtTheMacrosUse() {
        String caught = """
                (defsyntax (bad stx) (car 1))
                (display (thread-join! (thread-start! (make-thread
                  (lambda () (with-catch (lambda (e) (list 'caught (error-object-message e))) (lambda () (eval '(bad)))))))))
                """;
        assertEquals("VALUE 0\n(caught PAIR expected)", free(caught, 2).text());
        // Uncaught, it is reported at the use, as when the file itself uses the macro.
        String inEval = "(defsyntax (bad stx) (car 1))\n(display \"a\")\n(eval '(bad))\n";
        String atTop = "(defsyntax (bad stx) (car 1))\n(display \"a\")\n       (bad)\n";
        Run e = free(inEval, 2);
        Run t = free(atTop, 1);
        assertEquals(Outcome.Status.ERROR, e.outcome().status());
        assertEquals("*** ERROR IN \"t.ss\"@3.8 -- (Argument 1) PAIR expected\n(car 1)", e.outcome().errorText());
        assertEquals(t.outcome().errorText(), e.outcome().errorText());
    }

    @Test
    void aGcAskedForByAnotherThreadCompletesWhileAWorkerExpands() {
        // The worker is inside its transformer (it loops until the GC is over) when the main thread
        // asks for a GC: the collection needs the worker's processor at the barrier.
        String program = """
                (def expanding #f)
                (def collected #f)
                (defsyntax (spin stx) (set! expanding #t) (let loop () (if collected ''finished (loop))))
                (def t (thread-start! (make-thread (lambda () (eval '(spin))) 'expander)))
                (let wait () (unless expanding (thread-yield!) (wait)))
                (gc)
                (set! collected #t)
                (display (thread-join! t))
                """;
        for (int p : new int[] {1, 2, 4}) {
            Run r = free(program, p);
            assertEquals("VALUE 0\nfinished", r.text(), "-p " + p);
            assertTrue(r.vm().heap.collections >= 1, "-p " + p);
        }
        for (long seed = 1; seed <= 5; seed++) {
            Run r = controlled(program, 2, seed, "random");
            assertEquals("VALUE 0\nfinished", r.text(), "seed " + seed);
            assertTrue(r.vm().heap.collections >= 1);
        }
    }

    static final String FOREVER_IN_WORKER = """
            (defsyntax (forever stx) (display "looping") (let loop () (loop)))
            (thread-join! (thread-start! (make-thread (lambda () (eval '(forever))) 'looper)))
            """;
    static final String FOREVER_IN_MAIN = """
            (defsyntax (forever stx) (display "looping") (let loop () (loop)))
            (eval '(forever))
            """;

    @Test
    void aTransformerThatLoopsForeverIsStoppedByTheTimeout() {
        for (String program : new String[] {FOREVER_IN_WORKER, FOREVER_IN_MAIN}) {
            StringWriter out = new StringWriter();
            Machine vm = machine(out, 2);
            vm.deadline = System.nanoTime() + 300_000_000L;
            Outcome o = vm.load(program, "t.ss");
            assertEquals(Outcome.Status.TIMEOUT, o.status());
            assertEquals("*** Timeout: the run did not finish before --timeout expired", o.errorText());
        }
    }

    @Test
    void aTransformerThatLoopsForeverIsStoppedByCtrlC() throws Exception {
        for (boolean controlled : new boolean[] {false, true}) {
            for (String program : new String[] {FOREVER_IN_WORKER, FOREVER_IN_MAIN}) {
                StringWriter out = new StringWriter();
                Machine vm = machine(out, 2);
                if (controlled) vm.configure(vm.settings().controlled(1, "random").withMaxSteps(Long.MAX_VALUE));
                Outcome[] result = new Outcome[1];
                Thread runner = new Thread(() -> result[0] = vm.load(program, "t.ss"));
                runner.start();
                while (runner.isAlive()) {
                    if (out.toString().contains("looping")) vm.interrupt();
                    runner.join(20);
                }
                String what = (controlled ? "controlled, " : "free run, ") + program;
                assertEquals(Outcome.Status.ERROR, result[0].status(), what);
                String err = result[0].errorText();
                if (!controlled && program == FOREVER_IN_WORKER && !err.endsWith("-- User interrupt")) {
                    // Free run delivers Ctrl-C to the thread a processor takes next: here the looper
                    // itself may get it and end, and the join then reports its uncaught exception
                    // (which does not yet name the reason: issue 11). Either way the loop stopped.
                    assertTrue(err.contains("Uncaught exception") && err.contains("looper"), what + ": " + err);
                    continue;
                }
                assertTrue(err.endsWith("-- User interrupt"), what + ": " + err);
                // In the main thread the interrupt lands in the transformer: reported at the use.
                if (program == FOREVER_IN_MAIN) assertTrue(err.startsWith("*** ERROR IN \"t.ss\"@2.8"), err);
            }
        }
    }

    private static long compileThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("safepoint-compile-")).count();
    }

    @Test
    void aThousandEvalsLeaveNoCompileThreadBehind() {
        long threadsBefore = compileThreads();
        int openBefore = ExpansionTime.open();
        String program = """
                (defsyntax (one stx) (thread-yield!) 1)
                (def (sum n) (let loop ((i 0) (s 0)) (if (= i n) s (loop (+ i 1) (+ s (eval '(one)) (eval '(+ 1 1)))))))
                (display (thread-join! (thread-start! (make-thread (lambda () (sum 1000)) 'evaluator))))
                """;
        assertEquals("VALUE 0\n3000", free(program, 2).text());
        assertTrue(ExpansionTime.open() <= openBefore, "compiles left open: " + ExpansionTime.open());
        // Sequential compiles reuse one idle compile thread.
        assertTrue(compileThreads() <= threadsBefore + 1, "compile threads: " + compileThreads() + ", before " + threadsBefore);
    }

    @Test
    void terminatingAThreadThatExpandsEndsItsCompile() {
        int openBefore = ExpansionTime.open();
        String program = """
                (defsyntax (stuck stx) (thread-sleep! 1000) ''never)
                (def t (thread-start! (make-thread (lambda () (eval '(stuck))) 'stuck)))
                ;; Terminated once it sleeps in the transformer (terminating a thread that runs on
                ;; another processor races with its next wait, expanding or not).
                (let wait () (unless (thread-state-waiting? (thread-state t)) (thread-yield!) (wait)))
                (thread-terminate! t)
                (display (with-catch (lambda (e) 'terminated) (lambda () (thread-join! t))))
                """;
        assertEquals("VALUE 0\nterminated", free(program, 2).text());
        assertTrue(ExpansionTime.open() <= openBefore, "compiles left open: " + ExpansionTime.open());
        assertEquals("VALUE 0\nterminated", controlled(program, 2, 5, "random").text());
        assertTrue(ExpansionTime.open() <= openBefore, "compiles left open: " + ExpansionTime.open());
    }

    @Test
    void aCompileLeftOpenEndsWithTheEvaluationOrTheRewind() {
        int openBefore = ExpansionTime.open();
        // A continuation escapes the transformer: its compile waits for an answer until the
        // evaluation is over.
        String escape = """
                (def out #f)
                (defsyntax (leave stx) (out 'escaped))
                (display (call/cc (lambda (k) (set! out k) (eval '(leave)))))
                """;
        assertEquals("VALUE 0\nescaped", free(escape, 1).text());
        assertTrue(ExpansionTime.open() <= openBefore, "compiles left open: " + ExpansionTime.open());
        // The run ends while a worker sleeps in its transformer: a rewind drops the worker.
        String leave = """
                (defsyntax (slow stx) (thread-sleep! 100) ''x)
                (def started #f)
                (thread-start! (make-thread (lambda () (set! started #t) (eval '(slow)))))
                (let wait () (unless started (thread-yield!) (wait)))
                (thread-yield!)
                """;
        Machine vm = machine(new StringWriter(), 2);
        Machine.Prepared p = vm.prepare(leave, "t.ss");
        var snap = safepoint.vm.search.Checkpoint.of(vm, p);
        for (long seed = 1; seed <= 50; seed++) {
            snap.rewind(new StringWriter(), new StringWriter(), seed);
            vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(1_000_000));
            assertEquals(Outcome.Status.VALUE, vm.run(p).status());
            assertTrue(ExpansionTime.open() <= openBefore + 1, "compiles left open: " + ExpansionTime.open());
        }
        snap.rewind(new StringWriter(), new StringWriter(), 0);
        assertTrue(ExpansionTime.open() <= openBefore, "compiles left open: " + ExpansionTime.open());
    }
}
