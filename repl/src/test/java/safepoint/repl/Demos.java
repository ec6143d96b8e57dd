package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/** What the demo tests ask of a program in examples/: its path from the module, and a dfs proof of it. */
final class Demos {
    private Demos() {}

    static String example(String name) {
        return Path.of("..", "examples", name).toString();
    }

    /** {@code explore FILE --strategy dfs --preemptions 2 -p 2} proves every schedule. */
    static void provedByDfs(String file, String... more) throws Exception {
        CliTest.Result r = CliTest.run("", args(new String[] {"explore", file, "--strategy", "dfs", "--preemptions", "2", "-p", "2"}, more));
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*all \\d+ schedules with at most 2 preemptions pass.*"), r.out());
    }

    /** {@code explore FILE -p 2} finds a failing schedule, and its report says {@code expected}. */
    static void foundByExplore(String file, String expected, String... more) throws Exception {
        CliTest.Result r = CliTest.run("", args(new String[] {"explore", file, "-p", "2"}, more));
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains(expected), r.out());
    }

    /** The command's words, then {@code more} (e.g. {@code --locks none}). */
    private static String[] args(String[] words, String... more) {
        String[] all = java.util.Arrays.copyOf(words, words.length + more.length);
        System.arraycopy(more, 0, all, words.length, more.length);
        return all;
    }
}
