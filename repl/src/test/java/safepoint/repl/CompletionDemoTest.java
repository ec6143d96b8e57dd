package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/completion on four processors' worth of schedules: the right use proven, the page's race found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CompletionDemoTest {
    static final String WAITERS = Demos.example("completion-waiters.ss");
    static final String DOUBLE_POST = Demos.example("completion-double-post.ss");

    @Test
    void dfsProvesTheWaitersGetTheOneValuePosted() throws Exception {
        Demos.provedByDfs(WAITERS);
    }

    @Test
    void exploreFindsTheDoublePostItsPageWarnsOfAndTheReplayFailsAlike() throws Exception {
        CliTest.Result found = CliTest.run("", "explore", DOUBLE_POST, "-p", "2");
        assertEquals(1, found.status(), found.out());
        assertTrue(found.out().contains("Completion has already been posted #<completion"), found.out());
        CliTest.Result again = CliTest.run("", ReplayCommandTest.words(ReplayCommandTest.command(found.out(), "replay")));
        assertEquals(1, again.status(), again.err());
        assertTrue(again.err().contains("Completion has already been posted"), again.err());
    }
}
