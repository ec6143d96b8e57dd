package safepoint.repl;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/queue: two consumers draining one queue under a mutex proven by dfs; without it, found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueueDemoTest {
    @Test
    void eachItemIsTakenOnce() throws Exception {
        Demos.provedByDfs(Demos.example("queue-locked.ss"));
    }

    @Test
    void exploreFindsTheDequeueOfAnEmptyQueue() throws Exception {
        Demos.foundByExplore(Demos.example("queue-unlocked.ss"), "dequeue!: the queue is empty");
    }
}
