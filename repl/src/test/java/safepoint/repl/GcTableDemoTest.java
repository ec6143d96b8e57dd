package safepoint.repl;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Demo (c) of issue 14, seed bug 5(c): a set into a gc-table's old store while another thread's
 * insert resizes it is lost, unlocked and under the seed's verify-and-retry; a lock per table
 * fixes it. Controlled mode over seeds 1..N (and dfs), so the same on every machine.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GcTableDemoTest {
    static final String DEMO = Demos.example("gc-table-stale-resize.ss");
    static final String LOST = "lost set: the set went into the old store old";

    @Test
    void unlockedTheSetIntoTheOldStoreIsLost() throws Exception {
        Demos.foundByExplore(DEMO, LOST, "--locks", "none");
    }

    @Test
    void theSeedsVerifyAndRetryStillLosesItWhenTheResizeInstallsAfterTheCheck() throws Exception {
        Demos.foundByExplore(DEMO, LOST, "--locks", "global");
    }

    @Test
    void aLockPerTableCoveringReadSetAndResizeProvesEverySchedule() throws Exception {
        Demos.provedByDfs(DEMO, "--locks", "per-table");
    }
}
