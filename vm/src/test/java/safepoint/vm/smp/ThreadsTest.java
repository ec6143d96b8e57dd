package safepoint.vm.smp;

import safepoint.vm.run.Outcome;
import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Green threads on one processor: Gambit's thread API with every wait recorded and no Java
 * thread parked (the scheduler is the first piece of the SMP machine). Results asserted here
 * hold under every schedule.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadsTest {
    /** JUnit makes an instance per test, so each test has a fresh machine. */
    private final VmFixture f = new VmFixture();

    @Test
    void threadsAreDataNotJavaThreads() {
        int before = Thread.activeCount();
        // 10,000 threads, each blocked on its mailbox, then each sent one message.
        String r = f.eval("""
                (let* ((ts (let loop ((i 0) (acc '()))
                             (if (= i 10000) acc
                                 (loop (+ i 1) (cons (thread-start! (make-thread (lambda () (* 2 (thread-receive))))) acc))))))
                  (thread-yield!)
                  (for-each (lambda (t) (thread-send t 21)) ts)
                  (apply + (map thread-join! ts)))""");
        assertEquals("420000", r);
        assertTrue(Thread.activeCount() <= before + 2, "no Java thread per Scheme thread");
    }

    @Test
    void terminateAbandonAndWithLock() {
        f.run("""
                (define m (make-mutex 'm))
                (define holder (make-thread (lambda () (mutex-lock! m) 'ended-holding)))
                (thread-start! holder)
                (thread-join! holder)
                (define sleeper (make-thread (lambda () (thread-sleep! 100))))
                (thread-start! sleeper)
                (thread-yield!)
                (thread-terminate! sleeper)""");
        assertEquals("abandoned", f.eval("(mutex-state m)"));
        assertEquals("abandoned-mutex", f.eval("(call/cc (lambda (k) (with-exception-handler (lambda (e) (k (if (abandoned-mutex-exception? e) 'abandoned-mutex e))) (lambda () (mutex-lock! m)))))"));
        assertEquals("terminated", f.eval("(call/cc (lambda (k) (with-exception-handler (lambda (e) (k (if (terminated-thread-exception? e) 'terminated e))) (lambda () (thread-join! sleeper)))))"));
        f.run("(mutex-unlock! m) (define n 0) (define ts (map (lambda (i) (spawn (lambda () (with-lock m (lambda () (set! n (+ n i))))))) '(1 2 3)))");
        assertEquals("6", f.eval("(begin (for-each thread-join! ts) n)"));
    }

    @Test
    void waitingForeverIsAReportedDeadlock() {
        Outcome o = f.vm.load("(define m (make-mutex 'm)) (mutex-lock! m) (thread-join! (spawn (lambda () (mutex-lock! m))))", "t.ss");
        assertEquals(Outcome.Status.DEADLOCK, o.status());
        assertEquals(3, o.exitCode());
        // Safepoint's reports name objects without serial numbers, so looking changes nothing.
        assertTrue(o.errorText().contains("#<thread primordial> WAITING on #<thread 2> to end"), o.errorText());
        assertTrue(o.errorText().contains("#<thread 2> WAITING on #<mutex m>, held by #<thread primordial>"), o.errorText());
    }

    @Test
    void anUnjoinedThreadsErrorFailsTheRun() {
        String err = f.error("(thread-start! (make-thread (lambda () (car 1)) 'w)) (thread-sleep! .01)");
        assertTrue(err.contains("PAIR expected") && err.contains("never joined"), err);
    }

    @Test
    void codeWithoutPollsIsNotPreempted() {
        f.run("""
                (define flag #f)
                (declare (not interrupts-enabled))
                (define (busy-no-polls n seen) (if (= n 0) seen (busy-no-polls (- n 1) (or seen flag))))
                (declare (interrupts-enabled))
                (define (busy n seen) (if (= n 0) seen (busy (- n 1) (or seen flag))))""");
        // 200,000 iterations span several slices; only polls let the other thread in.
        assertEquals("#f", f.eval("(begin (set! flag #f) (spawn (lambda () (set! flag #t))) (busy-no-polls 200000 #f))"));
        assertEquals("#t", f.eval("(begin (set! flag #f) (spawn (lambda () (set! flag #t))) (busy 200000 #f))"));
    }

    @Test
    void spinningWithoutPollsOnALockHeldByAnotherThreadIsADeadlockOnOneProcessor() {
        String setup = """
                (define L (make-spinlock 'L))
                (define holder (spawn/name 'holder (lambda () (spinlock-acquire! L) (thread-sleep! .01) (spinlock-release! L))))
                (thread-yield!)
                (declare (not interrupts-enabled))
                (define (grab-no-polls) (spinlock-acquire! L) (spinlock-release! L) 'got)
                (declare (interrupts-enabled))
                (define (grab) (spinlock-acquire! L) (spinlock-release! L) 'got)
                """;
        VmFixture polled = new VmFixture();
        polled.run(setup);
        assertEquals("got", polled.eval("(grab)"));
        VmFixture stuck = new VmFixture();
        Outcome o = stuck.vm.load(setup + "(grab-no-polls)", "spin.ss");
        assertEquals(Outcome.Status.DEADLOCK, o.status(), String.valueOf(o.errorText()));
        assertTrue(o.errorText().contains("spins without polls on #<spinlock L>") && o.errorText().contains("held by #<thread holder>"),
                o.errorText());
        assertTrue(stuck.error("(spinlock-release! (make-spinlock))").contains("not held"));
    }

    @Test
    void higherBasePriorityRunsFirst() {
        assertEquals("(high low)", f.eval("""
                (let* ((order '()) (m (make-mutex))
                       (note (lambda (x) (mutex-lock! m) (set! order (cons x order)) (mutex-unlock! m)))
                       (lo (make-thread (lambda () (note 'low))))
                       (hi (make-thread (lambda () (note 'high)))))
                  (thread-base-priority-set! hi 10)
                  (thread-start! lo)
                  (thread-start! hi)
                  (thread-join! lo)
                  (thread-join! hi)
                  (reverse order))"""));
    }

    @Test
    void badArgumentsAreClearErrors() {
        assertTrue(f.error("(thread-start! 5)").contains("THREAD expected"));
        assertTrue(f.error("(mutex-lock! 'x)").contains("MUTEX expected"));
        assertTrue(f.error("(let ((t (make-thread (lambda () 1)))) (thread-start! t) (thread-start! t))").contains("already started"));
        assertTrue(f.error("(thread-join! (current-thread))").contains("Deadlock"));
        // SRFI 18: unlocking a mutex owned by another thread is not an error.
        assertEquals("#t", f.eval("(let ((m (make-mutex))) (thread-join! (spawn (lambda () (mutex-lock! m)))) (mutex-unlock! m))"));
    }
}
