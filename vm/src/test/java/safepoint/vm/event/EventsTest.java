package safepoint.vm.event;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event stream (docs/events.md): what a recorded run reports, and the live ring's bound. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventsTest {

    private static List<What> whats(Machine vm) {
        return vm.events.snapshot().stream().map(Events.Event::what).toList();
    }

    private static <T extends What> List<T> only(Class<T> kind, Machine vm) {
        return whats(vm).stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void aContendedMutexShowsWaitHandOverAndWake() {
        VmFixture f = new VmFixture();
        f.vm.events.setMode(Events.Mode.RECORD);
        f.run("""
                (define m (make-mutex 'm))
                (mutex-lock! m)
                (define t (spawn/name 'worker (lambda () (mutex-lock! m) (mutex-unlock! m) 'done)))
                (thread-yield!)
                (mutex-unlock! m)
                (thread-join! t)""");
        List<What> w = whats(f.vm);
        What.Wait waits = only(What.Wait.class, f.vm).stream().filter(x -> x.thread().name().equals("#<thread worker>")).findFirst().orElseThrow();
        Ref.ThreadRef worker = waits.thread();
        What.OnMutex on = (What.OnMutex) waits.on();
        assertEquals("#<mutex m>", on.mutex().name());
        assertEquals("#<thread primordial>", on.holder().name());
        int unlock = w.indexOf(new What.MutexUnlock(on.mutex(), on.holder()));
        int handed = w.indexOf(new What.MutexLock(on.mutex(), worker, true));
        int wake = w.indexOf(new What.Wake(worker, What.Cause.MUTEX));
        assertTrue(w.indexOf(new What.ThreadStart(worker, on.holder())) >= 0, w.toString());
        assertTrue(waits.at() != null && waits.at().contains("@"), "a wait has its source position: " + waits);
        assertTrue(w.indexOf(waits) < unlock && unlock < handed && handed < wake, w.toString());
        assertTrue(w.contains(new What.ThreadEnd(worker, false)), w.toString());
        // The worker keeps one observer id; the mutex and the primordial thread have others.
        assertEquals(3, java.util.Set.of(worker.id(), on.mutex().id(), on.holder().id()).size());
        // Observing used no serial numbers: the program's next object is #2.
        assertEquals("#<thread #2 worker>", f.eval("t"));
    }

    @Test
    void aCollectionReportsRequestPhasesAndTheRelease() {
        VmFixture f = new VmFixture();
        f.vm.configure(f.vm.settings().withProcessors(2));
        f.vm.events.setMode(Events.Mode.RECORD);
        f.run("(gc)");
        List<What> w = whats(f.vm);
        What.GcRequest request = only(What.GcRequest.class, f.vm).get(0);
        assertEquals("#<thread primordial>", request.by().name());
        What.GcRelease release = only(What.GcRelease.class, f.vm).get(0);
        int trace = w.indexOf(new What.GcPhase(release.epoch(), What.Phase.TRACE));
        int weak = w.indexOf(new What.GcPhase(release.epoch(), What.Phase.CLEAR_WEAK));
        assertTrue(w.indexOf(request) < trace && trace < weak && weak < w.indexOf(release), w.toString());
        assertTrue(release.liveWords() > 0, w.toString());
    }

    @Test
    void theLiveRingIsBoundedAndCountsWhatItDrops() {
        VmFixture f = new VmFixture();
        f.vm.events.setMode(Events.Mode.LIVE);
        f.run("(define m (make-mutex)) (do ((i 0 (+ i 1))) ((= i 10000)) (mutex-lock! m) (mutex-unlock! m))");
        assertTrue(f.vm.events.snapshot().size() <= Events.LIVE_CAPACITY, "bounded");
        assertTrue(f.vm.events.dropped() >= 20000 - Events.LIVE_CAPACITY, "dropped " + f.vm.events.dropped());
    }

    static final String TRACES_PROCEDURES = """
            (define (f) 1)
            (trace-write 'x f)
            (trace-write 'y (lambda () 2))
            (trace-read 'x (list f (make-mutex 'm) (make-hash-table)))
            (display (list f (lambda () 3)))
            """;

    @Test
    void observingNeverTakesTheProgramsSerialNumbers() {
        for (Events.Mode mode : Events.Mode.values()) {
            VmFixture f = new VmFixture();
            f.vm.events.setMode(mode);
            assertEquals("(#<procedure #2 f> #<procedure #3>)", f.run(TRACES_PROCEDURES), mode.toString());
            if (mode == Events.Mode.OFF) assertTrue(f.vm.events.snapshot().isEmpty());
        }
        VmFixture f = new VmFixture();
        f.vm.events.setMode(Events.Mode.RECORD);
        f.run(TRACES_PROCEDURES);
        List<String> values = only(What.TraceAccess.class, f.vm).stream().map(What.TraceAccess::value).toList();
        assertEquals(List.of("#<procedure f>", "#<procedure>", "(#<procedure f> #<mutex m> #<hash-table>)"), values);
        // A value printed by the program before the access shows the number the program saw.
        VmFixture g = new VmFixture();
        g.vm.events.setMode(Events.Mode.RECORD);
        g.run("(define (f) 1) (display f) (trace-write 'x f)");
        assertEquals("#<procedure #2 f>", only(What.TraceAccess.class, g.vm).get(0).value());
    }

    @Test
    void rehashesAreEventsOfTheThreadThatMadeThem() {
        VmFixture f = new VmFixture();
        f.vm.events.setMode(Events.Mode.RECORD);
        f.run("""
                (define h (make-hash-table))
                (let loop ((i 0)) (when (< i 20) (hash-put! h i i) (loop (+ i 1))))
                (define g (make-hash-table))
                (let loop ((i 0)) (when (< i 10) (hash-put! g i i) (hash-remove! g i) (loop (+ i 1))))""");
        List<What.RehashStart> starts = only(What.RehashStart.class, f.vm);
        List<What.RehashFinish> ends = only(What.RehashFinish.class, f.vm);
        assertEquals(starts.size(), ends.size());
        List<String> sizes = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            What.RehashStart s = starts.get(i);
            assertEquals(new What.RehashFinish(s.table(), s.by(), s.oldSlots(), s.newSlots()), ends.get(i));
            assertEquals("#<thread primordial>", s.by().name());
            sizes.add(s.oldSlots() + (s.resizes() ? "->" + s.newSlots() : " purged"));
        }
        // h grows 16 -> 32 -> 64 -> 128; g, whose entries are all deleted, only purges its tombstones.
        assertEquals(List.of("16->32", "32->64", "64->128", "16 purged"), sizes);
        assertEquals(1, starts.subList(0, 3).stream().map(s -> s.table().id()).distinct().count());
        assertFalse(starts.get(3).table().equals(starts.get(0).table()));
    }

    @Test
    void aSpinlockReleaseIsAnEvent() {
        VmFixture f = new VmFixture();
        f.vm.events.setMode(Events.Mode.RECORD);
        f.run("(define s (make-spinlock 's)) (spinlock-acquire! s) (spinlock-release! s)");
        What.SpinlockTake take = only(What.SpinlockTake.class, f.vm).get(0);
        List<What> w = whats(f.vm);
        assertTrue(w.indexOf(take) < w.indexOf(new What.SpinlockRelease(take.spinlock(), take.by())), w.toString());
        assertEquals("#<spinlock s>", take.spinlock().name());
    }

    @Test
    void aTableLockIsASpinlockWhoseWaitTakeAndReleaseAreEvents() {
        // two writers on one per-table table, on two processors in controlled mode: the seed makes one wait
        for (long seed = 1; seed <= 20; seed++) {
            Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), seed);
            vm.configure(vm.settings().withProcessors(2).withLocks(safepoint.tables.Policy.PER_TABLE));
            vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(1_000_000));
            vm.events.setMode(Events.Mode.RECORD);
            Outcome o = vm.load("""
                    (define h (make-hash-table-eqv))
                    (define (w k) (lambda () (let loop ((i 0)) (when (< i 30) (hash-put! h (+ k i) i) (loop (+ i 1))))))
                    (define ts (map (lambda (k) (thread-start! (make-thread (w k)))) '(0 100)))
                    (for-each thread-join! ts)
                    (hash-length h)""", "t.ss");
            assertEquals(60L, o.value(), o.errorText());
            List<What.Spin> spins = only(What.Spin.class, vm);
            if (spins.isEmpty()) continue;
            What.Spin spin = spins.get(0);
            assertTrue(spin.spinlock().name().startsWith("#<spinlock hash-table-"), spin.toString());
            List<What> w = whats(vm);
            int waited = w.indexOf(spin);
            int released = w.subList(waited, w.size()).indexOf(new What.SpinlockRelease(spin.spinlock(), spin.holder()));
            int taken = w.subList(waited, w.size()).indexOf(new What.SpinlockTake(spin.spinlock(), spin.by()));
            assertTrue(0 < released && released < taken, "after the wait, the holder's release, then the take: " + w);
            // the same wait and hold as table events: which table, and how big it was then
            What.TableLock wait = only(What.TableLock.class, vm).stream().filter(x -> x.action() == What.LockAction.WAIT).findFirst().orElseThrow();
            assertEquals(spin.spinlock(), wait.lock());
            assertEquals(spin.by(), wait.by());
            assertEquals("#<hash-table>", wait.table().name());
            assertTrue(wait.count() > 0 && wait.count() < 60 && wait.slots() >= 16, wait.toString());
            List<What.TableLock> locks = only(What.TableLock.class, vm);
            long takes = locks.stream().filter(x -> x.action() == What.LockAction.TAKE).count();
            long releases = locks.stream().filter(x -> x.action() == What.LockAction.RELEASE).count();
            assertTrue(takes >= 60 && takes == releases, "every put takes and releases the table's lock: " + takes + " " + releases);
            assertEquals(1, locks.stream().map(x -> x.table().id()).distinct().count());
            return;
        }
        throw new AssertionError("no seed of 1..20 made a writer wait for the table's lock");
    }

    @Test
    void aGcTablesLockHoldIsATableEventWithItsSizes() {
        VmFixture f = new VmFixture();
        f.vm.events.setMode(Events.Mode.RECORD);
        f.run("(define g (make-gc-table)) (gc-table-set! g (list 1) 1) (define h (make-hash-table test: eq?)) (hash-put! h (list 2) 2)");
        List<What.TableLock> locks = only(What.TableLock.class, f.vm);
        assertEquals(List.of("#<gc-table> TAKE 0", "#<gc-table> RELEASE 1", "#<hash-table> TAKE 0", "#<hash-table> RELEASE 1"),
                locks.stream().map(x -> x.table().name() + " " + x.action() + " " + x.count()).toList());
        assertTrue(locks.stream().allMatch(x -> x.slots() > 0 && x.lock().name().equals("#<spinlock gc-table>")), locks.toString());
    }

    /** A controlled run: the machine, with its events, and the run's choices. */
    record Controlled(Machine vm, List<long[]> choices) {}

    static Controlled controlled(long seed) {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), seed);
        vm.configure(vm.settings().withProcessors(2));
        vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(1_000_000));
        vm.events.setMode(Events.Mode.RECORD);
        Outcome o = vm.load("""
                (define (work n) (if (> n 0) (begin (make-vector 10 0) (work (- n 1)))))
                (define ts (map (lambda (i) (thread-start! (make-thread (lambda () (work 200) (gc))))) '(1 2 3)))
                (for-each thread-join! ts)""", "t.ss");
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        return new Controlled(vm, o.report().choices());
    }

    /** An event as everything a rerun must repeat: all but a collection's pause, which is wall-clock time. */
    private static String repeatable(Events.Event e) {
        What w = e.what() instanceof What.GcRelease g ? new What.GcRelease(g.epoch(), g.liveWords(), 0) : e.what();
        return e.seq() + " P" + e.processor() + " " + e.nanos() + " " + w;
    }

    @Test
    void controlledModeEventsCarryVirtualTimeArrivalsAndTheScheduleChoices() {
        Controlled run = controlled(7);
        Machine vm = run.vm();
        List<Events.Event> events = vm.events.snapshot();
        long last = 0;
        for (Events.Event e : events) {
            assertTrue(e.nanos() >= last, "virtual time never goes back: " + e);
            assertEquals(0, e.nanos() % 1000, "virtual time ticks by scheduling points: " + e);
            last = e.nanos();
        }
        // Both processors stopped at each barrier, and said so.
        assertTrue(only(What.GcArrive.class, vm).stream().map(a -> a.processor().name()).distinct().sorted().toList()
                .equals(List.of("P0", "P1")), whats(vm).toString());
        // The choices, in order, are the recorded schedule's.
        List<String> fromEvents = new ArrayList<>();
        for (What w : whats(vm)) {
            if (w instanceof What.SliceChoice c) fromEvents.add("P" + c.processor().id());
            if (w instanceof What.ThreadChoice c) fromEvents.add("t" + c.index());
        }
        List<String> schedule = run.choices().stream().map(c -> c[0] < 0 ? "t" + c[1] : "P" + c[0]).toList();
        assertEquals(schedule, fromEvents);
        assertTrue(fromEvents.contains("t1") || fromEvents.contains("t2"), "some thread choice: " + fromEvents);
        // The same seed makes the same events, time included.
        assertEquals(events.stream().map(EventsTest::repeatable).toList(), controlled(7).vm().events.snapshot().stream().map(EventsTest::repeatable).toList());
    }

    @Test
    void choicesAreEventsOnlyWhenRecording() {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 1);
        vm.configure(vm.settings().withProcessors(2));
        vm.configure(vm.settings().controlled(1, "random").withMaxSteps(1_000_000));
        vm.load("(thread-join! (thread-start! (make-thread (lambda () 1))))", "t.ss");
        assertTrue(whats(vm).stream().noneMatch(w -> w instanceof What.SliceChoice || w instanceof What.ThreadChoice), whats(vm).toString());
        assertTrue(whats(vm).stream().anyMatch(w -> w instanceof What.Switch), "live events still kept");
    }
}
