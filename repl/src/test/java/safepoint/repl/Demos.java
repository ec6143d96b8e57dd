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

    /** {@code explore FILE --strategy dfs --preemptions 2 -p 2 OPTIONS} proves every schedule. */
    static void provedByDfs(String file, String... options) throws Exception {
        CliTest.Result r = explore(file, options, "--strategy", "dfs", "--preemptions", "2");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*proven: no failure in any schedule with at most 2 preemptions on 2 processors .*"), r.out());
    }

    /** {@code explore FILE -p 2 OPTIONS} finds a failing schedule, and its report says {@code expected}. */
    static CliTest.Result foundByExplore(String file, String expected, String... options) throws Exception {
        CliTest.Result r = explore(file, options);
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains(expected), r.out());
        return r;
    }

    /** {@code explore FILE --runs N -p 2 OPTIONS} passes every one of its N seeds. */
    static void passesExplore(String file, int runs, String... options) throws Exception {
        CliTest.Result r = explore(file, options, "--runs", Integer.toString(runs));
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("no failure in " + runs + " schedules (0 inconclusive)"), r.out());
    }

    private static CliTest.Result explore(String file, String[] options, String... search) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("explore", file, "-p", "2"));
        args.addAll(java.util.List.of(search));
        args.addAll(java.util.List.of(options));
        return CliTest.run("", args.toArray(new String[0]));
    }
}
