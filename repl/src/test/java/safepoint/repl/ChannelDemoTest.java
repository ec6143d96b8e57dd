package safepoint.repl;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/channel: a pipeline closed by its owner proven by dfs; a producer that closes early, found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChannelDemoTest {
    @Test
    void dfsProvesTheConsumerSumsEveryValue() throws Exception {
        Demos.provedByDfs(Demos.example("channel-pipeline.ss"));
    }

    @Test
    void exploreFindsTheProducerThatClosedTheChannelUnderTheOther() throws Exception {
        Demos.foundByExplore(Demos.example("channel-early-close.ss"), "channel-put: the channel is closed");
    }
}
