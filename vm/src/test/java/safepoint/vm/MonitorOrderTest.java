package safepoint.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.data.MonitorOrder;
import safepoint.vm.search.DfsSearch;
import safepoint.vm.search.ProgramRuns;

/**
 * The VM takes its own Java monitors in the order written in {@link MonitorOrder}: every golden
 * program and every example, in free run on four processors and in controlled mode, plus the
 * REPL's reports, Ctrl-C and a parallel dfs search, with the checker on (vm/pom.xml sets
 * {@code safepoint.checkMonitorOrder}), and no acquisition goes against the order.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MonitorOrderTest {

    private static List<Path> programs() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/golden"), Path.of("../examples"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".ss")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    private static Machine machine(boolean controlled) {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        vm.deadline = System.nanoTime() + 30_000_000_000L;
        vm.configure(vm.settings().withProcessors(4));
        if (controlled) vm.configure(vm.settings().controlled(1, "random").withMaxSteps(2_000_000));
        return vm;
    }

    @Test
    void theVmKeepsItsMonitorOrderEverywhere() throws Exception {
        assertTrue(MonitorOrder.CHECK, "the tests run with -Dsafepoint.checkMonitorOrder=true (vm/pom.xml)");
        List<Path> programs = programs();
        assertTrue(programs.size() > 100, "golden programs and examples found: " + programs.size());
        for (Path p : programs) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            for (boolean controlled : new boolean[] {false, true}) {
                Machine vm = machine(controlled);
                vm.load(text, p.getFileName().toString());
                vm.look(); // the view that ,threads ,locks and ,procs render
                vm.survey();
            }
        }
        machine(true).load("(list (random-integer 10) (random-real))", "random.ss");
        machine(false).interrupt(); // Ctrl-C: the machine's monitor, then the scheduler's, one after the other
        dfsOnTwoWorkers();
        backgroundRunBehindThePrompt();
        machine(false).load("(read-line)", "read.ss"); // a console read looks at the console holding the scheduler
        assertEquals(List.of(), MonitorOrder.violations(), "acquisitions against the order in MonitorOrder");
        // The checker saw the monitors in use, nested as the rule allows.
        Set<String> seen = MonitorOrder.nestings();
        for (String n : List.of("SCHEDULER > EVENT_BUFFER", "SCHEDULER > LOCK_ORDER", "SCHEDULER > PORT",
                "SCHEDULER > SERIALS", "SCHEDULER > MACHINE", "SCHEDULER > RANDOM", "SHARED_OBJECTS > SCHEDULER",
                "BACKGROUND > SCHEDULER", "SCHEDULER > CONSOLE")) {
            assertTrue(seen.contains(n), n + " not seen; seen: " + seen);
        }
    }

    /**
     * The REPL's background run: started, looked at and ended again and again while a thread
     * spins on two processors (ending it joins the run, holding only its own monitor), and a
     * pending Ctrl-C taken by a processor meanwhile.
     */
    private static void backgroundRunBehindThePrompt() {
        Machine vm = machine(false);
        vm.configure(vm.settings().withProcessors(2));
        vm.load("(define k 0) (define t (thread-start! (make-thread (lambda () (let loop () (set! k (+ k 1)) (loop))))))", "spin.ss");
        for (int i = 0; i < 200; i++) {
            vm.runInBackground();
            if (i % 10 == 0) vm.look();
            vm.stopBackground();
        }
        vm.load("(thread-terminate! t)", "end.ss");
    }

    /** Search workers take the search's monitor between runs, and the rewind its class-wide probe. */
    private static void dfsOnTwoWorkers() throws IOException {
        String text = Files.readString(Path.of("../examples/abba-deadlock.ss"), StandardCharsets.UTF_8);
        DfsSearch.Result r = DfsSearch.search(() -> new ProgramRuns(text, "abba.ss", vm -> vm.configure(vm.settings().withProcessors(2))), 2, 1,
                200_000, 50, o -> true, () -> false);
        assertTrue(r.schedules() > 0);
    }
}
