package safepoint.repl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GsiDriverTest {
    @Test
    void parsesTheDriversTimesInMicroseconds() {
        Result r = Gsi.parse("fib", "(times 1500 (1000 3000 2000))\n", 0);
        assertTrue(r.ok());
        assertEquals(1.5, r.coldMs(), 1e-9);
        assertEquals(2.0, r.warmMs(), 1e-9);
        assertEquals(3, r.warmRuns());
        assertEquals(0, Gsi.parse("fib", "(times 7 ())", 0).warmRuns());
    }

    @Test
    void aWrongResultOrACrashUnderGsiIsAFailure() {
        Result wrong = Gsi.parse("fib", "(wrong 12)\n", 3);
        assertFalse(wrong.ok());
        assertTrue(wrong.failure().startsWith("gsi gave a wrong result: (wrong 12)"), wrong.failure());
        Result crash = Gsi.parse("fib", "", 70);
        assertEquals("gsi exited with status 70", crash.failure());
    }

    @Test
    void theDriverUsesThePolicy() {
        String d = Gsi.driver("/tmp/a \"b\".scm", new Policy(3, 10, 5000, true));
        assertTrue(d.startsWith("(load \"/tmp/a \\\"b\\\".scm\")\n(set! bench-size bench-test-size)\n"), d);
        assertTrue(d.contains("(equal? r bench-test-expected)"), d);
        assertTrue(d.contains("(< n 3)") && d.contains("(< n 10)") && d.contains("(< spent 5000000)"), d);
        assertFalse(Gsi.driver("x.scm", Policy.DEFAULT).contains("set!"));
    }

    @Test
    void warmRunsFollowThePolicy() {
        Policy p = new Policy(3, 10, 5000, false);
        assertTrue(p.more(0, 1e9), "the minimum comes first");
        assertTrue(p.more(2, 1e9));
        assertFalse(p.more(3, 5000));
        assertTrue(p.more(3, 4999));
        assertFalse(p.more(10, 0));
    }

    @Test
    void collectorNames() {
        assertEquals("ParallelGC", JvmInfo.collector(List.of("PS Scavenge", "PS MarkSweep")));
        assertEquals("G1GC", JvmInfo.collector(List.of("G1 Young Generation", "G1 Old Generation")));
        assertEquals("SerialGC", JvmInfo.collector(List.of("Copy", "MarkSweepCompact")));
        assertTrue(JvmInfo.describe().contains(", GC "));
    }

    /** The oracle agrees with every program's expected results, at both sizes (skipped without gsi). */
    @Test
    void everyProgramGivesItsExpectedResultsUnderGsi() {
        Optional<Path> gsi = Gsi.locate();
        assumeTrue(gsi.isPresent(), "gsi is not on the PATH");
        for (String name : Programs.NAMES) {
            for (boolean small : new boolean[] {true, false}) {
                Result r = Gsi.run(gsi.get(), name, Programs.source(name), new Policy(0, 0, 0, small));
                assertTrue(r.ok(), () -> name + (small ? " (test size)" : "") + ": " + r.failure());
            }
        }
    }
}
