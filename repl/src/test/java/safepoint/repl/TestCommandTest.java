package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code safepoint test}: Gerbil test files with :std/test, one machine each, a closing line and an exit status. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestCommandTest {
    private static final String PASSING = "src/test/resources/gerbil-tests/passing";
    private static final String FAILING = "src/test/resources/gerbil-tests/failing";

    @Test
    void aFolderOfPassingFilesRunsEachExportedSuiteAndExitsZero() throws Exception {
        CliTest.Result r = CliTest.run("", "test", PASSING);
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("Test suite: every check\n  Test case: check => ? and an equality: 4 checks passed\n"
                + "  Test case: the named checks: 7 checks passed\n  Test case: output and exceptions: 3 checks passed\n"), r.out());
        assertTrue(r.out().contains("every check: OK\nOK\n"), r.out());
        assertTrue(r.out().contains("Test case: a mutex keeps every increment: 1 check passed"), "(export #t) finds threads-test:\n" + r.out());
        assertTrue(r.out().endsWith("--- 2 test files: 2 passed\n"), r.out());
    }

    @Test
    void aFailureNamesTheCheckWhatItGaveAndWhatWasExpectedAndTheOtherCasesStillRun() throws Exception {
        CliTest.Result r = CliTest.run("", "test", FAILING + "/broken-test.ss");
        assertEquals(1, r.status(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.contains("  Test case: a wrong value: FAILED after 1 passed check\n"
                + "    *** FAILED: (+ 1 1) gave 2, expected 3 (equal?)\n"), out);
        assertTrue(!out.contains("never"), "a case stops at its first failure:\n" + out);
        assertTrue(out.contains("    *** FAILED: (+ 1 1) gave 2, which fails odd?\n"), out);
        assertTrue(out.contains("  Test case: an error: ERROR after 0 passed checks\n    *** ERROR: (Argument 1) PAIR expected; (car '())\n"), out);
        assertTrue(out.contains("    *** FAILED: (+ 1 2) raised no exception (wanted one satisfying error-object?)\n"), out);
        assertTrue(out.contains("  Test case: still runs: 1 check passed\n"), out);
        assertTrue(out.contains("broken: FAILURE\nFAILURE\n"), out);
        assertTrue(out.endsWith("--- 1 test file: 0 passed, 1 failed: " + FAILING + "/broken-test.ss\n"), out);
    }

    @Test
    void withASeedTheFilesRunInControlledModeAndGiveTheSameOutputEachTime() throws Exception {
        CliTest.Result a = CliTest.run("", "test", PASSING, "--seed", "7", "-p", "2");
        CliTest.Result b = CliTest.run("", "test", PASSING, "--seed", "7", "-p", "2");
        assertEquals(0, a.status(), a.out() + a.err());
        assertTrue(a.out().endsWith("--- 2 test files: 2 passed (controlled mode, seed 7, 2 processors)\n"), a.out());
        assertEquals(a.out(), b.out());
    }

    @Test
    void nothingToRunIsAClearMessageAndExitTwo() throws Exception {
        CliTest.Result r = CliTest.run("", "test", "no/such/place");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("safepoint test: no such file or folder: no/such/place"), r.err());
        CliTest.Result none = CliTest.run("", "test");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("test needs the test files or folders to run"), none.err());
    }
}
