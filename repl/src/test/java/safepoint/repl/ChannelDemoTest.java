package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        CliTest.Result r = CliTest.run("", "explore", Demos.example("channel-early-close.ss"), "-p", "2");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("channel-put: the channel is closed"), r.out());
    }
}
