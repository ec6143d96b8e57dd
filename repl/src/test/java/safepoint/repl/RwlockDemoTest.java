package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/misc/rwlock: readers and a writer proven by dfs; the reader that reads again behind a waiting writer, found. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RwlockDemoTest {
    static final String RIGHT = Demos.example("rwlock-readers-writer.ss");
    static final String REREAD = Demos.example("rwlock-reread.ss");

    @Test
    void dfsProvesReadersNeverSeeTheWriterHalfWay() throws Exception {
        Demos.provedByDfs(RIGHT);
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
