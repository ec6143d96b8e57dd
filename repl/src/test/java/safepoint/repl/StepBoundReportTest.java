package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An inconclusive run says what was still running at the step bound: in a run, and for explore's first inconclusive run. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StepBoundReportTest {
    @TempDir
    Path dir;

    Path program() throws Exception {
        Path file = dir.resolve("spin.ss");
        Files.writeString(file, "(define L (make-spinlock 'L))\n"
                + "(define (busy) (let loop () (thread-yield!) (loop)))\n"
                + "(spinlock-acquire! L)\n"
                + "(define a (spawn/name 'busy busy))\n"
                + "(define b (spawn/name 'spinner (lambda () (spinlock-acquire! L))))\n"
                + "(let loop () (thread-yield!) (loop))\n");
        return file;
    }

    @Test
    void aRunAtTheStepBoundListsTheRunningAndSpinningThreads() throws Exception {
        CliTest.Result r = CliTest.run("", program().toString(), "-p", "2", "--seed", "3", "--max-steps", "20000");
        assertEquals(4, r.status(), r.err());
        String err = r.err();
        assertTrue(err.contains("*** Step bound reached: 20000 scheduling points"), err);
        assertTrue(err.contains("\nstill running at the bound:\n"), err);
        assertTrue(err.contains("#<thread spinner> "), err);
        assertTrue(err.contains(", spinning on #<spinlock L> (held by #<thread primordial>)"), err);
        assertTrue(err.matches("(?s).*#<thread busy> [^\n]*\n      last at loop, \"[^\"]*spin.ss\"@2\\.\\d+; [\\d,]+ polls, 0 spin tries.*"), err);
    }

    @Test
    void exploreSaysWhatItsFirstInconclusiveRunWasRunning() throws Exception {
        CliTest.Result r = CliTest.run("", "explore", program().toString(), "-p", "2", "--runs", "3", "--max-steps", "20000");
        assertEquals(4, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("all 3 runs were inconclusive"), r.out());
        assertTrue(r.out().contains("run 1 was still running at the bound:\n"), r.out());
        assertTrue(r.out().contains(", spinning on #<spinlock L> (held by #<thread primordial>)"), r.out());
    }
}
