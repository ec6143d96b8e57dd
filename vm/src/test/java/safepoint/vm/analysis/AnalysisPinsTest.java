package safepoint.vm.analysis;

import safepoint.vm.run.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.Machine;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Spinlocks;
import safepoint.vm.smp.SyncObjects;
import safepoint.vm.data.Symbol;

/**
 * The analysis's whole texts, byte for byte: deadlock, hang and lost-wakeup explanations, the
 * race and lock-order warnings, {@code ,deadlock} and {@code ,why} (with the summary of many
 * waiters and timed waits), and the graph's edges for states a program does not reach. Recorded
 * before the edges got kinds and the warnings became records: a change of representation must
 * not change a word. Controlled mode throughout. {@code -Dpins.record=true} writes them anew.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AnalysisPinsTest {
    static final Path DIR = Path.of("src/test/resources/pins/analysis");

    /** A controlled run: the outcome's status and text, then stderr (the warnings), then stdout. */
    static String run(String program, int p, long seed, long maxSteps) {
        return run(program, p, seed, maxSteps, vm -> "");
    }

    /** The same, then what {@code after} says about the machine as the run left it. */
    static String run(String program, int p, long seed, long maxSteps, java.util.function.Function<Machine, String> after) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Machine vm = new Machine(out, err, new StringReader(""), seed);
        vm.configure(vm.settings().withProcessors(p).withLocks(safepoint.tables.Policy.NONE)); // tables as recorded before the policies: unsynchronized
        vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(maxSteps));
        vm.deadline = System.nanoTime() + 120_000_000_000L;
        Outcome o = vm.load(program, "t.ss");
        return o.status() + " " + o.exitCode() + "\n--- text\n" + o.errorText() + "\n--- stderr\n" + err + "--- stdout\n" + out
                + "\n--- after\n" + after.apply(vm);
    }

    static String example(String name) throws Exception {
        return Files.readString(Path.of("..", "examples", name));
    }

    /** Every edge of the graph, by vertex in the order found, then its cycle and the explanation. */
    static String graph(Machine vm, WaitForGraph g) {
        StringBuilder sb = new StringBuilder();
        for (List<WaitForGraph.Edge> es : g.out.values()) for (WaitForGraph.Edge e : es) sb.append(e.line()).append('\n');
        sb.append("--- cycle\n");
        for (WaitForGraph.Edge e : g.cycle()) sb.append(e.line()).append('\n');
        return sb.append("--- explain\n").append(ExplanationText.of("headline", Analysis.explain(vm, g))).append('\n').toString();
    }

    static final String ABBA = AnalysisTest.ABBA;

    /** Two threads in a cycle, one waiting with a timeout, message, join and condition waits: the primordial thread ends. */
    static final String LEFT_WAITING = ABBA.replace("(thread-join! left)\n", "") + """
            (define m (make-mutex 'm))
            (define cv (make-condition-variable 'cv))
            (mutex-lock! m)
            (define timed (spawn/name 'timed (lambda () (mutex-lock! m 1000))))
            (define patient (spawn/name 'patient (lambda () (mutex-lock! m))))
            (define inbox (spawn/name 'inbox (lambda () (thread-receive))))
            (define inbox-timed (spawn/name 'inbox-timed (lambda () (thread-receive 1000))))
            (define joiner (spawn/name 'joiner (lambda () (thread-join! left))))
            (define sleeper (spawn/name 'sleeper (lambda () (thread-sleep! 1000))))
            (define cm (make-mutex 'cm))
            (define cvw (spawn/name 'cv-waiter (lambda () (mutex-lock! cm) (mutex-unlock! cm cv))))
            (define cvt (spawn/name 'cv-timed (lambda () (mutex-lock! cm) (mutex-unlock! cm cv 1000))))
            (define many (let loop ((i 0) (acc '()))
                           (if (= i 20) acc
                               (loop (+ i 1) (cons (spawn (lambda () (if (even? i) (mutex-lock! m) (thread-receive)))) acc)))))
            (thread-sleep! .5)
            'done
            """;

    static String whyAll(Machine vm) {
        StringBuilder sb = new StringBuilder("--- ,deadlock\n").append(ExplanationText.survey(vm.survey()));
        for (String t : List.of("left", "right", "timed", "patient", "inbox", "inbox-timed", "joiner", "sleeper", "cv-waiter",
                "cv-timed", "primordial", "9", "99", "#<thread left>")) {
            sb.append("--- ,why ").append(t).append('\n').append(ExplanationText.why(vm.why(t)));
        }
        return sb.toString();
    }

    static Map<String, Callable<String>> cases() {
        Map<String, Callable<String>> cs = new LinkedHashMap<>();
        for (long seed : new long[] {1, 2}) cs.put("abba-seed-" + seed, () -> run(ABBA, 4, seed, 2_000_000));
        cs.put("gc-barrier-spin", () -> run(example("gc-barrier-spin.ss"), 2, 1, 2_000_000));
        cs.put("gc-barrier-spin-p4", () -> run(example("gc-barrier-spin.ss"), 4, 3, 2_000_000));
        cs.put("spin-without-polls-p1", () -> run(example("spin-without-polls.ss"), 1, 1, 2_000_000));
        cs.put("condvar-lost-wakeup-733", () -> run(example("condvar-lost-wakeup.ss"), 2, 733, 2_000_000));
        cs.put("lost-wakeup", () -> run(AnalysisTest.LOST_WAKEUP, 2, 3, 2_000_000));
        cs.put("many-waiters", () -> run(AnalysisTest.MANY_WAITERS, 4, 1, 2_000_000));
        for (long seed = 1; seed <= 3; seed++) {
            long s = seed;
            cs.put("lost-update-race-" + seed, () -> run(example("lost-update.ss"), 4, s, 2_000_000));
        }
        cs.put("table-race", () -> run(AnalysisTest.TABLE_RACE, 3, 1, 2_000_000));
        cs.put("lock-order", () -> run("""
                (define a (make-mutex 'a))
                (define b (make-mutex 'b))
                (define c (make-mutex 'c))
                (define (lock-both first second)
                  (mutex-lock! first) (mutex-lock! second) (mutex-unlock! second) (mutex-unlock! first) 'ok)
                (thread-join! (spawn/name 'left (lambda () (lock-both a b) (lock-both b c))))
                (display (thread-join! (spawn/name 'right (lambda () (lock-both b a) (lock-both c b)))))
                (trace-write 'x 1)
                (thread-join! (spawn (lambda () (trace-write 'x 2) (trace-read 'y 0))))
                (thread-join! (spawn (lambda () (trace-write 'y 2))))
                """, 2, 1, 2_000_000));
        cs.put("hang", () -> run(AnalysisTest.HANG, 2, 1, 50_000));
        cs.put("hang-cycle", () -> run(ABBA.replace("(thread-join! left)", AnalysisTest.BUSY + "(thread-join! left)"), 2, 1, 50_000));
        cs.put("inconclusive", () -> run(AnalysisTest.INCONCLUSIVE, 2, 1, 50_000));
        cs.put("deadlock-and-why", () -> run(LEFT_WAITING, 2, 1, 2_000_000, AnalysisPinsTest::whyAll));
        cs.put("graph-queued", () -> {
            Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
            vm.scheduler.processors(2);
            SThread runner = WaitForGraphTest.thread(vm, "runner");
            runner.interp.polling = false;
            SThread queued = WaitForGraphTest.thread(vm, "queued");
            vm.scheduler.local[1].add(queued);
            return graph(vm, WaitForGraph.of(vm, new WaitForGraph.ProcessorState[] {null, new WaitForGraph.ProcessorState(runner, false)}));
        });
        cs.put("graph-barrier", () -> {
            Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
            SThread poller = WaitForGraphTest.thread(vm, "poller"); // spins with polls on P2
            WaitForGraph.ProcessorState[] ps = WaitForGraphTest.barrierScene(vm, poller);
            SThread loose = WaitForGraphTest.thread(vm, "loose"); // runnable, on no processor's queue: parked, queued for any
            vm.scheduler.ready.add(loose);
            return graph(vm, WaitForGraph.of(vm, ps));
        });
        cs.put("graph-summary", () -> {
            // More waiters than are listed one by one, of every kind: the plural summary lines.
            Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
            vm.load("(define mx (make-mutex 'mx))", "t.ss");
            SyncObjects.Mutex mx = (SyncObjects.Mutex) vm.lookup("mx");
            vm.scheduler.processors(2);
            vm.barrier.pending = true;
            Spinlocks.Spinlock lock = new Spinlocks.Spinlock(Symbol.of("L"));
            SThread holder = WaitForGraphTest.thread(vm, "holder");
            lock.tryTake(holder);
            mx.owner = holder;
            // Twelve lock waiters first (the graph reads only their fields), so that the spinners,
            // the parked threads and the mailbox waiters fall in the summary.
            for (int i = 0; i < 24; i++) {
                SThread t = WaitForGraphTest.thread(vm, "w" + i);
                if (i < 12) {
                    t.state = SThread.State.WAITING;
                    t.waitingOn = mx;
                    vm.scheduler.ready.add(t);
                } else if (i < 16) {
                    t.interp.spinningOn = lock;
                    t.interp.polling = i % 2 == 0;
                    vm.scheduler.ready.add(t);
                } else if (i < 20) {
                    vm.scheduler.local[i % 2].add(t);
                } else {
                    t.state = SThread.State.WAITING;
                    t.waitingOn = t.mailbox;
                    if (i == 21) t.wakeAt = 1000;
                    vm.scheduler.waiting.add(t);
                }
            }
            return graph(vm, WaitForGraph.of(vm, new WaitForGraph.ProcessorState[2]));
        });
        return cs;
    }

    @TestFactory
    Stream<DynamicTest> analysisTextsAreByteIdentical() {
        boolean record = Boolean.getBoolean("pins.record");
        return cases().entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
            Path file = DIR.resolve(c.getKey() + ".txt");
            String now = c.getValue().call();
            if (record) {
                Files.createDirectories(DIR);
                Files.writeString(file, now);
            }
            assertEquals(Files.readString(file), now, file.toString());
        }));
    }
}
