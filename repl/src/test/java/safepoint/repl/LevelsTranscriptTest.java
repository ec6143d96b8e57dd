package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import safepoint.vm.Machine;

/**
 * Debugger levels as a person sees them at the interactive REPL: each {@code levels/NAME.in} is
 * typed at a REPL with levels (prompts shown), and the screen text (stdout and stderr in one
 * stream, as a terminal shows them) must be {@code NAME.out}. The words follow gsi's, whose own
 * session for the same input is quoted in each case's comment lines. Re-record with
 * {@code -Dsafepoint.record=true} and read the diff.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LevelsTranscriptTest {
    static final Path DIR = Path.of("src", "test", "resources", "levels");

    static Stream<String> cases() throws IOException {
        return cases(DIR);
    }

    /** The names of the transcripts in {@code dir}: each NAME.in has its NAME.out. */
    static Stream<String> cases(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".in")).map(n -> n.substring(0, n.length() - 3))
                    .sorted().toList().stream();
        }
    }

    /** The screen of a REPL session with levels on that reads {@code input}. */
    static String session(String input) throws IOException {
        StringWriter screen = new StringWriter();
        Machine vm = new Machine(screen, screen, new StringReader(input), 0);
        vm.deadline = System.nanoTime() + 50_000_000_000L;
        new Repl(vm, screen, screen, true, true).run();
        return screen.toString();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theSessionShowsWhatGsiWouldWithSafepointsWords(String name) throws IOException {
        check(DIR, name, LevelsTranscriptTest::session);
    }

    /** A session typed from {@code dir/NAME.in} must show {@code dir/NAME.out} (recorded instead with -Dsafepoint.record=true). */
    static void check(Path dir, String name, Session session) throws IOException {
        String actual = session.screen(Files.readString(dir.resolve(name + ".in"), StandardCharsets.UTF_8));
        Path golden = dir.resolve(name + ".out");
        if (Boolean.getBoolean("safepoint.record")) Files.writeString(golden, actual, StandardCharsets.UTF_8);
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
    }

    /** The screen of a session that reads its input. */
    interface Session {
        String screen(String input) throws IOException;
    }
}
