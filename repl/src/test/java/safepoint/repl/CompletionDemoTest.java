package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/completion on four processors' worth of schedules: the right use proven, the page's race found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CompletionDemoTest {
    static final String WAITERS = Path.of("..", "examples", "completion-waiters.ss").toString();
    static final String DOUBLE_POST = Path.of("..", "examples", "completion-double-post.ss").toString();

    @Test
    void dfsProvesTheWaitersGetTheOneValuePosted() throws Exception {
        CliTest.Result r = CliTest.run("", "explore", WAITERS, "--strategy", "dfs", "--preemptions", "2", "-p", "2");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*all \\d+ schedules with at most 2 preemptions pass.*"), r.out());
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
