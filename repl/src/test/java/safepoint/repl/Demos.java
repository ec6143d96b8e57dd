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
    static void provedByDfs(String file) throws Exception {
        CliTest.Result r = CliTest.run("", "explore", file, "--strategy", "dfs", "--preemptions", "2", "-p", "2");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*proven: no failure in any schedule with at most 2 preemptions on 2 processors .*"), r.out());
    }

    /** {@code explore FILE -p 2} finds a failing schedule, and its report says {@code expected}. */
    static void foundByExplore(String file, String expected) throws Exception {
        CliTest.Result r = CliTest.run("", "explore", file, "-p", "2");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains(expected), r.out());
    }
}
