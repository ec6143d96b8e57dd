package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The interleaving columns explore prints for a failure, byte for byte as recorded in
 * {@code src/test/resources/interleavings/} (made from the event stream: its text must not move).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterleavingTest {
    /** The interleaving block of an explore report: its title line and the column lines after it. */
    static String block(String out) {
        StringBuilder sb = new StringBuilder();
        boolean on = false;
        for (String line : out.lines().toList()) {
            if (line.startsWith("interleaving of the failing run")) on = true;
            else if (on && !line.startsWith("|")) break;
            if (on) sb.append(line).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theExamplesInterleavingsAreTheRecordedOnes() throws Exception {
        for (List<String> c : List.of(
                List.of("lost-update-dfs", "lost-update", "--strategy", "dfs"),
                List.of("abba-deadlock", "abba-deadlock"),
                List.of("gc-barrier-spin", "gc-barrier-spin"),
                List.of("condvar-lost-wakeup-dfs", "condvar-lost-wakeup", "--strategy", "dfs"),
                // pinned before the locking policies, when tables took no lock
                List.of("registry-two-locks", "registry-two-locks", "--locks", "none"))) {
            List<String> args = new java.util.ArrayList<>(List.of("explore", Path.of("..", "examples", c.get(1) + ".ss").toString()));
            args.addAll(c.subList(2, c.size()));
            CliTest.Result r = CliTest.run("", args.toArray(new String[0]));
            assertEquals(1, r.status(), r.out() + r.err());
            String expected = Files.readString(Path.of("src/test/resources/interleavings", c.get(0) + ".txt"));
            assertEquals(expected, block(r.out()), c.get(0));
        }
    }

    @Test
    void aLongRunShowsItsStartItsEndAndEachThreadsLastStepBeforeTheEnd() {
        List<Interleaving.Shown> cells = new java.util.ArrayList<>();
        int n = Interleaving.MAX_SHOWN + 1000;
        for (int i = 0; i < n; i++) cells.add(new Interleaving.Shown(i == 300 ? 2 : i % 2, "step " + i));
        StringBuilder sb = new StringBuilder();
        Interleaving.print(sb, cells);
        List<String> lines = sb.toString().lines().toList();
        int middle = n - Interleaving.SHOWN_FIRST - Interleaving.SHOWN_LAST;
        // the middle's last cell of each of the three columns stays: column 2's only one, at 300
        assertEquals(Interleaving.SHOWN_FIRST + 1 + 3 + Interleaving.SHOWN_LAST, lines.size());
        assertEquals("| step 0", lines.get(0).strip());
        assertEquals("| /* " + String.format(java.util.Locale.ROOT, "%,d", middle - 3)
                + " rows left out here, each thread's last one kept; the replay line above runs them again */",
                lines.get(Interleaving.SHOWN_FIRST));
        List<String> kept = lines.subList(Interleaving.SHOWN_FIRST + 1, Interleaving.SHOWN_FIRST + 4).stream().map(String::strip).toList();
        assertEquals(List.of("| step 300", "| step " + (n - Interleaving.SHOWN_LAST - 2), "| step " + (n - Interleaving.SHOWN_LAST - 1)),
                kept.stream().map(l -> l.replaceAll("^(\\|\\s+)+\\| ", "| ")).toList());
        org.junit.jupiter.api.Assertions.assertTrue(lines.get(Interleaving.SHOWN_FIRST + 1).startsWith("|" + " ".repeat(Interleaving.WIDTH - 1) + "|"),
                "in its own column: " + lines.get(Interleaving.SHOWN_FIRST + 1));
        org.junit.jupiter.api.Assertions.assertTrue(lines.get(lines.size() - 1).contains("step " + (n - 1)), "it ends at the failure");
        // a run that fits is shown whole
        StringBuilder whole = new StringBuilder();
        Interleaving.print(whole, cells.subList(0, Interleaving.MAX_SHOWN));
        assertEquals(Interleaving.MAX_SHOWN, whole.toString().lines().count());
    }

    @Test
    void longCellsWrapInsideTheirColumnAndNamesStayWhole() {
        List<String> lines = Interleaving.wrap("waits on #<mutex thread-lock> (held by #<thread inspector>) @56.15", Interleaving.WIDTH - 3);
        assertEquals(List.of("waits on #<mutex thread-lock>", "  (held by #<thread inspector>)", "  @56.15"), lines);
        for (String l : Interleaving.wrap("x".repeat(80), 31)) org.junit.jupiter.api.Assertions.assertTrue(l.length() <= 31, l);
    }

    @Test
    void signalsMessagesTablesAndPlacesAreColumnsCells() throws Exception {
        Path f = Files.createTempFile("sync", ".ss");
        Files.writeString(f, """
                (def m (make-mutex 'm))
                (def cv (make-condition-variable 'cv))
                (def h (make-hash-table))
                (def ready #f)
                (def w (make-thread (lambda ()
                                      (hash-put! h 'k 1)
                                      (mutex-lock! m)
                                      (if (not ready) (mutex-unlock! m cv))
                                      (thread-send (thread-receive) 'done))
                                    'waiter))
                (thread-start! w)
                (condition-variable-signal! cv)
                (thread-send w (current-thread))
                (thread-join! w)
                """);
        CliTest.Result r = CliTest.run("", "explore", f.toString(), "--strategy", "dfs");
        String block = block(r.out());
        assertEquals(1, r.status(), r.out() + r.err());
        // A wrapped cell's lines follow each other: read the cells as one text.
        String text = block.replaceAll("[|\\s]+", " ");
        for (String cell : List.of("condition-variable-signal! #<condition-variable cv>:", "woke nobody (no thread waited:",
                "hash-put! #<hash-table>", "thread-send to #<thread waiter>", "waits on #<condition-variable cv>",
                "woken: deadlock detected,")) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(cell), cell + " in\n" + block);
        }
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("waits for #<thread waiter> to end @14.1"), "a wait shows its line and column\n" + block);
    }
}
