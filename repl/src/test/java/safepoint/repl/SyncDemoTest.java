package safepoint.repl;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/sync: one sync-hash-do per update proven by dfs; a ref then a put that loses a visit, found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SyncDemoTest {
    @Test
    void bothVisitsAlwaysCount() throws Exception {
        Demos.provedByDfs(Demos.example("sync-hash-update.ss"));
    }

    @Test
    void exploreFindsTheVisitLostBetweenRefAndPut() throws Exception {
        Demos.foundByExplore(Demos.example("sync-hash-ref-put.ss"), "lost a visit");
    }
}
