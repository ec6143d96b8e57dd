package safepoint.vm.lang;

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

    @Test
    void threadsAreDataNotJavaThreads() {
        VmFixture f = new VmFixture();
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
        VmFixture f = new VmFixture();
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
        VmFixture f = new VmFixture();
        Machine.Outcome o = f.vm.load("(define m (make-mutex 'm)) (mutex-lock! m) (thread-join! (spawn (lambda () (mutex-lock! m))))", "t.ss");
        assertEquals(Machine.Status.DEADLOCK, o.status());
        assertEquals(3, o.exitCode());
        assertTrue(o.errorText().contains("#<thread #1 primordial> WAITING on #<thread"), o.errorText());
        assertTrue(o.errorText().matches("(?s).*WAITING on #<mutex #\\d+ m>, held by #<thread #1 primordial>.*"), o.errorText());
    }

    @Test
    void anUnjoinedThreadsErrorFailsTheRun() {
        VmFixture f = new VmFixture();
        String err = f.error("(thread-start! (make-thread (lambda () (car 1)) 'w)) (thread-sleep! .01)");
        assertTrue(err.contains("PAIR expected") && err.contains("never joined"), err);
    }

    @Test
    void badArgumentsAreClearErrors() {
        VmFixture f = new VmFixture();
        assertTrue(f.error("(thread-start! 5)").contains("THREAD expected"));
        assertTrue(f.error("(mutex-lock! 'x)").contains("MUTEX expected"));
        assertTrue(f.error("(let ((t (make-thread (lambda () 1)))) (thread-start! t) (thread-start! t))").contains("already started"));
        assertTrue(f.error("(thread-join! (current-thread))").contains("Deadlock"));
        // SRFI 18: unlocking a mutex owned by another thread is not an error.
        assertEquals("#t", f.eval("(let ((m (make-mutex))) (thread-join! (spawn (lambda () (mutex-lock! m)))) (mutex-unlock! m))"));
    }
}
