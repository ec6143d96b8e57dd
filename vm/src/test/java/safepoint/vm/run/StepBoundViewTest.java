package safepoint.vm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.VmFixture;
import safepoint.vm.observe.LockView;
import safepoint.vm.observe.ThreadView;

/** An inconclusive run (step bound reached) hands out the machine as the bound found it: who was running or spinning, and where. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StepBoundViewTest {
    static final String PROGRAM = """
            (define L (make-spinlock 'L))
            (define (busy) (let loop () (thread-yield!) (loop)))
            (spinlock-acquire! L)
            (define a (make-thread busy 'busy)) (thread-start! a)
            (define b (make-thread (lambda () (spinlock-acquire! L)) 'spinner)) (thread-start! b)
            (let loop () (thread-yield!) (loop))
            """;

    @Test
    void theStepBoundsOutcomeCarriesTheRunningAndSpinningThreadsOnEverySeed() {
        for (long seed = 1; seed <= 5; seed++) {
            VmFixture f = new VmFixture();
            f.vm.configure(f.vm.settings().withProcessors(2));
            f.vm.configure(f.vm.settings().controlled(seed, "random").withMaxSteps(20_000));
            Outcome o = f.vm.load(PROGRAM, "test.ss");
            assertEquals(Outcome.Status.TIMEOUT, o.status(), o.errorText());
            assertNotNull(o.view(), "seed " + seed);
            ThreadView spinner = o.view().threads().stream().filter(t -> t.thread().name().equals("#<thread spinner>")).findFirst().orElseThrow();
            assertTrue(spinner.state() == ThreadView.State.RUNNING || spinner.state() == ThreadView.State.RUNNABLE, spinner.toString());
            assertEquals("#<spinlock L>", spinner.spinningOn().name());
            assertTrue(spinner.progress().spinTries() > 0, spinner.toString());
            LockView l = o.view().locks().stream().filter(x -> x.lock().name().equals("#<spinlock L>")).findFirst().orElseThrow();
            assertEquals("#<thread primordial>", l.holder().name());
            ThreadView busy = o.view().threads().stream().filter(t -> t.thread().name().equals("#<thread busy>")).findFirst().orElseThrow();
            assertTrue(busy.state() == ThreadView.State.RUNNING || busy.state() == ThreadView.State.RUNNABLE, busy.toString());
            assertTrue(busy.progress().polls() > 0, busy.toString());
        }
    }
}
