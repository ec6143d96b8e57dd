package safepoint.vm.analysis;

import safepoint.vm.run.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.Machine;

/** Lock-order cycles of any length, and only those that can close (the Goodlock refinement), each once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockOrderTest {
    /** {@code n} philosophers, each taking fork i then fork i+1 (mod n), all at once or one after the other. */
    static String philosophers(int n, boolean oneByOne) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append("(define fork-").append(i).append(" (make-mutex 'fork-").append(i).append("))\n");
        s.append("""
                (define (dine left right)
                  (mutex-lock! left) (mutex-lock! right) (mutex-unlock! right) (mutex-unlock! left) 'ate)
                """);
        s.append("(define diners (list");
        for (int i = 0; i < n; i++) {
            String spawn = "(spawn/name 'philosopher-" + i + " (lambda () (dine fork-" + i + " fork-" + (i + 1) % n + ")))";
            s.append("\n  ").append(oneByOne ? "(thread-join! " + spawn + ")" : spawn);
        }
        return s.append("))\n(display ").append(oneByOne ? "diners" : "(map thread-join! diners)").append(")\n").toString();
    }

    static final String GATED = """
            (define gate (make-mutex 'gate))
            (define a (make-mutex 'a))
            (define b (make-mutex 'b))
            (define (gated first second)
              (mutex-lock! gate) (mutex-lock! first) (mutex-lock! second)
              (mutex-unlock! second) (mutex-unlock! first) (mutex-unlock! gate) 'ok)
            (define left (spawn/name 'left (lambda () (gated a b))))
            (define right (spawn/name 'right (lambda () (gated b a))))
            (display (list (thread-join! left) (thread-join! right)))
            """;

    static final String ABBA = """
            (define a (make-mutex 'a))
            (define b (make-mutex 'b))
            (define (both first second)
              (mutex-lock! first) (mutex-lock! second) (mutex-unlock! second) (mutex-unlock! first) 'ok)
            (thread-join! (spawn/name 'left (lambda () (both a b) (both a b))))
            (thread-join! (spawn/name 'right (lambda () (both b a) (both b a))))
            (display (thread-join! (spawn/name 'third (lambda () (both a b) (both b a)))))
            """;

    static Outcome run(String program, long seed, StringWriter err) {
        Machine vm = new Machine(new StringWriter(), err, new StringReader(""), seed);
        vm.configure(vm.settings().withProcessors(3));
        vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(2_000_000));
        return vm.load(program, "t.ss");
    }

    static List<Warning.LockOrderInversion> cycles(Outcome o) {
        return o.warnings().stream().filter(w -> w instanceof Warning.LockOrderInversion)
                .map(w -> (Warning.LockOrderInversion) w).toList();
    }

    @Test
    void theFiveForkCycleOfTheDiningPhilosophersIsWarnedOnAPassingRun() {
        int passing = 0;
        for (long seed = 1; seed <= 8; seed++) {
            StringWriter err = new StringWriter();
            Outcome o = run(philosophers(5, false), seed, err);
            if (o.status() != Outcome.Status.VALUE) continue; // this schedule deadlocked: the report says so anyway
            passing++;
            List<Warning.LockOrderInversion> c = cycles(o);
            assertEquals(1, c.size(), "seed " + seed + ": " + err);
            Warning.LockOrderInversion w = c.get(0);
            assertEquals(List.of("#<mutex fork-0>", "#<mutex fork-1>", "#<mutex fork-2>", "#<mutex fork-3>", "#<mutex fork-4>"),
                    w.identity().names());
            // Round the cycle: each edge holds its lock and takes the next one, each a different philosopher's.
            for (int i = 0; i < 5; i++) {
                assertEquals(w.locks().get(i), w.edges().get(i).holding());
                assertEquals(w.locks().get((i + 1) % 5), w.edges().get(i).took());
            }
            assertEquals(5, w.edges().stream().map(Warning.Acquisition::thread).distinct().count());
            String text = err.toString();
            assertTrue(text.startsWith("warning: lock-order cycle (potential deadlock): #<mutex fork-"), text);
            assertTrue(text.contains(" were taken in a cycle\n  #<thread philosopher-"), text);
            assertTrue(text.endsWith("  one schedule can make each thread hold one lock and wait for the next: take them in one order\n"), text);
        }
        assertTrue(passing > 0, "some schedules pass");
    }

    @Test
    void aThreeLockCycleIsWarnedEvenWhenTheThreadsNeverOverlap() {
        // Each philosopher eats before the next one starts: the run always passes; the order is still a cycle.
        String sequential = philosophers(3, true);
        for (long seed = 1; seed <= 3; seed++) {
            StringWriter err = new StringWriter();
            Outcome o = run(sequential, seed, err);
            assertEquals(Outcome.Status.VALUE, o.status(), err.toString());
            List<Warning.LockOrderInversion> c = cycles(o);
            assertEquals(1, c.size(), err.toString());
            // Found when philosopher-2 closed it (fork-2 then fork-0): the edges from fork-0 round, that one last.
            assertEquals(List.of("#<mutex fork-0>", "#<mutex fork-1>", "#<mutex fork-2>"), c.get(0).locks());
            assertEquals(List.of("#<thread philosopher-0>", "#<thread philosopher-1>", "#<thread philosopher-2>"),
                    c.get(0).edges().stream().map(Warning.Acquisition::thread).toList());
        }
    }

    /** On seeds 1..lastSeed the program runs to its value with no warning, neither reported nor printed. */
    static void assertNotWarned(String program, long lastSeed) {
        for (long seed = 1; seed <= lastSeed; seed++) {
            StringWriter err = new StringWriter();
            Outcome o = run(program, seed, err);
            assertEquals(Outcome.Status.VALUE, o.status(), "seed " + seed + ": " + err);
            assertEquals(List.of(), o.warnings(), "seed " + seed + ": " + err);
            assertEquals("", err.toString(), "seed " + seed);
        }
    }

    @Test
    void twoLocksAlwaysTakenUnderAGateLockAreNotWarned() {
        assertNotWarned(GATED, 5);
        // Without the gate around one of the two orders, the same two locks are warned.
        Outcome o = run(GATED.replace("(gated b a)", "(begin (mutex-lock! b) (mutex-lock! a) (mutex-unlock! a) (mutex-unlock! b) 'ok)"),
                1, new StringWriter());
        assertEquals(List.of(List.of("#<mutex a>", "#<mutex b>")), cycles(o).stream().map(w -> w.identity().names()).toList());
    }

    @Test
    void oneThreadTakingBothOrdersIsNotWarned() {
        String program = """
                (define a (make-mutex 'a))
                (define b (make-mutex 'b))
                (define c (make-mutex 'c))
                (define (both first second)
                  (mutex-lock! first) (mutex-lock! second) (mutex-unlock! second) (mutex-unlock! first))
                (display (thread-join! (spawn/name 'alone (lambda () (both a b) (both b c) (both c a) (both b a) 'ok))))
                """;
        assertNotWarned(program, 3);
    }

    @Test
    void aTwoLockInversionIsWarnedExactlyOnceInTheClassicWords() {
        for (long seed = 1; seed <= 4; seed++) {
            StringWriter err = new StringWriter();
            Outcome o = run(ABBA, seed, err);
            assertEquals(Outcome.Status.VALUE, o.status());
            // Both orders, each taken twice and by more than one thread: still one warning.
            List<Warning.LockOrderInversion> c = cycles(o);
            assertEquals(1, c.size(), err.toString());
            assertEquals(List.of("#<mutex a>", "#<mutex b>"), c.get(0).locks());
            String text = err.toString();
            assertTrue(text.startsWith("""
                    warning: lock-order inversion (potential deadlock): #<mutex a> and #<mutex b> were taken in both orders
                      #<thread left> took #<mutex b> while holding #<mutex a>:
                    """), text);
            assertTrue(text.contains("  #<thread right> took #<mutex a> while holding #<mutex b>:\n"), text);
            assertEquals(1, text.split("warning: ", -1).length - 1, text);
        }
    }
}
