package safepoint.vm.observe;

import safepoint.vm.run.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.run.Chooser;
import safepoint.vm.Machine;
import safepoint.vm.run.Stepper;

/** Machine.look: a consistent view from any Java thread, while the machine runs, that changes nothing. */
class ObservatoryTest {
    private static Machine machine(int processors) {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        vm.configure(vm.settings().withProcessors(processors));
        vm.deadline = System.nanoTime() + 60_000_000_000L;
        return vm;
    }

    /** Run {@code program} on another Java thread; its outcome lands in the returned reference. */
    private static Thread start(Machine vm, String program, AtomicReference<Outcome> outcome) {
        Thread t = new Thread(() -> outcome.set(vm.load(program, "look.ss")), "test-run");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Look until {@code ok} holds (the run may not have begun yet). */
    private static MachineView lookUntil(Machine vm, java.util.function.Predicate<MachineView> ok) throws InterruptedException {
        for (;;) {
            MachineView v = vm.look();
            if (ok.test(v)) return v;
            Thread.sleep(5);
        }
    }

    private static List<ThreadView> named(MachineView v, String prefix) {
        return v.threads().stream().filter(t -> t.thread().name().startsWith("#<thread " + prefix)).toList();
    }

    private static final String SPINNERS = """
            (define (spin) (let loop ((i 0)) (loop (+ i 1))))
            (define ws (map (lambda (n) (spawn/name n spin)) '(w1 w2 w3 w4)))
            (thread-sleep! 1000)
            """;

    @Test
    @Timeout(30)
    void aBusyFreeRunIsSeenAtAHostStopWithEveryThreadAndTheRunGoesOn() throws Exception {
        Machine vm = machine(4);
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread run = start(vm, SPINNERS, outcome);
        MachineView v = lookUntil(vm, x -> x.mode() == MachineView.Mode.FREE_RUN && named(x, "w").size() == 4
                && x.processors().stream().filter(p -> p.state() == ProcessorView.State.RUNNING).count() == 4);
        // Each processor keeps the thread it ran, and that thread says so.
        for (ProcessorView p : v.processors()) {
            ThreadView t = v.thread(p.running().id());
            assertEquals(ThreadView.State.RUNNING, t.state());
            assertEquals(p.id(), t.processor());
        }
        ThreadView main = v.thread(1);
        assertEquals(ThreadView.State.SLEEPING, main.state());
        long before = named(v, "w1").get(0).progress().entries();
        MachineView later = lookUntil(vm, x -> named(x, "w1").get(0).progress().entries() > before);
        assertEquals(4, later.processors().size());
        vm.deadline = System.nanoTime(); // ends the run (Ctrl-C would end one of the spinners too)
        run.join(20_000);
        assertEquals(Outcome.Status.TIMEOUT, outcome.get().status(), outcome.get().errorText());
        MachineView after = vm.look();
        assertEquals(MachineView.Mode.IDLE, after.mode());
        assertEquals(4, named(after, "w").size(), "no thread is lost when the run ends: " + after.threads());
    }

    @Test
    @Timeout(30)
    void aHostStopHaltsCodeWithoutPollsWhereItIs() throws Exception {
        Machine vm = machine(2);
        vm.deadline = System.nanoTime() + 3_000_000_000L; // the no-poll spinner never ends: the timeout ends the run
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread run = start(vm, """
                (declare (not interrupts-enabled))
                (define (spin) (let loop ((i 0)) (loop (+ i 1))))
                (declare (interrupts-enabled))
                (define w (spawn/name 'nopoll spin))
                (thread-sleep! 1000)
                """, outcome);
        MachineView v = lookUntil(vm, x -> x.processors().stream().anyMatch(p -> p.state() == ProcessorView.State.NO_POLL));
        ProcessorView p = v.processors().stream().filter(x -> x.state() == ProcessorView.State.NO_POLL).findFirst().orElseThrow();
        assertEquals("#<thread nopoll>", p.running().name());
        assertEquals(ThreadView.State.RUNNING, v.thread(p.running().id()).state());
        run.join(20_000);
        assertEquals(Outcome.Status.TIMEOUT, outcome.get().status());
    }

    @Test
    @Timeout(30)
    void aControlledRunIsSeenBetweenTwoStepsWhileItRuns() throws Exception {
        Machine vm = machine(2);
        vm.configure(vm.settings().controlled(7, "random").withMaxSteps(Long.MAX_VALUE));
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread run = start(vm, """
                (define m (make-mutex 'm))
                (mutex-lock! m)
                (define w (spawn/name 'waiter (lambda () (mutex-lock! m))))
                (let loop () (loop))
                """, outcome);
        MachineView v = lookUntil(vm, x -> x.mode() == MachineView.Mode.CONTROLLED && !named(x, "waiter").isEmpty()
                && named(x, "waiter").get(0).state() == ThreadView.State.WAITING);
        ThreadView w = named(v, "waiter").get(0);
        Wait.ToLock on = (Wait.ToLock) w.waitsFor();
        assertEquals("#<mutex m>", on.mutex().name());
        assertEquals(1, on.holder().id());
        assertEquals(1, v.locks().size(), v.threads() + "\n" + v.locks());
        assertEquals(List.of(w.thread()), v.locks().get(0).waiters());
        assertTrue(v.waits().stream().anyMatch(e -> e.from().equals(w.thread()) && e.to().equals(on.mutex())), v.waits().toString());
        assertTrue(run.isAlive(), "the look did not wait for the end of the run");
        vm.interrupt();
        run.join(20_000);
        assertTrue(outcome.get().errorText().contains("User interrupt"), outcome.get().errorText());
    }

    @Test
    @Timeout(60)
    void lookingFromAnotherThreadDoesNotChangeAControlledRun() throws Exception {
        String program = """
                (define m (make-mutex 'm))
                (define n 0)
                (define (work) (let loop ((i 0)) (when (< i 2000) (mutex-lock! m) (set! n (+ n 1)) (mutex-unlock! m) (loop (+ i 1)))))
                (define ts (map (lambda (k) (spawn work)) '(1 2 3)))
                (for-each thread-join! ts)
                (display n)
                """;
        String[] schedules = new String[2];
        for (int i = 0; i < 2; i++) {
            Machine vm = machine(3);
            vm.configure(vm.settings().controlled(11, "random").withMaxSteps(10_000_000));
            AtomicReference<Outcome> outcome = new AtomicReference<>();
            Thread run = start(vm, program, outcome);
            int looks = 0;
            while (run.isAlive() && i == 1) {
                assertNotNull(vm.look());
                looks++;
            }
            run.join(30_000);
            assertEquals(Outcome.Status.VALUE, outcome.get().status(), String.valueOf(outcome.get().errorText()));
            schedules[i] = outcome.get().report().schedule(program);
            if (i == 1) assertTrue(looks > 0);
        }
        assertEquals(schedules[0], schedules[1]);
    }

    @Test
    @Timeout(30)
    void aStepperLooksOnTheControllersOwnThread() {
        Machine vm = machine(2);
        AtomicReference<MachineView> seen = new AtomicReference<>();
        vm.configure(vm.settings().controlled(0, new Chooser.Manual(view -> {
            if (view.steps() == 40 && seen.get() == null) seen.set(vm.look());
            return new Stepper.StepProcessor(view.runnable().get(0));
        })).withMaxSteps(100_000));
        Outcome o = vm.load("(define t (spawn/name 'side (lambda () (let loop ((i 0)) (if (< i 100) (loop (+ i 1)))))))"
                + " (thread-join! t) 'done", "step.ss");
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        assertNotNull(seen.get());
        assertEquals(MachineView.Mode.CONTROLLED, seen.get().mode());
    }

    @Test
    @Timeout(30)
    void theTablesAreSeenWithTheirEntriesSlotsAndEveryRehash() {
        Machine vm = machine(1);
        int before = vm.look().tables().size(); // tables the runtime made for itself, if any
        Outcome o = vm.load("""
                (define small (make-hash-table-eq))
                (hash-put! small 'a 1)
                (define big (make-hash-table-string))
                (let loop ((i 0)) (when (< i 100) (hash-put! big (number->string i) i) (loop (+ i 1))))
                (gc)
                (hash-ref small 'a)
                """, "tables.ss");
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        List<TableView> tables = vm.look().tables();
        assertEquals(before + 2, tables.size(), tables.toString());
        TableView small = tables.get(before);
        TableView big = tables.get(before + 1);
        // make-hash-table-eq is Gerbil's gc-hash-table: hashed by address, so the GC left it stale
        // and the lookup after it placed its entry again (a GC rehash, no resize)
        assertEquals("gc", small.kind());
        assertEquals("address", small.hash());
        assertEquals(1, small.count());
        assertEquals(1, small.gcRehashes(), small.toString());
        assertEquals(1, small.rehashes());
        assertEquals(0, small.resizes());
        assertEquals("raw", big.kind());
        assertEquals(0, big.gcRehashes());
        assertEquals("string", big.hash());
        assertEquals(100, big.count());
        assertTrue(big.slots() >= 200 && big.load() <= 0.5, "rehashed before passing half full: " + big);
        assertTrue(big.resizes() >= 3 && big.rehashes() >= big.resizes(), "growing from 16 slots to hold 100: " + big);
        assertTrue(!big.rehashing(), "no rehash left under way");
        assertTrue(small.table().id() < big.table().id(), "ids in creation order");
        assertEquals(big.table(), vm.look().tables().get(before + 1).table(), "the same id and name in the next look");
    }
}
