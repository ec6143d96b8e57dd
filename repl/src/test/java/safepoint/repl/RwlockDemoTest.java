package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/rwlock: readers and a writer proven by dfs; the reader that reads again behind a waiting writer, found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RwlockDemoTest {
    static final String RIGHT = Path.of("..", "examples", "rwlock-readers-writer.ss").toString();
    static final String REREAD = Path.of("..", "examples", "rwlock-reread.ss").toString();

    @Test
    void dfsProvesReadersNeverSeeTheWriterHalfWay() throws Exception {
        CliTest.Result r = CliTest.run("", "explore", RIGHT, "--strategy", "dfs", "--preemptions", "2", "-p", "2");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*all \\d+ schedules with at most 2 preemptions pass.*"), r.out());
    }

    @Test
    void dfsFindsTheRereadDeadlockWithOnePreemptionAndNamesBothWaits() throws Exception {
        CliTest.Result r = CliTest.run("", "explore", REREAD, "--strategy", "dfs", "--preemptions", "2", "-p", "2");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("*** Deadlock"), r.out());
        assertTrue(r.out().contains("#<thread writer> WAITING on #<condition-variable config>"), r.out());
        assertTrue(r.out().contains("#<thread reader> WAITING on #<condition-variable config>"), r.out());
    }
}
