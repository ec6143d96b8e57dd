package safepoint.vm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.VmFixture;
import safepoint.vm.observe.LockView;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.observe.Wait;

/**
 * The free-run watchdog's report of the GC barrier held up by two spinners without polls (issue
 * 11): a thread holds L and asks for a GC while two others spin on L in code without polls, and
 * the main thread waits in thread-join! for the holder. Free run is nondeterministic: only what
 * holds on every schedule is asserted.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BarrierStallReportTest {
    static final String PROGRAM = """
            (define L (make-spinlock 'L))
            (define spinning 0)
            (declare (not interrupts-enabled))
            (define (grab) (set! spinning (+ spinning 1)) (spinlock-acquire! L) (spinlock-release! L) 'got-it)
            (declare (interrupts-enabled))
            (define holder
              (make-thread
                (lambda ()
                  (spinlock-acquire! L)
                  (thread-start! (make-thread grab 'a))
                  (thread-start! (make-thread grab 'b))
                  (let wait () (unless (= spinning 2) (thread-yield!) (wait)))
                  (gc)
                  (spinlock-release! L))
                'holder))
            (thread-start! holder)
            (thread-join! holder)
            """;

    @RepeatedTest(3)
    void everySpinnerIsNamedWithTheLockAndItsHolderAndTheJoinerWaits() {
        VmFixture f = new VmFixture();
        f.vm.configure(f.vm.settings().withProcessors(3));
        Outcome o = f.vm.load(PROGRAM, "test.ss");
        assertEquals(Outcome.Status.DEADLOCK, o.status(), String.valueOf(o.errorText()));
        String text = o.errorText();
        for (String spinner : new String[] {"#<thread a>", "#<thread b>"}) {
            assertTrue(text.contains(spinner + " in code without polls, spinning on #<spinlock L> (held by #<thread holder>)"), text);
        }
        assertTrue(text.contains("#<spinlock L> is held by #<thread holder>, which waits at the barrier for the GC it asked for"), text);
        assertFalse(text.contains("idle"), text); // three processors: two spinners and the holder's, at the barrier
        assertNotNull(o.view());
        ThreadView main = o.view().thread(1);
        assertEquals(ThreadView.State.WAITING, main.state(), main.toString());
        assertTrue(main.waitsFor() instanceof Wait.ForThread j && j.thread().name().equals("#<thread holder>"), main.toString());
        LockView l = o.view().locks().stream().filter(x -> x.lock().name().equals("#<spinlock L>")).findFirst().orElseThrow();
        assertEquals("#<thread holder>", l.holder().name());
        assertEquals(2, l.spinners().size(), l.toString());
    }
}
