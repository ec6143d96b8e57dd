package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A worker's error before a deadlock, as explore reports it: the error first, and the interleaving says how the worker ended. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadErrorCliTest {
    @TempDir
    Path dir;

    @Test
    void exploreReportsTheWorkersErrorBeforeTheDeadlock() throws Exception {
        Path file = dir.resolve("err-deadlock.ss");
        // The worker fails only when it reads the flag before the main thread sets it: a schedule's failure.
        Files.writeString(file, "(define m (make-mutex 'm)) (define cv (make-condition-variable 'cv)) (define ready #f) (define go #f)\n"
                + "(define worker (make-thread (lambda () (thread-yield!) (if (not go) (car '())) (mutex-lock! m) (set! ready #t)"
                + " (condition-variable-signal! cv) (mutex-unlock! m)) 'worker))\n"
                + "(thread-start! worker) (thread-yield!) (set! go #t) (mutex-lock! m)\n"
                + "(let loop () (if (not ready) (begin (mutex-unlock! m cv) (mutex-lock! m) (loop))))\n");
        CliTest.Result r = CliTest.run("", "explore", file.toString(), "--runs", "50");
        assertEquals(1, r.status(), r.out() + r.err());
        String out = r.out();
        int error = out.indexOf("-- (Argument 1) PAIR expected\n(car '())\n(in #<thread worker>, never joined)");
        int deadlock = out.indexOf("*** Deadlock: no thread can run");
        assertTrue(error >= 0 && deadlock > error, out);
        assertTrue(InterleavingTest.block(out).contains("thread-end: uncaught exception"), out);
    }
}
