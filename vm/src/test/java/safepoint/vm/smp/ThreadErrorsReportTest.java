package safepoint.vm.smp;

import safepoint.vm.run.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.VmFixture;

/**
 * A thread's error is never hidden by what follows it (issue 11, "Reports that tell the truth"):
 * a deadlock after it, a join of the failed thread, a lock of the mutex it abandoned. Each report
 * names the original error and where it was raised, the same way on every schedule.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThreadErrorsReportTest {

    /** A worker dies on (car '()) before it signals; the primordial thread then waits forever. */
    static final String ERROR_THEN_DEADLOCK = "(define m (make-mutex 'm)) (define cv (make-condition-variable 'cv)) (define ready #f)\n"
            + "(define worker (make-thread (lambda () (car '()) (mutex-lock! m) (set! ready #t) (condition-variable-signal! cv)"
            + " (mutex-unlock! m)) 'worker))\n"
            + "(mutex-lock! m) (thread-start! worker)\n"
            + "(let loop () (if (not ready) (begin (mutex-unlock! m cv) (mutex-lock! m) (loop))))\n";

    static Outcome run(String program, long seed) {
        VmFixture f = new VmFixture();
        if (seed >= 0) {
            f.vm.configure(f.vm.settings().withProcessors(2));
            f.vm.configure(f.vm.settings().controlled(seed, "random").withMaxSteps(1_000_000));
        } else {
            f.vm.configure(f.vm.settings().withProcessors(2));
        }
        return f.vm.load(program, "test.ss");
    }

    @Test
    void anErrorBeforeADeadlockIsReportedFirstInEveryMode() {
        String car = "*** ERROR IN \"test.ss\"@2.40 -- (Argument 1) PAIR expected\n(car '())\n(in #<thread worker>, never joined)\n\n";
        for (long seed = -1; seed < 6; seed++) {
            Outcome o = run(ERROR_THEN_DEADLOCK, seed);
            assertEquals(Outcome.Status.DEADLOCK, o.status(), "seed " + seed + ": " + o.errorText());
            assertTrue(o.errorText().startsWith(car + "*** Deadlock: no thread can run"), "seed " + seed + ":\n" + o.errorText());
            assertTrue(o.errorText().contains("\n  #<thread worker> TERMINATED by an uncaught exception (its error is reported above)"),
                    "the deadlock mentions the dead worker: " + o.errorText());
        }
    }

    @Test
    void everyFailedThreadIsReportedNotOnlyTheFirst() {
        String program = "(define (consumer) (assert (= 1 2)))\n"
                + "(define a (thread-start! (make-thread consumer 'a))) (define b (thread-start! (make-thread consumer 'b)))\n"
                + "(thread-sleep! 0.05) (thread-join! (make-thread (lambda () 1)) 0)\n";
        for (long seed = -1; seed < 4; seed++) {
            Outcome o = run(program, seed);
            assertEquals(Outcome.Status.ERROR, o.status(), "seed " + seed);
            assertTrue(o.errorText().contains("(in #<thread a>, never joined)"), o.errorText());
            assertTrue(o.errorText().contains("(in #<thread b>, never joined)"), o.errorText());
        }
    }

    /** Free run (seed -1) and seeds 0..lastSeed all end in this error text, of this condition. */
    static void assertSameErrorOnEverySchedule(String program, long lastSeed, String expected, String condition) {
        for (long seed = -1; seed <= lastSeed; seed++) {
            Outcome o = run(program, seed);
            assertEquals(Outcome.Status.ERROR, o.status(), "seed " + seed);
            assertEquals(expected, o.errorText(), "seed " + seed);
            assertEquals(condition, ((safepoint.vm.analysis.Failure.Error) o.failure()).condition(), "seed " + seed);
        }
    }

    @Test
    void joiningAFailedThreadNamesItsErrorAndWhereOnEverySchedule() {
        String program = "(define t (make-thread (lambda () (list 1 2) (car '()))))\n(thread-start! t)\n(thread-join! t)\n";
        String expected = "*** ERROR IN \"test.ss\"@3.1 -- Uncaught exception: #<type-exception #2>\n"
                + "(thread-join! '#<thread #3>)\n"
                + "#<thread #3> ended with this uncaught exception:\n"
                + "*** ERROR IN \"test.ss\"@1.46 -- (Argument 1) PAIR expected\n(car '())";
        assertSameErrorOnEverySchedule(program, 7, expected, "uncaught-exception");
    }

    @Test
    void lockingAMutexWhoseOwnerDiedIsAnAbandonedMutexExceptionNamingTheOwnerAndItsError() {
        String program = "(define m (make-mutex 'm))\n"
                + "(define t (make-thread (lambda () (mutex-lock! m) (car '()))))\n"
                + "(thread-start! t) (thread-sleep! 0.05)\n(mutex-lock! m)\n";
        String expected = "*** ERROR IN \"test.ss\"@4.1 -- MUTEX was abandoned\n(mutex-lock! '#<mutex #2 m>)\n"
                + "#<thread #3> ended while it held the mutex, with this uncaught exception:\n"
                + "*** ERROR IN \"test.ss\"@2.51 -- (Argument 1) PAIR expected\n(car '())";
        // Reported once: not again as never joined.
        assertSameErrorOnEverySchedule(program, 5, expected, "abandoned-mutex-exception");
    }

    @Test
    void aWaiterHandedAnAbandonedMutexGetsTheSameReport() {
        // The main thread waits for m while the owner dies holding it: the hand-off raises in the waiter.
        String program = "(define m (make-mutex 'm)) (define go (make-mutex 'go)) (mutex-lock! go)\n"
                + "(define t (make-thread (lambda () (mutex-lock! m) (mutex-lock! go) (raise 'oops))))\n"
                + "(thread-start! t) (thread-sleep! 0.05) (thread-start! (make-thread (lambda () (thread-sleep! 0.05) (mutex-unlock! go))))\n"
                + "(mutex-lock! m)\n";
        for (long seed = -1; seed < 6; seed++) {
            Outcome o = run(program, seed);
            String text = o.errorText();
            assertTrue(text.startsWith("*** ERROR IN \"test.ss\"@4.1 -- MUTEX was abandoned\n(mutex-lock! '#<mutex #"), "seed " + seed + ":\n" + text);
            assertTrue(text.contains("ended while it held the mutex, with this uncaught exception:\n*** ERROR IN \"test.ss\"@2."
                   ) && text.contains("This object was raised: oops"), "seed " + seed + ":\n" + text);
        }
    }
}
