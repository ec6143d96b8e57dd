package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's controlled-mode tour is true: every {@code ./safepoint explore} and
 * {@code ./safepoint replay} it shows is run, each line it shows of their output (all but
 * {@code ...}) begins a printed line, in that order, and a shown replay reproduces the deadlock (exit 3).
 * Runs with a seed are deterministic, so the transcripts can be compared line by line.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReadmeTourTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** One shown command: its words (the shell's quotes and comment removed) and the lines shown after it. */
    record Shown(String command, List<String> args, List<String> output) {}

    static List<Shown> shown() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<Shown> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("$ ./safepoint explore ") && !l.startsWith("$ ./safepoint replay ")) continue;
            String cmd = l.substring(2).replaceAll("\\s+#.*$", "");
            List<String> args = new ArrayList<>();
            for (String w : cmd.substring("./safepoint ".length()).split("\\s+")) args.add(w.replace("'", ""));
            List<String> shownOut = new ArrayList<>();
            for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("$ ") && !lines.get(j).startsWith("```"); j++) {
                if (!lines.get(j).equals("...")) shownOut.add(lines.get(j));
            }
            out.add(new Shown(cmd, args, shownOut));
        }
        return out;
    }

    @Test
    void everyExploreAndReplayTheReadmeShowsPrintsWhatItShows() throws Exception {
        List<Shown> all = shown();
        assertTrue(all.size() >= 5, "the tour's commands were found: " + all);
        for (Shown s : all) {
            // Paths are the README's, relative to the project root; the test runs in repl/.
            List<String> args = new ArrayList<>();
            for (String a : s.args()) args.add(a.startsWith("examples/") ? ROOT.resolve(a).toString() : a);
            assertTrue(Files.exists(ROOT.resolve(s.args().get(1))), "the README's program exists: " + s.command());
            CliTest.Result r = CliTest.run("", args.toArray(new String[0]));
            String printed = "\n" + (r.out() + r.err()).replace(ROOT + "/", "");
            int at = 0;
            for (String line : s.output()) {
                // A shown line begins a printed one: the README may leave off a rate, which is timing.
                int found = printed.indexOf("\n" + line, at);
                assertTrue(found >= 0, s.command() + " prints \"" + line + "\" (after what came before):\n" + printed);
                at = found + 1 + line.length();
            }
            if (s.args().get(0).equals("replay")) assertEquals(3, r.status(), s.command() + " reproduces the deadlock:\n" + printed);
            assertFalse(printed.contains("diverged"), s.command() + ":\n" + printed);
        }
    }
}
