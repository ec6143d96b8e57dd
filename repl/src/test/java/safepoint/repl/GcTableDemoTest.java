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
        // b's insert overfilled the store and its resize copied slot 6; a then set k in slot 6 of
        // the old store, and b published the new one without it
        lostUnder("none",
                "#<thread b>", "count 3, free -1 #<gc-table>",
                "#<thread b>", "copy slot 6 to the new store #<gc-table>",
                "#<thread a>", "write value slot 7 #<gc-table>",
                "#<thread b>", "publish 10 -> 14 slots #<gc-table>");
    }

    @Test
    void theSeedsVerifyAndRetryStillLosesItWhenTheResizeInstallsAfterTheCheck() throws Exception {
        // the resize runs under the seed's lock, but a's set takes none: it writes the old store
        // while b copies, and its check comes before b installs
        lostUnder("global",
                "#<thread b>", "spinlock-take #<spinlock __gc-table-lock>",
                "#<thread a>", "write value slot 7 #<gc-table>",
                "#<thread b>", "publish 10 -> 14 slots #<gc-table>",
                "#<thread b>", "spinlock-release #<spinlock __gc-table-lock>");
    }

    /** Explore under {@code policy} finds the lost set, and its interleaving shows {@code steps} in order. */
    private static void lostUnder(String policy, String... steps) throws Exception {
        Demos.inOrder(Demos.foundByExplore(DEMO, LOST, "--locks", policy).out(), steps);
    }

    @Test
    void aLockPerTableCoveringReadSetAndResizeProvesEverySchedule() throws Exception {
        Demos.provedByDfs(DEMO, "--locks", "per-table");
    }
}
