package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The race detector on gc-tables, as on raw tables in demo (d): two writers of one table that
 * nothing orders are reported on schedules that pass, by the table's name, for Gerbil's gc-table
 * API and for the hash API on a gc-hash-table. Controlled mode, seeds 1..N.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GcTableRaceTest {
    static final String PROGRAM = """
            (define g (make-gc-table))
            (define h (make-hash-table test: eq?))
            (define (writer k) (lambda () (gc-table-set! g k 1) (hash-put! h k 1) #t))
            (define a (make-thread (writer (list 1)) 'a))
            (define b (make-thread (writer (list 2)) 'b))
            (thread-start! a)
            (thread-start! b)
            (thread-join! a)
            (thread-join! b)
            (unless (= (gc-table-length g) 2) (error "lost set"))
            """;

    @ParameterizedTest
    @ValueSource(strings = {"none", "global"})
    void unorderedWritersAreReportedByTheTablesNameOnPassingSchedules(String policy, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gc-race.ss"), PROGRAM);
        CliTest.Result r = CliTest.run("", "explore", file.toString(), "--locks", policy, "-p", "2", "--runs", "20");
        String all = r.out() + r.err();
        assertEquals(0, r.status(), all);
        assertTrue(r.out().startsWith("no failure in 20 schedules (0 inconclusive)"), all);
        // under global the seed's __gc-table-lock guards resizes only: a set is no more ordered than under none
        assertTrue(all.contains("warning: data race on the gc-table g\n  write by #<thread "), all);
        assertTrue(all.contains("warning: data race on the hash table h\n  write by #<thread "), all);
    }

    @Test
    void perTableLocksOrderTheWritersAndNoRaceIsReported(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gc-race.ss"), PROGRAM);
        CliTest.Result r = CliTest.run("", "explore", file.toString(), "--locks", "per-table", "-p", "2", "--runs", "20");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(!(r.out() + r.err()).contains("data race"), r.out() + r.err());
    }
}
