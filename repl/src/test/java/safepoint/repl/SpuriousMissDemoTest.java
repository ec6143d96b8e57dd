package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Demo (d)'s spurious miss: under {@code none} a lookup that runs while a rehash has installed its
 * empty vector and not yet re-inserted the key finds nothing. Controlled mode, seeds 1..N.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpuriousMissDemoTest {
    static final String DEMO = Demos.example("table-spurious-miss.ss");

    @Test
    void underNoneExploreFindsTheReaderMissingAKeyInTheRehashWindow() throws Exception {
        CliTest.Result r = Demos.foundByExplore(DEMO, "-- spurious miss: key 0 is in the table, but hash-get found nothing", "--locks", "none");
        assertTrue(r.out().contains("data race on the hash table table"), r.out());
        // the writer publishes the new vector, the reader probes it before key 0 is back, and fails
        java.util.List<Demos.Cell> cells = Demos.cells(r.out());
        int publish = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).thread().equals("#<thread writer>") && cells.get(i).text().startsWith("publish ")) publish = i;
        }
        int get = Demos.find(cells, publish, "#<thread reader>", "hash-get #<hash-table>");
        int end = Demos.find(cells, get, "#<thread reader>", "thread-end: uncaught exception");
        assertTrue(publish >= 0 && get > publish && end > get, InterleavingTest.block(r.out()));
        assertTrue(cells.get(get + 1).thread().equals("#<thread reader>") && cells.get(get + 1).text().startsWith("probe slot "),
                InterleavingTest.block(r.out()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"global", "per-table", "lock-after-probe", "lock-free-reads"})
    void everyOtherPolicyNeverMisses(String policy) throws Exception {
        Demos.passesExplore(DEMO, 300, "--locks", policy);
    }
}
