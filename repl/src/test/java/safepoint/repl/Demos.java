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

    /** One cell of a failure's interleaving: the thread whose column it is in, and its text (wrapped lines joined). */
    record Cell(String thread, String text) {}

    /** The cells of the interleaving an explore report prints, in their order (top to bottom). */
    static java.util.List<Cell> cells(String out) {
        String block = InterleavingTest.block(out);
        java.util.List<String> lines = block.lines().skip(1).toList();
        int w = Interleaving.WIDTH;
        String header = lines.get(0);
        java.util.List<String> threads = new java.util.ArrayList<>();
        for (int at = 0; at + 2 < header.length(); at += w) threads.add(header.substring(at + 2, Math.min(header.length(), at + w)).strip());
        java.util.List<Cell> cells = new java.util.ArrayList<>();
        String empty = "|" + " ".repeat(w - 1);
        for (String line : lines.subList(1, lines.size())) {
            int col = 0;
            while (line.startsWith(empty, col * w)) col++;
            String text = line.substring(col * w + 2).stripTrailing();
            if (text.startsWith("  ") && !cells.isEmpty()) {
                Cell last = cells.remove(cells.size() - 1);
                cells.add(new Cell(last.thread(), last.text() + " " + text.strip()));
            } else {
                cells.add(new Cell(threads.get(col), text));
            }
        }
        return cells;
    }

    /** The index of the first cell at or after {@code from} in {@code thread}'s column whose text is {@code text}; -1 if none. */
    static int find(java.util.List<Cell> cells, int from, String thread, String text) {
        for (int i = Math.max(from, 0); i < cells.size(); i++) {
            if (cells.get(i).thread().equals(thread) && cells.get(i).text().equals(text)) return i;
        }
        return -1;
    }

    /**
     * Asserts that {@code steps}, each a thread and a cell's text, appear in this order in the
     * interleaving, each in its thread's column.
     */
    static void inOrder(String out, String... steps) {
        java.util.List<Cell> cells = cells(out);
        int at = 0;
        for (int i = 0; i + 1 < steps.length; i += 2) {
            int found = find(cells, at, steps[i], steps[i + 1]);
            assertTrue(found >= 0, "no \"" + steps[i + 1] + "\" in " + steps[i] + "'s column after cell " + at + ":\n" + InterleavingTest.block(out));
            at = found + 1;
        }
    }

    private static CliTest.Result explore(String file, String[] options, String... search) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("explore", file, "-p", "2"));
        args.addAll(java.util.List.of(search));
        args.addAll(java.util.List.of(options));
        return CliTest.run("", args.toArray(new String[0]));
    }
}
