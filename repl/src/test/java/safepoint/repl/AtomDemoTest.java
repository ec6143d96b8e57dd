package safepoint.repl;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/atom: counting with atom-increment! proven by dfs; a deref then a reset that loses an increment, found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AtomDemoTest {
    @Test
    void theAtomAlwaysCountsSix() throws Exception {
        Demos.provedByDfs(Demos.example("atom-counter.ss"));
    }

    @Test
    void exploreFindsTheIncrementLostBetweenDerefAndReset() throws Exception {
        Demos.foundByExplore(Demos.example("atom-deref-reset.ss"), "lost an increment");
    }
}
