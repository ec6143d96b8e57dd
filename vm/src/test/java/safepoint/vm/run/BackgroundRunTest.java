package safepoint.vm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.VmFixture;
import safepoint.vm.observe.ThreadView;

/**
 * Between two evaluations of the interactive REPL the other threads run on (free run), while the
 * primordial thread waits at the prompt; the next evaluation stops them at their next scheduling
 * point and goes on from there. Free run: the assertions wait for what must happen, with timeouts.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BackgroundRunTest {
    static void await(BooleanSupplier done, String what) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting until " + what);
            Thread.sleep(5);
        }
    }

    /**
     * Evaluate {@code expr} until {@code done} holds of its value, starting the background run
     * again after each evaluation (which stops it), as the REPL's prompt does.
     */
    static void awaitValue(VmFixture f, String expr, java.util.function.Predicate<String> done, String what) throws InterruptedException {
        await(() -> {
            boolean yes = done.test(f.eval(expr));
            f.vm.runInBackground();
            return yes;
        }, what);
    }

    /** A machine on {@code processors} that has loaded {@code program}, its threads now running behind the prompt. */
    static VmFixture behindThePrompt(int processors, String program) {
        VmFixture f = new VmFixture();
        f.vm.configure(f.vm.settings().withProcessors(processors));
        f.run(program);
        f.vm.runInBackground();
        return f;
    }

    @Test
    void threadsRunWhileThePromptWaitsAndTheNextEvaluationGoesOn() throws Exception {
        VmFixture f = new VmFixture();
        f.vm.configure(f.vm.settings().withProcessors(4));
        f.run("(define n 0) (define t (thread-start! (make-thread (lambda () (thread-sleep! 0.05) (set! n 1)"
                + " (display \"hello\") (newline) (thread-sleep! 0.05) (set! n 2)) 'worker)))");
        assertFalse(f.out.toString().contains("hello"), "nothing ran after the evaluation, yet");
        f.vm.runInBackground();
        assertTrue(f.vm.inBackground());
        await(() -> f.out.toString().contains("hello\n"), "the worker printed (flushed at its newline)");
        // The prompt's thread waits for console input in the view: a visible wait, not a deadlock.
        ThreadView main = f.vm.look().threads().stream().filter(x -> x.thread().name().equals("#<thread primordial>")).findFirst().orElseThrow();
        assertEquals(ThreadView.State.WAITING, main.state());
        // Each evaluation stops the background run; the prompt starts it again, as the REPL does.
        awaitValue(f, "n", "2"::equals, "the worker ended");
        assertEquals("2", f.eval("n"), "the next evaluation sees what the thread did");
        assertNull(f.vm.backgroundEnded(), "nothing ended the background run on its own");
    }

    @Test
    void anEvaluationStopsEvenASpinnerWithoutPollsAndItGoesOnAfterwards() throws Exception {
        VmFixture f = behindThePrompt(2, "(define k 0) (define t (thread-start! (make-thread (lambda () (let loop () (set! k (+ k 1)) (loop))) 'spinner)))");
        awaitValue(f, "k", k -> Long.parseLong(k) > 0, "the spinner ran");
        long before = Long.parseLong(f.eval("k"));
        f.vm.runInBackground();
        awaitValue(f, "k", k -> Long.parseLong(k) > before, "the spinner went on after an evaluation");
        f.vm.stopBackground();
        assertFalse(f.vm.inBackground());
        f.run("(thread-terminate! t)");
    }

    @Test
    void anExitInABackgroundThreadIsReportedOnce() throws Exception {
        VmFixture f = behindThePrompt(2, "(thread-start! (make-thread (lambda () (thread-sleep! 0.02) (exit 7))))");
        await(() -> !f.vm.inBackground(), "the exit ended the background run");
        Outcome o = f.vm.backgroundEnded();
        assertEquals(Outcome.Status.EXIT, o.status());
        assertEquals(7, o.exitCode());
        assertNull(f.vm.backgroundEnded(), "once");
    }

    @Test
    void controlledModeAndALoneThreadHaveNoBackgroundRun() {
        VmFixture f = new VmFixture();
        f.vm.runInBackground();
        assertFalse(f.vm.inBackground(), "no other thread: nothing to run");
        f.run("(define t (thread-start! (make-thread (lambda () (thread-sleep! 10)))))");
        f.vm.configure(f.vm.settings().controlled(1, "random"));
        f.vm.runInBackground();
        assertFalse(f.vm.inBackground(), "controlled mode moves only by steps");
    }
}
