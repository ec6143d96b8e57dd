package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demo (a) of issue 14, seed bug 5a with tables: the global table lock held by a rehash whose
 * allocation requests a GC, and a lookup spinning on it without polls. Controlled mode (seeds
 * 1..N), so what the searches find is the same on every machine.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TableBarrierDemoTest {
    static final String DEMO = Demos.example("table-global-lock-barrier.ss");
    static final String HEAP = "256k";

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // its shrink replays 44,691-cell runs: about a minute of CPU, more on a loaded machine
    void underGlobalExploreFindsTheBarrierDeadlockAndNamesLockHolderSpinnerAndBarrier() throws Exception {
        String out = Demos.foundByExplore(DEMO, "*** Deadlock: the GC barrier waits for P", "--locks", "global", "--heap", HEAP).out();
        // by seed, not by luck: the first seed's schedule deadlocks, on every machine
        assertTrue(out.startsWith("failure found on run 1 of 1000 (seed 1, strategy random, -p 2"), out);
        // in plain words: A holds the table lock and waits at the barrier, B spins on it without polls
        java.util.regex.Matcher plain = java.util.regex.Pattern.compile("\n  in plain words: P(\\d) holds the table lock #<spinlock __raw-table-lock>"
                + " \\(#<thread writer> took it\\) and waits at the barrier; P(\\d) spins on it without polls, so it never reaches the barrier\n").matcher(out);
        assertTrue(plain.find(), out);
        assertNotEquals(plain.group(1), plain.group(2), out);
        assertTrue(out.contains("  P" + plain.group(2) + " runs #<thread reader>, spinning without polls"), out);
        assertTrue(out.contains("#<thread writer> is parked at the safepoint on P" + plain.group(1)), out);
        assertTrue(out.contains("spinning without polls on #<spinlock __raw-table-lock>"), out);
        assertTrue(out.contains("#<spinlock __raw-table-lock> is held by #<thread writer>, parked at the safepoint"), out);
        assertTrue(out.contains("#<thread reader> spins in code without polls on #<spinlock __raw-table-lock>"), out);
        assertTrue(out.contains("--locks global"), "the replay keeps the policy: " + out);
        // the reader's lookup spins on the lock; the writer, on the other processor, takes it
        // again and again, and at last its rehash's allocation asks for the GC while it holds it
        Demos.inOrder(out,
                "#<thread reader>", "spins on #<spinlock __raw-table-lock>",
                "#<thread writer>", "spinlock-take #<spinlock __raw-table-lock>",
                "#<thread writer>", "requests a GC: stop the world",
                "#<thread writer>", "rehash #<hash-table>, 8192 -> 16384 slots");
        assertTrue(out.contains(" rows left out here, each thread's last one kept"), "its 2,049 inserts are not all shown: " + out.length());
    }

    @Test
    void perTableLockingPassesTheSameProgram() throws Exception {
        // the rehash's vector is allocated before the lock is taken, and the wait polls
        Demos.passesExplore(DEMO, 300, "--locks", "per-table", "--heap", HEAP);
    }

    @Test
    void underGlobalAWaitThatPollsPasses(@TempDir Path dir) throws Exception {
        // the demo without its two declare lines: the reader's lookup, and so its wait, polls
        String source = Files.readString(Path.of(DEMO));
        String polling = source.replace("(declare (not interrupts-enabled))", "").replace("(declare (interrupts-enabled))", "");
        assertNotEquals(source, polling);
        Path fixed = Files.writeString(dir.resolve("polling-reader.ss"), polling);
        Demos.passesExplore(fixed.toString(), 300, "--locks", "global", "--heap", HEAP);
    }
}
