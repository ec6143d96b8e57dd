package safepoint.repl;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/barrier: phases separated by a barrier proven by dfs; a barrier for too few threads, found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BarrierDemoTest {
    @Test
    void dfsProvesNoSecondPhaseBeginsBeforeEveryFirstPhaseEnds() throws Exception {
        Demos.provedByDfs(Demos.example("barrier-phases.ss"));
    }

    @Test
    void exploreFindsTheWorkerABarrierForTooFewLeftBehind() throws Exception {
        Demos.foundByExplore(Demos.example("barrier-short-count.ss"), "a second phase began before every first phase ended");
    }
}
