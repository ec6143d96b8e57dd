package safepoint.vm.run;

import safepoint.vm.Machine;
import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Free run on four processors (four Java threads). Only facts that hold under every schedule are
 * asserted: results of joins, counts under a mutex, the detection of waits nothing can end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FreeRunTest {

    static VmFixture fourProcessors() {
        VmFixture f = new VmFixture();
        f.vm.configure(f.vm.settings().withProcessors(4));
        return f;
    }

    @RepeatedTest(3)
    void mutexProtectedCounterLosesNoUpdate() {
        VmFixture f = fourProcessors();
        assertEquals("8000", f.eval("""
                (let* ((m (make-mutex)) (n 0)
                       (ts (map (lambda (i)
                                  (spawn (lambda ()
                                           (let loop ((j 0))
                                             (when (< j 1000)
                                               (mutex-lock! m) (set! n (+ n 1)) (mutex-unlock! m)
                                               (loop (+ j 1)))))))
                                '(1 2 3 4 5 6 7 8))))
                  (for-each thread-join! ts)
                  n)"""));
    }

    @Test
    void producerConsumerAndManyThreads() {
        VmFixture f = fourProcessors();
        assertEquals("499500", f.eval("""
                (let* ((m (make-mutex)) (cv (make-condition-variable)) (q '())
                       (consumer (spawn (lambda ()
                                   (let loop ((i 0) (sum 0))
                                     (if (= i 1000) sum
                                         (begin
                                           (mutex-lock! m)
                                           (let wait () (when (null? q) (mutex-unlock! m cv) (mutex-lock! m) (wait)))
                                           (let ((x (car q))) (set! q (cdr q)) (mutex-unlock! m) (loop (+ i 1) (+ sum x)))))))))
                       (producer (spawn (lambda ()
                                   (do ((i 0 (+ i 1))) ((= i 1000))
                                     (mutex-lock! m) (set! q (append q (list i))) (condition-variable-signal! cv) (mutex-unlock! m))))))
                  (thread-join! producer)
                  (thread-join! consumer))"""));
        assertEquals("332833500", f.eval("""
                (let loop ((i 0) (ts '()))
                  (if (< i 1000)
                      (loop (+ i 1) (cons (spawn (lambda () (* i i))) ts))
                      (apply + (map thread-join! ts))))"""));
    }

    @Test
    void aWaitNothingCanEndIsADeadlockOnFourProcessorsToo() {
        VmFixture f = fourProcessors();
        Outcome o = f.vm.load("(define m (make-mutex 'm)) (mutex-lock! m) (thread-join! (spawn (lambda () (mutex-lock! m))))", "t.ss");
        assertEquals(Outcome.Status.DEADLOCK, o.status());
        assertTrue(o.errorText().contains("#<thread 2> WAITING on #<mutex m>, held by #<thread primordial>"), o.errorText());
    }

    /** A lock cycle while another thread keeps running: the watchdog sees it twice, unmoved. */
    static final String CYCLE_WHILE_TICKING = """
            (define a (make-mutex 'a))
            (define b (make-mutex 'b))
            (define (lock-both x y) (mutex-lock! x) (thread-sleep! .05) (mutex-lock! y))
            (define ticker (spawn/name 'ticker (lambda () (let loop () (thread-sleep! .01) (loop)))))
            (define l (spawn/name 'left (lambda () (lock-both a b))))
            (define r (spawn/name 'right (lambda () (lock-both b a))))
            (thread-join! l)
            """;

    @Test
    void aCycleSeenTwiceWhileOthersRunIsADeadlockInFreeRun() {
        VmFixture f = fourProcessors();
        f.vm.deadline = System.nanoTime() + 30_000_000_000L;
        Outcome o = f.vm.load(CYCLE_WHILE_TICKING, "t.ss");
        assertEquals(Outcome.Status.DEADLOCK, o.status(), o.errorText());
        assertTrue(o.errorText().startsWith("*** Deadlock: a cycle of waits, the same at two looks 500 ms apart, while other threads still run\n"
                + "  the cycle:\n"), o.errorText());
        assertTrue(o.errorText().contains("#<thread left> WAITING on #<mutex b>, held by #<thread right>"), o.errorText());
    }

    @Test
    void theSameCycleIsAProvenHangAtTheStepBoundInControlledMode() {
        Machine vm = new Machine(new java.io.StringWriter(), new java.io.StringWriter(), new java.io.StringReader(""), 1);
        vm.configure(vm.settings().withProcessors(4));
        vm.configure(vm.settings().controlled(1, "random").withMaxSteps(200_000));
        Outcome o = vm.load(CYCLE_WHILE_TICKING, "t.ss");
        assertEquals(3, o.exitCode(), o.errorText());
        assertTrue(o.errorText().contains("it comes back on itself: a cycle nothing outside can break"), o.errorText());
    }

    @Test
    void aSpinWithoutPollsEndsWhenTheHolderRunsOnAnotherProcessor() {
        VmFixture f = fourProcessors();
        f.run("""
                (define L (make-spinlock 'L))
                (define holder (spawn (lambda () (spinlock-acquire! L) (thread-sleep! .01) (spinlock-release! L))))
                (let wait () (unless (spinlock-holder L) (thread-yield!) (wait)))
                (declare (not interrupts-enabled))
                (define (grab) (spinlock-acquire! L) (spinlock-release! L) 'got)
                (declare (interrupts-enabled))""");
        assertEquals("got", f.eval("(grab)"));
    }

    @Test
    void racesOnSchemeDataNeverSurfaceAsJavaTraces() {
        VmFixture f = fourProcessors();
        // Unsynchronized writers to one Gambit table: whatever they lose, the run ends normally
        // or with a Scheme-level report, never a JVM stack trace.
        Outcome o = f.vm.load("""
                (define t (make-table))
                (define ts (map (lambda (k) (spawn (lambda () (do ((i 0 (+ i 1))) ((= i 2000)) (table-set! t (+ (* k 10000) i) i)))))
                                '(1 2 3 4)))
                (for-each (lambda (th) (with-exception-handler (lambda (e) #f) (lambda () (thread-join! th)))) ts)
                (table-length t)""", "race.ss");
        assertTrue(o.status() == Outcome.Status.VALUE || o.status() == Outcome.Status.ERROR, String.valueOf(o.status()));
        if (o.status() == Outcome.Status.ERROR) assertTrue(o.errorText().startsWith("*** ERROR"), o.errorText());
    }

    @Test
    void ctrlCEndsAWaitOfTheMainThread() throws Exception {
        VmFixture f = fourProcessors();
        Outcome[] result = new Outcome[1];
        Thread runner = new Thread(() -> result[0] = f.vm.load(
                "(define forever (spawn (lambda () (let loop () (loop))))) (thread-join! forever)", "t.ss"));
        runner.start();
        // Interrupt until the run notices (the join may not have started at the first try).
        while (runner.isAlive()) {
            f.vm.interrupt();
            runner.join(50);
        }
        assertEquals(Outcome.Status.ERROR, result[0].status());
        assertTrue(result[0].errorText().contains("User interrupt"), result[0].errorText());
    }
}
