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
        assertTrue(r.out().contains("=== " + PASSING + "/checks-test.ss\n>>> run checks-test\nTest suite: every check\n"
                + "Test case: check => ? and an equality\n... 5 checks OK\nTest case: the named checks\n... 7 checks OK\n"
                + "Test case: output and exceptions\n... 3 checks OK\n... All tests OK\nOK\n"), r.out());
        assertTrue(r.out().contains("Test case: a mutex keeps every increment\n... 1 checks OK"), "(export #t) finds threads-test:\n" + r.out());
        assertTrue(r.out().endsWith("--- 3 test files: 3 passed\n"), r.out());
    }

    @Test
    void theExampleOfGerbilsTestingGuideShowsWhatGxtestShows() throws Exception {
        CliTest.Result r = CliTest.run("", "test", PASSING + "/mylib-test.ss");
        assertEquals(0, r.status(), r.out() + r.err());
        // doc/reference/dev/test.md, the session after `gerbil test`
        assertTrue(r.out().startsWith("=== " + PASSING + "/mylib-test.ss\n>>> setup\nsetting up...\n>>> run mylib-test\n"
                + "Test suite: test mylib\nTest case: test myadd\n... 1 checks OK\n... All tests OK\n>>> cleanup\ncleaning up...\nOK\n"), r.out());
    }

    @Test
    void aFailureNamesTheCheckWhatItGaveAndWhatWasExpectedAndTheOtherCasesStillRun() throws Exception {
        CliTest.Result r = CliTest.run("", "test", FAILING + "/broken-test.ss");
        assertEquals(1, r.status(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.contains("Test case: a wrong value\n*** FAILED (+ 1 1) gave 2, expected 3 (equal?)\n... 1 checks OK, then one FAILED\n"), out);
        assertTrue(!out.contains("never"), "a case stops at its first failure:\n" + out);
        assertTrue(out.contains("*** FAILED (+ 1 1) gave 2, which fails odd?\n"), out);
        assertTrue(out.contains("Test case: an error\n*** ERROR (Argument 1) PAIR expected; (car '())\n... 0 checks OK, then an ERROR\n"), out);
        assertTrue(out.contains("*** FAILED (+ 1 2) raised no exception (wanted one satisfying error-object?)\n"), out);
        assertTrue(out.contains("Test case: still runs\n... 1 checks OK\n... 4 tests FAILED\nFAILURE\n"), out);
        assertTrue(out.endsWith("--- 1 test file: 0 passed, 1 failed: " + FAILING + "/broken-test.ss\n"), out);
    }

    @Test
    void aFileThatDoesNotReadIsReportedWithItsFileAndLine() throws Exception {
        CliTest.Result r = CliTest.run("", "test", "src/test/resources/test-unreadable/unreadable-test.ss");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("unreadable-test.ss\"@5.1 -- Datum or EOF expected"), r.err());
    }

    @Test
    void withASeedTheFilesRunInControlledModeAndGiveTheSameOutputEachTime() throws Exception {
        CliTest.Result a = CliTest.run("", "test", PASSING, "--seed", "7", "-p", "2");
        CliTest.Result b = CliTest.run("", "test", PASSING, "--seed", "7", "-p", "2");
        assertEquals(0, a.status(), a.out() + a.err());
        assertTrue(a.out().endsWith("--- 3 test files: 3 passed (controlled mode, seed 7, 2 processors)\n"), a.out());
        assertEquals(a.out(), b.out());
    }

    @Test
    void nothingToRunIsAClearMessageAndExitTwo() throws Exception {
        CliTest.Result r = CliTest.run("", "test", "no/such/place");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("safepoint test: no such file or folder: no/such/place"), r.err());
        CliTest.Result none = CliTest.run("", "test");
        assertEquals(2, none.status(), "the module's own folder has no *-test.ss: " + none.out());
        assertTrue(none.err().contains("no test files to run"), none.err());
        CliTest.Result deep = CliTest.run("", "test", "src/test/resources/gerbil-tests/...");
        assertTrue(deep.out().endsWith("--- 4 test files: 3 passed, 1 failed: " + FAILING + "/broken-test.ss\n"), "DIR/... is recursive:\n" + deep.out());
    }

    private static final String EXPLORED = "src/test/resources/explore-tests/counter-test.ss";

    @Test
    void withExploreDfsEachCaseIsSearchedTheLockedOneProvenTheUnlockedOneFailingWithItsReplay() throws Exception {
        CliTest.Result r = CliTest.run("", "test", EXPLORED, "--explore", "--strategy", "dfs", "-p", "2");
        assertEquals(1, r.status(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.matches("(?s).*Test case: a locked counter counts both \\(counter-test\\)\nproven: no failure in any schedule with at most 2 preemptions on 2 processors \\(dfs, dpor: \\d+ schedules\\).*"), out);
        assertTrue(out.contains("Test case: an unlocked counter (counter-test)\nfailure found by the dfs search"), out);
        assertTrue(out.contains("FAILED (count-with-threads #f) gave 1, expected 2 (equal?)"), out);
        java.util.regex.Matcher replay = java.util.regex.Pattern.compile("replay: \\./safepoint (replay \\S+ .*)").matcher(out);
        assertTrue(replay.find(), out);
        assertTrue(out.endsWith("... 1 of 2 cases failed or were not proven\nFAILURE\n--- 1 test file: 0 passed, 1 failed: " + EXPLORED
                + " (each test case explored: dfs, at most 2 preemptions, reduction dpor, 2 processors)\n"), out);
        // The printed replay line makes the same failure again.
        CliTest.Result again = CliTest.run("", replay.group(1).replace("'", "").split(" "));
        assertTrue((again.out() + again.err()).contains("FAILED (count-with-threads #f) gave 1, expected 2"), again.out() + again.err());
    }

    @Test
    void withExploreRandomTheRunsOptionCountsEachCasesSchedules() throws Exception {
        CliTest.Result r = CliTest.run("", "test", EXPLORED, "--explore", "--runs", "50", "-p", "2");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("Test case: a locked counter counts both (counter-test)\nno failure in 50 schedules"), r.out());
        assertTrue(r.out().contains("(each test case explored: random, 50 runs, 2 processors)"), r.out());
    }

    @Test
    void exploreOptionsThatDoNotFitAreUsageErrors() throws Exception {
        CliTest.Result seed = CliTest.run("", "test", EXPLORED, "--explore", "--seed", "3");
        assertEquals(2, seed.status());
        assertTrue(seed.err().contains("--explore searches schedules itself"), seed.err());
        CliTest.Result run = CliTest.run("", "run", EXPLORED, "--explore");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--explore goes with test"), run.err());
        CliTest.Result runs = CliTest.run("", "test", EXPLORED, "--runs", "5");
        assertEquals(2, runs.status());
        assertTrue(runs.err().contains("--runs goes with explore or test --explore"), runs.err());
    }

    @Test
    void aCheckThatGaveAValueThatIsNotDataWritesItAndOnlyARaisedOneIsShownAsAnException() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("safepoint-values");
        java.nio.file.Path f = dir.resolve("values-test.ss");
        java.nio.file.Files.writeString(f, "(import :std/test) (export values-test)\n(def values-test (test-suite \"v\"\n"
                + "  (test-case \"void\" (check (void) => 1))\n  (test-case \"raised\" (check-exception (raise 'boom) string?))))\n");
        CliTest.Result r = CliTest.run("", "test", f.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("*** FAILED (void) gave #!void, expected 1 (equal?)\n"), r.out());
        assertTrue(r.out().contains("*** FAILED (raise 'boom) gave the exception: This object was raised: boom, which fails string?\n"), r.out());
    }
}
