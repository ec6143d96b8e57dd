package safepoint.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import safepoint.vm.Machine;
import safepoint.vm.event.Events;
import safepoint.vm.run.Outcome;
import safepoint.vm.run.RunSettings;

/**
 * Observation does not change what it observes (issue 13's bar): a program run in controlled mode
 * ({@code --seed 7 -p 4}) prints the same output, ends the same way and emits the same event
 * stream, event for event, whether or not the live inspector looks at it while it runs. The
 * inspector here is the real one (Embedded: a look, the new events, every pane drawn), looking
 * as fast as it can from another Java thread rather than every 100 ms, so that a short run is
 * seen many times.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ObservationTest {
    /** Many lock operations, a table that rehashes, a GC and sleeps: long enough to be looked at often. */
    static final String LOCK_HEAVY = """
            (define m (make-mutex 'm))
            (define t (make-hash-table))
            (define n 0)
            (define (work k)
              (let loop ((i 0))
                (when (< i 8000)
                  (mutex-lock! m)
                  (set! n (+ n 1))
                  (hash-put! t (+ (* k 10000) i) i)
                  (mutex-unlock! m)
                  (when (= 0 (modulo i 2000)) (thread-sleep! 0.001) (gc))
                  (loop (+ i 1)))))
            (define ts (map (lambda (k) (spawn/name (string->symbol (string-append "w" (number->string k))) (lambda () (work k)))) '(1 2 3 4 5)))
            (for-each thread-join! ts)
            (display (list n (hash-length t)))
            (newline)
            """;

    /** What one run gave: its output, its end, its events. */
    record Run(String out, String err, String status, String report, List<Events.Event> events, int looks) {}

    static Run run(String program, boolean observed) throws InterruptedException {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Machine vm = new Machine(out, err, new StringReader(""), 7);
        vm.deadline = System.nanoTime() + 100_000_000_000L;
        vm.configure(RunSettings.freeRun(4).controlled(7, "random").withMaxSteps(2_000_000));
        vm.events.setMode(Events.Mode.RECORD);
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread run = new Thread(() -> outcome.set(vm.load(program, "observed.ss")), "observed-run");
        Embedded inspector = new Embedded(Feed.of(vm));
        run.start();
        int looks = 0;
        while (observed && run.isAlive()) {
            inspector.frame(120, 40);
            looks++;
        }
        run.join();
        Outcome o = outcome.get();
        return new Run(out.toString(), err.toString(), o.status() + " " + o.errorText(), o.report().schedule(program),
                vm.events.snapshot(), looks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lock-heavy", "gc-barrier-spin.ss", "registry-one-lock.ss", "abba-deadlock.ss", "condvar-lost-wakeup.ss"})
    void theOutputAndTheEventStreamAreTheSameWithAndWithoutTheInspectorLooking(String name) throws Exception {
        String program = name.equals("lock-heavy") ? LOCK_HEAVY : Files.readString(Path.of("../examples", name), StandardCharsets.UTF_8);
        Run plain = run(program, false);
        // A short example may end before the first look: run it again (each run is compared) until one was looked at.
        Run seen = run(program, true);
        for (int i = 0; i < 20 && seen.looks() == 0; i++) {
            same(plain, seen);
            seen = run(program, true);
        }
        assertTrue(seen.looks() > 0, "the inspector looked during the run");
        if (name.equals("lock-heavy")) {
            assertEquals("(40000 40000)\n", plain.out(), plain.err());
            assertTrue(seen.looks() > 1, "a long run is looked at more than once: " + seen.looks());
        }
        same(plain, seen);
    }

    static void same(Run plain, Run seen) {
        assertEquals(plain.out(), seen.out(), "output");
        assertEquals(plain.err(), seen.err(), "error output");
        assertEquals(plain.status(), seen.status(), "how the run ended");
        assertEquals(plain.report(), seen.report(), "the schedule");
        assertTrue(plain.events().size() > 10, "events were recorded: " + plain.events().size());
        assertEquals(plain.events().size(), seen.events().size(), "how many events");
        for (int i = 0; i < plain.events().size(); i++) {
            assertEquals(plain.events().get(i), seen.events().get(i), "event " + i);
        }
    }
}
