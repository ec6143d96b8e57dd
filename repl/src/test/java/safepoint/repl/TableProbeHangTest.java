package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Demo (d)'s third face: under {@code --locks none} the writers' lost updates of free fill every
 * entry of a small table, and a lookup of a missing key probes for ever; explore proves it a hang
 * (the searches are seeded, so what they find is the same on every machine).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TableProbeHangTest {
    static final String DEMO = Path.of("..", "examples", "table-probes-forever.ss").toString();

    @Test
    void exploreUnderNoneProvesTheEndlessProbeAHangAndSaysWhy() throws Exception {
        CliTest.Result r = CliTest.run("", "explore", DEMO, "--locks", "none", "-p", "2");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("failure found on run 1 of 1000"), r.out());
        assertTrue(r.out().contains("*** Hang: the program can never end"), r.out());
        assertTrue(r.out().contains("#<thread primordial> probes the hash table registry for ever (raw-table-ref)"), r.out());
        assertTrue(r.out().contains("walked all 4 entries of its 8 slots, and none is unused and none holds its key"), r.out());
        assertTrue(r.out().contains("the count and free words drifted under unlocked writers"), r.out());
        assertTrue(r.out().contains("nothing else can write the table: 2 other threads have ended"), r.out());
    }

    @Test
    void underPerTableTheSetRehashesAndTheLookupEnds() throws Exception {
        CliTest.Result r = CliTest.run("", "explore", DEMO, "--locks", "per-table", "-p", "2");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("no failure in 1000 schedules (0 inconclusive)"), r.out());
    }

    @Test
    void aProbeThatAnotherThreadCouldStillEndIsNoProvenHang() throws Exception {
        // the same full table, but a thread sleeping with a timeout might yet write the key
        String program = java.nio.file.Files.readString(Path.of(DEMO)).replace(
                "(display (hash-get registry 99))",
                "(thread-start! (make-thread (lambda () (thread-sleep! 1000) (hash-put! registry 99 99))))\n(display (hash-get registry 99))");
        Path file = java.nio.file.Files.createTempFile("probe-maybe", ".ss");
        try {
            java.nio.file.Files.writeString(file, program);
            CliTest.Result r = CliTest.run("", "run", file.toString(), "--locks", "none", "-p", "2", "--seed", "1", "--max-steps", "20000");
            String all = r.out() + r.err();
            // on this seed the table fills and the lookup probes to the bound, unproven: the sleeper may still write 99
            assertTrue(all.contains("*** Step bound reached: 20000 scheduling points"), all);
            assertTrue(!all.contains("*** Hang"), all);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
