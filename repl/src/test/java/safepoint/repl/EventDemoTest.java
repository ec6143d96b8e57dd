package safepoint.repl;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * :std/event: syncing on two channels proven by dfs; a sync whose timeout gives #f to a sum, found;
 * a sync that can never end, found as the cycle of waits through its objects.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventDemoTest {
    @Test
    void theConsumerAlwaysGetsBothValues() throws Exception {
        Demos.provedByDfs(Demos.example("event-select.ss"));
    }

    @Test
    void exploreFindsTheTimeoutsFalseInTheSum() throws Exception {
        Demos.foundByExplore(Demos.example("event-timeout-value.ss"), "NUMBER expected");
    }

    @Test
    void exploreFindsTheSyncThatWaitsForAWorkerWaitingForItsLock() throws Exception {
        Demos.foundByExplore(Demos.example("event-deadlock.ss"), "#<sync on #<thread worker>, an event> waits for the end of #<thread worker>",
                "--strategy", "dfs");
    }
}
