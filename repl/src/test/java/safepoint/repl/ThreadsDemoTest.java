package safepoint.repl;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/threads: aborting a waiting worker proven by dfs; aborting one that holds a mutex, found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadsDemoTest {
    @Test
    void theAbortedWorkerAlwaysEnds() throws Exception {
        Demos.provedByDfs(Demos.example("threads-abort-unwind.ss"));
    }

    @Test
    void exploreFindsTheMutexTheAbortedWorkerAbandoned() throws Exception {
        Demos.foundByExplore(Demos.example("threads-abort-held-lock.ss"), "MUTEX was abandoned");
    }
}
