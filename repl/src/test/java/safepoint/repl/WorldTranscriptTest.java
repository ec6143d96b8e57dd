package safepoint.repl;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import safepoint.vm.Machine;
import safepoint.vm.run.RunSettings;

/**
 * The paused world as a person sees it at the REPL: each {@code world/NAME.in} is typed at a
 * two-processor REPL (prompts shown) and the screen must be {@code NAME.out}. Paused, the world
 * runs in controlled mode, so every step, step back and explanation is the same on every run.
 * Re-record with {@code -Dsafepoint.record=true} and read the diff.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorldTranscriptTest {
    static final Path DIR = Path.of("src", "test", "resources", "world");

    static Stream<String> cases() throws IOException {
        return LevelsTranscriptTest.cases(DIR);
    }

    static String session(String input) throws IOException {
        StringWriter screen = new StringWriter();
        Machine vm = new Machine(screen, screen, new StringReader(input), 0);
        vm.configure(RunSettings.freeRun(2));
        vm.deadline = System.nanoTime() + 50_000_000_000L;
        new Repl(vm, screen, screen, true, true).run();
        return screen.toString();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachMoveOfThePausedWorldIsShownTheSameWayEveryTime(String name) throws IOException {
        LevelsTranscriptTest.check(DIR, name, WorldTranscriptTest::session);
    }
}
