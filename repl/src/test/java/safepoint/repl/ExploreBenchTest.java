package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bench explore}'s searches: each example's verdict is the same with and without
 * reduction, a proof under dpor takes no more schedules than plain dfs, and every program of the
 * bench's list exists (a renamed example would silently drop out of the table).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExploreBenchTest {
    private static ExploreBench.Searched search(ExploreBench.Program p, boolean dpor) throws Exception {
        Path file = Path.of(Demos.example(p.file()));
        return ExploreBench.search(p, Files.readString(file), file.toString(), dpor);
    }

    @Test
    void aFixedExampleIsProvenBothWaysAndDporNeedsFewerSchedules() throws Exception {
        ExploreBench.Program fixed = new ExploreBench.Program("lost-update-fixed.ss");
        ExploreBench.Searched dpor = search(fixed, true), none = search(fixed, false);
        assertEquals("proven", dpor.verdict());
        assertEquals("proven", none.verdict());
        assertTrue(dpor.schedules() < none.schedules(), dpor + " vs " + none);
    }

    @Test
    void aBrokenExampleFailsBothWaysWithTheSameFewestPreemptions() throws Exception {
        ExploreBench.Program broken = new ExploreBench.Program("lost-update.ss");
        ExploreBench.Searched dpor = search(broken, true), none = search(broken, false);
        assertTrue(dpor.failed() && none.failed(), dpor + " vs " + none);
        assertEquals(none.failurePreemptions(), dpor.failurePreemptions());
        assertEquals("fails (1 preemption)", dpor.verdict());
    }

    @Test
    void everyProgramOfTheBenchIsAnExample() {
        for (ExploreBench.Program p : ExploreBench.PROGRAMS) {
            assertTrue(Files.exists(Path.of(Demos.example(p.file()))), p.file());
        }
    }
}
