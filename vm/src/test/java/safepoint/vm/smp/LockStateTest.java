package safepoint.vm.smp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.VmFixture;
import safepoint.vm.data.Primitive;

/**
 * {@code mutex-state} and {@code spinlock-holder} answer right in every state of the lock, in
 * free run and in controlled mode; a mutex is read under the scheduler's monitor, and a
 * spinlock's word is an atomic word: one compare-and-swap takes it, one swap releases it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockStateTest {
    /**
     * Each state of a mutex and of a spinlock: free, held by this thread, free again, held by
     * another thread (which waits for a message meanwhile), free again; then a mutex's own
     * states: locked and not owned, and abandoned (its owner ended holding it).
     */
    private static final String LOCK_STATES = """
            (define main (current-thread))
            (define (states state take release!)
              (let* ((free (state))
                     (mine (begin (take) (eq? (state) main)))
                     (again (begin (release!) (state)))
                     (other (make-thread (lambda () (take) (thread-send main 'taken) (thread-receive) (release!)))))
                (thread-start! other)
                (thread-receive)
                (let ((theirs (eq? (state) other)))
                  (thread-send other 'go)
                  (thread-join! other)
                  (list free mine again theirs (state)))))
            (define m (make-mutex 'm))
            (define l (make-spinlock 'l))
            (list (states (lambda () (mutex-state m)) (lambda () (mutex-lock! m)) (lambda () (mutex-unlock! m)))
                  (states (lambda () (spinlock-holder l)) (lambda () (spinlock-acquire! l)) (lambda () (spinlock-release! l)))
                  (begin (mutex-lock! m #f #f) (let ((s (mutex-state m))) (mutex-unlock! m) s))
                  (begin (thread-join! (thread-start! (make-thread (lambda () (mutex-lock! m))))) (mutex-state m)))
            """;

    /** The program's value on one and four processors in free run, and under five seeds in controlled mode. */
    private static void answersEverywhere(String program, String expected) {
        for (int processors : new int[] {1, 4}) {
            VmFixture f = new VmFixture();
            f.vm.configure(f.vm.settings().withProcessors(processors));
            assertEquals(expected, f.eval(program), "free run on " + processors);
        }
        for (long seed = 1; seed <= 5; seed++) {
            VmFixture f = new VmFixture();
            f.vm.configure(f.vm.settings().withProcessors(4));
            f.vm.configure(f.vm.settings().controlled(seed, "random").withMaxSteps(1_000_000));
            assertEquals(expected, f.eval(program), "controlled, seed " + seed);
        }
    }

    @Test
    void mutexStateAndSpinlockHolderInEachState() {
        answersEverywhere(LOCK_STATES, "((not-abandoned #t not-abandoned #t not-abandoned) (#f #t #f #t #f) not-owned abandoned)");
    }

    /**
     * Call the primitive {@code name} on {@code lock} from another Java thread while this one
     * holds {@code monitor}: the call must wait for it (the thread is seen BLOCKED, never done).
     */
    private static Object readsUnder(VmFixture f, String name, Object lock, Object monitor) throws InterruptedException {
        Primitive p = (Primitive) f.vm.lookup(name);
        Object[] answer = new Object[1];
        Thread reader = new Thread(() -> answer[0] = p.call1(f.vm.primordial.interp, lock), "reader");
        synchronized (monitor) {
            reader.start();
            while (reader.getState() != Thread.State.BLOCKED) {
                assertNotEquals(Thread.State.TERMINATED, reader.getState(), name + " read the lock without its monitor");
                Thread.onSpinWait();
            }
        }
        reader.join();
        return answer[0];
    }

    @Test
    void mutexStateReadsUnderTheSchedulersMonitor() throws Exception {
        VmFixture f = new VmFixture();
        f.run("(define m (make-mutex 'm))");
        assertEquals("not-abandoned", String.valueOf(readsUnder(f, "mutex-state", f.vm.lookup("m"), f.vm.scheduler)));
    }

    @Test
    void aSpinlockWordIsTakenByOneSwapAndReleasedByAnother() throws Exception {
        VmFixture f = new VmFixture();
        f.run("(define l (make-spinlock 'l))");
        Spinlocks.Spinlock l = (Spinlocks.Spinlock) f.vm.lookup("l");
        SThread me = f.vm.primordial;
        SThread other = new SThread("other", new safepoint.vm.interp.Interp(f.vm));
        assertEquals(true, l.tryTake(me));
        assertEquals(me, l.holder());
        assertEquals(false, l.tryTake(other), "a held word refuses every other take");
        assertEquals(me, l.spinOnce(other), "a failed try meets the holder");
        assertEquals(1, l.spins());
        assertEquals(me, l.release());
        assertEquals(null, l.holder());
        assertEquals(null, l.spinOnce(other), "a try on a free word takes it");
        assertEquals(other, l.holder());
        assertEquals(other, l.release());
        assertEquals(null, l.release(), "releasing a free word finds nobody");
        assertEquals(1, l.spins(), "only failed tries count as spins");
    }
}
