package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The reports of the demo programs, byte for byte, as the command line prints them: deadlock
 * and hang explanations, race and lock-order warnings, explore's summary of warnings, shrunk
 * schedules. They were recorded before the analysis handed out records instead of text, so a
 * change of representation cannot change a word. Every case is deterministic (a seed, dfs, or
 * explore's lowest failing seed); only a search's speed (schedules/s) and how many schedules
 * the workers of a dfs search ran before the failure it reports (they race on; the failure
 * reported is the first in order, whatever the timing) are masked.
 * {@code -Dpins.record=true} writes the files anew.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReportPinsTest {
    static final Path DIR = Path.of("src/test/resources/pins");

    /** A case: its file name and its command line (the program path is relative to the module). */
    record Case(String name, List<String> args) {}

    static List<Case> cases() {
        List<Case> cs = new java.util.ArrayList<>();
        for (String demo : List.of("abba-deadlock", "registry-two-locks", "lost-update", "condvar-lost-wakeup", "gc-barrier-spin")) {
            String file = "../examples/" + demo + ".ss";
            cs.add(new Case(demo + ".run-seed-1", args(demo, "-p", "2", "run", "--seed", "1", file)));
            cs.add(new Case(demo + ".explore-dfs", args(demo, "-p", "2", "explore", "--strategy", "dfs", file)));
            cs.add(new Case(demo + ".explore", args(demo, "-p", "2", "explore", file)));
        }
        // A passing search that still saw lock-order inversions (the first failure is at seed 91).
        cs.add(new Case("registry-two-locks.explore-50", args("registry-two-locks", "-p", "2", "explore", "--runs", "50", "../examples/registry-two-locks.ss")));
        cs.add(new Case("lost-update.run-seed-2", List.of("-p", "2", "run", "--seed", "2", "../examples/lost-update.ss")));
        cs.add(new Case("lost-update.explore-p4", List.of("-p", "4", "explore", "../examples/lost-update.ss")));
        cs.add(new Case("registry-two-locks.replay-91", args("registry-two-locks", "-p", "2", "replay", "--seed", "91", "../examples/registry-two-locks.ss")));
        return cs;
    }

    /**
     * A demo's command line; the registry demo's with {@code --locks none}: its table steps were
     * pinned before the locking policies, when tables took no lock (its bug is the two mutexes).
     */
    static List<String> args(String demo, String... args) {
        List<String> out = new java.util.ArrayList<>(List.of(args));
        if (demo.equals("registry-two-locks")) out.addAll(List.of("--locks", "none"));
        return List.copyOf(out);
    }

    static String transcript(Case c) throws Exception {
        CliTest.Result r = CliTest.run("", c.args().toArray(new String[0]));
        String out = r.out().replaceAll("\\d+(\\.\\d+)? schedules/s", "N schedules/s")
                .replaceAll("found by the dfs search after \\d+ schedules", "found by the dfs search after N schedules");
        return "$ safepoint " + String.join(" ", c.args()) + "\nexit " + r.status() + "\n--- stdout\n" + out + "--- stderr\n" + r.err();
    }

    @TestFactory
    Stream<DynamicTest> reportsAreByteIdentical() {
        boolean record = Boolean.getBoolean("pins.record");
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path file = DIR.resolve(c.name() + ".txt");
            String now = transcript(c);
            if (record) {
                Files.createDirectories(DIR);
                Files.writeString(file, now);
            }
            assertEquals(Files.readString(file), now, file.toString());
        }));
    }
}
