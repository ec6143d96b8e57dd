package safepoint.repl;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/timeout: a timed lock that tries again proven by dfs; one whose timeout is ignored, found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimeoutDemoTest {
    @Test
    void bothUpdatesAlwaysCount() throws Exception {
        Demos.provedByDfs(Demos.example("timeout-retry.ss"));
    }

    @Test
    void exploreFindsTheUpdateMadeAfterATimedOutLock() throws Exception {
        Demos.foundByExplore(Demos.example("timeout-ignored.ss"), "lost an update");
    }
}
