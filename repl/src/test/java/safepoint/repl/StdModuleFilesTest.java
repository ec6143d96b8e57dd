package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Gerbil-style test files of the data and text modules (one *-test.ss per module or pair of
 * modules, written with :std/test), run as {@code safepoint test} runs them: every file passes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StdModuleFilesTest {
    private static final String DATA = "src/test/resources/std-tests/data";

    @Test
    void everyDataAndTextModuleTestFilePasses() throws Exception {
        CliTest.Result r = CliTest.run("", "test", DATA);
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(!r.out().contains("FAILED") && !r.out().contains("*** ERROR"), r.out());
        assertTrue(r.out().matches("(?s).*--- \\d+ test files: (\\d+) passed\n"), r.out());
    }
}
