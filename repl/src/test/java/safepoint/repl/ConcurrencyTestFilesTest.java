package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The concurrency modules' own test files (src/test/resources/std-tests: atom, threads, sync,
 * timeout, the queues, event, cothread), run by {@code safepoint test} in free run and in
 * controlled mode on 4 processors: every file passes both ways.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConcurrencyTestFilesTest {
    private static final String DIR = "src/test/resources/std-tests";

    @Test
    void everyFilePassesInFreeRun() throws Exception {
        CliTest.Result r = CliTest.run("", "test", DIR);
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().endsWith("--- 7 test files: 7 passed\n"), r.out());
    }

    @Test
    void everyFilePassesInControlledModeOnFourProcessors() throws Exception {
        CliTest.Result r = CliTest.run("", "test", DIR, "--seed", "3", "-p", "4");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().endsWith("--- 7 test files: 7 passed (controlled mode, seed 3, 4 processors)\n"), r.out());
    }
}
