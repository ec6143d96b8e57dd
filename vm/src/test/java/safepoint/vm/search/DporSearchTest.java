package safepoint.vm.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DPOR against plain dfs: the same verdict, the same fewest preemptions, no more schedules. */
class DporSearchTest {
    static DfsSearch.Result dpor(ProgramRuns runs, int bound) {
        return DporSearch.search(runs, bound, 1_000_000, 100_000, o -> true, () -> false, w -> {});
    }

    static void same(String text, int processors, int bound) {
        DfsSearch.Result plain = DfsSearch.search(DfsSearchTest.runs(text, processors), 0, bound, 1_000_000, 100_000, o -> true);
        DfsSearch.Result reduced = dpor(DfsSearchTest.runs(text, processors), bound);
        assertEquals(plain.failure() == null, reduced.failure() == null, "same verdict");
        assertEquals(plain.complete(), reduced.complete());
        if (plain.failure() != null) {
            assertNotNull(reduced.failure());
            assertEquals(plain.failurePreemptions(), reduced.failurePreemptions(), "the fewest preemptions");
        } else {
            assertTrue(reduced.schedules() <= plain.schedules(), reduced.schedules() + " > " + plain.schedules());
        }
    }

    @ParameterizedTest
    @Timeout(120)
    @ValueSource(strings = {"lost-update.ss", "lost-update-fixed.ss", "abba-deadlock.ss", "abba-fixed.ss", "completion-double-post.ss",
            "completion-waiters.ss", "registry-two-locks.ss", "registry-one-lock.ss", "rwlock-reread.ss", "gc-barrier-spin.ss",
            "gc-barrier-spin-fixed.ss", "spin-with-polls.ss", "barrier-short-count.ss", "channel-early-close.ss", "bounded-buffer-if.ss"})
    void examplesGetPlainDfsVerdicts(String name) throws Exception {
        same(Files.readString(Path.of("..", "examples", name)), 2, 2);
    }

    @ParameterizedTest
    @Timeout(60)
    @ValueSource(ints = {2, 4})
    void smallProgramsGetPlainDfsVerdicts(int processors) {
        same(DfsSearchTest.LOST_UPDATE, processors, 2);
        same(DfsSearchTest.TINY, processors, 2);
        same(DfsSearchTest.LATE_LOST_UPDATE, processors, 1);
    }
}
