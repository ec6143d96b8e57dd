package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Today's texts that explain the machine, as golden files: the REPL's views ({@code ,threads},
 * {@code ,locks}, {@code ,procs}, {@code ,events}, {@code ,why}, {@code ,deadlock}) and the
 * command line's failure reports ({@code run}'s deadlock reports, {@code explore}'s interleaving
 * columns, shrunk schedules and warnings summary). Issue 10 moves these renderers onto typed
 * records; these files catch any text the move changes.
 *
 * <p>A case is {@code src/test/resources/views/NAME.in} beside {@code NAME.out}. The {@code .in}
 * starts with one or more {@code ;; safepoint ARGS} lines, each a command line run in-process
 * (as {@link CliTest} does) from the repl module's folder, so examples are {@code ../examples/...};
 * every one of them must print the {@code .out} text. The rest of the {@code .in} is piped to the
 * REPL's stdin (the header lines are not, so {@code (console)@L.C} positions count from the first
 * line after them). The {@code .out} holds stdout, stderr and the exit status, each under a
 * {@code --- } line.
 *
 * <p>Determinism: the cases use controlled mode ({@code --seed}, a fixed {@code -p}), one
 * processor, or states no schedule changes (every thread blocked). Only wall-clock measures are
 * normalised, by {@link #NORMALISED}: the digits of a time to safepoint in {@code ,procs} and of
 * explore's schedules per second, in the recorded and in the actual text alike. A free run on two
 * processors may put the spinner on either one: a {@code ;; either processor} header line accepts
 * the golden text and the same text with P0 and P1 exchanged, nothing else.
 *
 * <p>To re-record deliberately (after a change that is meant to change a text), run
 * {@code mvn -B -o test -pl repl -am -Dtest=ViewsGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsafepoint.record=true} from the root and review the diff of {@code src/test/resources/views/}
 * before committing it. Recording writes the first command line's output of each case, then
 * checks the case's other command lines against it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ViewsGoldenTest {
    static final Path VIEWS = Path.of("src", "test", "resources", "views");
    static final String HEADER = ";; safepoint ";
    static final String EITHER_PROCESSOR = ";; either processor";
    static final boolean RECORD = Boolean.getBoolean("safepoint.record");

    /**
     * Wall-clock fields only, each a number matched with the words around it so that nothing
     * else can change, and what replaces it.
     */
    static final List<Map.Entry<Pattern, String>> NORMALISED = List.of(
            Map.entry(Pattern.compile("(?<=last time to safepoint )\\d+\\.\\d{3}(?= ms\n)"), "#.###"), // ,procs, after a GC
            Map.entry(Pattern.compile("(?<=\\), )\\d+\\.\\d(?= schedules/s\n)"), "#.#")); // explore passing

    static String normalise(String text) {
        for (Map.Entry<Pattern, String> n : NORMALISED) text = n.getKey().matcher(text).replaceAll(n.getValue());
        return text;
    }

    /** One case: its command lines, the stdin after them, and whether P0 and P1 may trade places. */
    record Case(String name, List<String[]> commands, String stdin, boolean eitherProcessor) {
        static Case read(String name) throws IOException {
            List<String> lines = Files.readAllLines(VIEWS.resolve(name + ".in"), StandardCharsets.UTF_8);
            List<String[]> commands = new ArrayList<>();
            boolean either = false;
            int i = 0;
            for (; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.startsWith(HEADER)) commands.add(l.substring(HEADER.length()).trim().split(" +"));
                else if (l.equals(EITHER_PROCESSOR)) either = true;
                else break;
            }
            StringBuilder stdin = new StringBuilder();
            for (String l : lines.subList(i, lines.size())) stdin.append(l).append('\n');
            return new Case(name, commands, stdin.toString(), either);
        }
    }

    /** What a command printed, as the .out file holds it. */
    static String transcript(CliTest.Result r) {
        return "--- stdout\n" + section(r.out()) + "--- stderr\n" + section(r.err()) + "--- exit " + r.status() + "\n";
    }

    private static String section(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n\\ no newline at end\n";
    }

    static List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(VIEWS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".in"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }

    static Stream<Arguments> commands() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String name : names()) {
            Case c = Case.read(name);
            for (int i = 0; i < c.commands().size(); i++) all.add(Arguments.of(name + ": " + String.join(" ", c.commands().get(i)), c, i));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theTextIsTheRecordedOne(String label, Case c, int command) throws Exception {
        Path golden = VIEWS.resolve(c.name() + ".out");
        String actual = normalise(transcript(CliTest.run(c.stdin(), c.commands().get(command))));
        // Re-recording keeps a golden that matches with P0 and P1 exchanged: no diff from a coin toss.
        boolean swapped = c.eitherProcessor() && Files.exists(golden)
                && swapP0P1(Files.readString(golden, StandardCharsets.UTF_8)).equals(actual);
        if (RECORD && command == 0 && !swapped) Files.writeString(golden, actual, StandardCharsets.UTF_8);
        assertTrue(Files.exists(golden), "no " + golden + ": record it with -Dsafepoint.record=true");
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (c.eitherProcessor() && !actual.equals(expected)) expected = swapP0P1(expected);
        assertEquals(expected, actual, label);
    }

    static String swapP0P1(String text) {
        return text.replace("P0", "\u0000").replace("P1", "P0").replace("\u0000", "P1");
    }

    @Test
    void everyCaseHasACommandLineAndItsRecordedOutput() throws IOException {
        assertFalse(names().isEmpty());
        for (String name : names()) {
            assertFalse(Case.read(name).commands().isEmpty(), name + ".in starts with " + HEADER + "ARGS");
            assertTrue(Files.exists(VIEWS.resolve(name + ".out")), name + ".out");
        }
        try (Stream<Path> files = Files.list(VIEWS)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                assertTrue(n.endsWith(".in") || Files.exists(VIEWS.resolve(n.replaceFirst("\\.out$", ".in"))), "stray file " + n);
            }
        }
    }

    @Test
    void onlyTheWallClockDigitsAreNormalised() {
        assertEquals("P0  queue 0  switches 17  polls 8  spins 0  last time to safepoint #.### ms\n",
                normalise("P0  queue 0  switches 17  polls 8  spins 0  last time to safepoint 12.633 ms\n"));
        assertEquals("no failure in 50 schedules (0 inconclusive), #.# schedules/s\n",
                normalise("no failure in 50 schedules (0 inconclusive), 1234.5 schedules/s\n"));
        String untouched = "after 38 schedules (-p 4, 1 preemption) 2.633 ms, 0.113 schedules/s\n";
        assertEquals(untouched, normalise(untouched));
    }
}
