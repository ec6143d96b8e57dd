package safepoint.vm.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Why it is stuck: wait-for cycles, the barrier's edges, deadlock-exception, lost wakeups. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AnalysisTest {

    static final String ABBA = """
            (define a (make-mutex 'a))
            (define b (make-mutex 'b))
            (define (lock-both first second)
              (mutex-lock! first) (thread-sleep! .01) (mutex-lock! second) (mutex-unlock! second) (mutex-unlock! first))
            (define left (spawn/name 'left (lambda () (lock-both a b))))
            (define right (spawn/name 'right (lambda () (lock-both b a))))
            (thread-join! left)
            """;

    /** Run in controlled mode (seed) or free run (seed null) on p processors; stdout then the outcome. */
    static Machine.Outcome run(String program, int p, Long seed, StringWriter out) {
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), seed == null ? 0 : seed);
        vm.setProcessors(p);
        if (seed != null) vm.setControlled(seed, "random", 2_000_000);
        vm.deadline = System.nanoTime() + 60_000_000_000L;
        return vm.load(program, "t.ss");
    }

    @Test
    void anAbbaDeadlockIsReportedAsItsCycleInBothModes() {
        for (Long seed : new Long[] {null, 1L, 2L}) {
            Machine.Outcome o = run(ABBA, 4, seed, new StringWriter());
            assertEquals(3, o.exitCode(), String.valueOf(o.errorText()));
            String t = o.errorText();
            assertTrue(t.contains("""
                      the cycle:
                        #<thread left> waits to lock #<mutex b>
                        #<mutex b> is held by #<thread right>
                        #<thread right> waits to lock #<mutex a>
                        #<mutex a> is held by #<thread left>
                    """), t);
            // Each participant: what it holds, what it waits for, where.
            assertTrue(t.contains("  #<thread left> WAITING on #<mutex b>, held by #<thread right>\n      locked #<mutex a>\n"
                    + "      waiting to lock #<mutex b>\n      0  lock-both, \"t.ss\"@4."), t);
            assertEquals(seed == null, t.contains("./safepoint explore FILE"), "free run points at explore: " + t);
        }
    }

    @Test
    void aHandledDeadlockExceptionLetsTheRunGoOn() {
        String program = """
                (define m (make-mutex 'm))
                (mutex-lock! m)
                (define t (spawn (lambda () (mutex-lock! m))))
                (display (with-exception-catcher
                           (lambda (e) (if (deadlock-exception? e) 'deadlock-caught e))
                           (lambda () (thread-join! t))))
                (newline)
                (display "still running")
                """;
        for (Long seed : new Long[] {null, 5L}) {
            StringWriter out = new StringWriter();
            Machine.Outcome o = run(program, 2, seed, out);
            assertEquals(Machine.Status.VALUE, o.status(), String.valueOf(o.errorText()));
            assertEquals("deadlock-caught\nstill running", out.toString());
        }
    }

    @Test
    void theGcBarrierCycleGoesThroughProcessorsLocksAndTheParkedHolder() throws Exception {
        String program = Files.readString(Path.of("..", "examples", "gc-barrier-spin.ss"));
        for (Long seed : new Long[] {null, 1L}) {
            Machine.Outcome o = run(program, 2, seed, new StringWriter());
            assertEquals(3, o.exitCode(), String.valueOf(o.errorText()));
            String t = o.errorText();
            assertTrue(t.matches("(?s).*the cycle:\n"
                    + "    #<thread primordial> is parked at the safepoint on P(\\d)\n"
                    + "    P\\1 waits at the GC barrier for P(\\d)\n"
                    + "    P\\2 runs #<thread spinner>\n"
                    + "    #<thread spinner> spins in code without polls on #<spinlock L>\n"
                    + "    #<spinlock L> is held by #<thread primordial>\n.*"), t);
            assertTrue(t.contains("spinning on #<spinlock L> (no poll in this code)"), t);
        }
    }

    @Test
    void aConditionVariableNoLiveThreadCanReachIsALostWakeup() {
        // The waiter's condition variable lives only in its own frame: nobody can ever signal it.
        String lost = """
                (define m (make-mutex 'm))
                (define (wait-alone)
                  (let ((cv (make-condition-variable 'alone)))
                    (mutex-lock! m)
                    (mutex-unlock! m cv)))
                (define w (spawn/name 'waiter wait-alone))
                (thread-join! w)
                """;
        Machine.Outcome o = run(lost, 2, 3L, new StringWriter());
        assertEquals(3, o.exitCode());
        assertTrue(o.errorText().contains("#<thread waiter> WAITING on #<condition-variable alone>"), o.errorText());
        assertTrue(o.errorText().contains("no live thread can signal #<condition-variable alone>"), o.errorText());
        // Reachable from a global: someone could signal it, so no such claim (still a deadlock: nothing runs).
        Machine.Outcome shared = run(lost.replace("(let ((cv (make-condition-variable 'alone)))", "(let ((cv shared-cv))")
                .replace("(define (wait-alone)", "(define shared-cv (make-condition-variable 'alone))\n(define (wait-alone)"), 2, 3L,
                new StringWriter());
        assertEquals(3, shared.exitCode());
        assertFalse(shared.errorText().contains("no live thread can signal"), shared.errorText());
    }

    @Test
    void manyWaitersAreSummarisedNotDumped() {
        String program = """
                (define m (make-mutex 'm))
                (mutex-lock! m)
                (define ts (let loop ((i 0) (acc '()))
                             (if (= i 2000) acc (loop (+ i 1) (cons (spawn (lambda () (mutex-lock! m))) acc)))))
                (thread-join! (car ts))
                """;
        Machine.Outcome o = run(program, 4, 1L, new StringWriter());
        assertEquals(3, o.exitCode());
        String t = o.errorText();
        assertTrue(t.lines().count() < 80, "summarised: " + t.lines().count() + " lines");
        assertTrue(t.matches("(?s).*\\.\\.\\. and 1,98\\d more threads:\n      1,98\\d wait to lock #<mutex m>.*"), t);
    }
}
