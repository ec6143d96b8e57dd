package safepoint.vm.analysis;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Why it is stuck: wait-for cycles, the barrier's edges, deadlock-exception, lost wakeups. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AnalysisTest {

    static final String ABBA = """
            (define a (make-mutex 'a))
            (define b (make-mutex 'b))
            (define (lock-both first second)
              (mutex-lock! first) (thread-sleep! .01) (mutex-lock! second) (mutex-unlock! second) (mutex-unlock! first))
            (define left (spawn/name 'left (lambda () (lock-both a b))))
            (define right (spawn/name 'right (lambda () (lock-both b a))))
            (thread-join! left)
            """;

    /** A waiter on a condition variable that lives only in its own frame: nobody can ever signal it. */
    static final String LOST_WAKEUP = """
            (define m (make-mutex 'm))
            (define (wait-alone)
              (let ((cv (make-condition-variable 'alone)))
                (mutex-lock! m)
                (mutex-unlock! m cv)))
            (define w (spawn/name 'waiter wait-alone))
            (thread-join! w)
            """;

    static final String MANY_WAITERS = """
            (define m (make-mutex 'm))
            (mutex-lock! m)
            (define ts (let loop ((i 0) (acc '()))
                         (if (= i 2000) acc (loop (+ i 1) (cons (spawn (lambda () (mutex-lock! m))) acc)))))
            (thread-join! (car ts))
            """;

    static final String TABLE_RACE = """
            (define h (make-hash-table))
            (define ts (map (lambda (k) (spawn (lambda () (hash-put! h k #t)))) '(a b)))
            (for-each thread-join! ts)
            """;

    /** A thread that keeps running, so that a run reaches its step bound. */
    static final String BUSY = "(define busy (spawn/name 'busy (lambda () (let loop () (thread-yield!) (loop)))))\n";

    /** At the step bound the main thread waits, through a lost wakeup, forever: a proven hang. */
    static final String HANG = """
            (define (wait-alone)
              (let ((m (make-mutex)) (cv (make-condition-variable 'alone)))
                (mutex-lock! m)
                (mutex-unlock! m cv)))
            (define w (spawn/name 'waiter wait-alone))
            """ + BUSY + "(thread-join! w)\n";

    /** A wait the busy thread could still end: inconclusive at the step bound. */
    static final String INCONCLUSIVE = "(define w (spawn/name 'waiter (lambda () (thread-receive))))\n" + BUSY + "(thread-join! w)\n";

    /** Run in controlled mode (seed) or free run (seed null) on p processors; stdout then the outcome. */
    static Outcome run(String program, int p, Long seed, StringWriter out) {
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), seed == null ? 0 : seed);
        vm.configure(vm.settings().withProcessors(p).withLocks(safepoint.tables.Policy.NONE)); // tables as recorded before the policies: unsynchronized
        if (seed != null) vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(2_000_000));
        vm.deadline = System.nanoTime() + 60_000_000_000L;
        return vm.load(program, "t.ss");
    }

    @Test
    void anAbbaDeadlockIsReportedAsItsCycleInBothModes() {
        for (Long seed : new Long[] {null, 1L, 2L}) {
            Outcome o = run(ABBA, 4, seed, new StringWriter());
            assertEquals(3, o.exitCode(), seed + ": " + o.errorText());
            String t = o.errorText();
            assertTrue(t.contains("""
                      the cycle:
                        #<thread left> waits to lock #<mutex b>
                        #<mutex b> is held by #<thread right>
                        #<thread right> waits to lock #<mutex a>
                        #<mutex a> is held by #<thread left>
                    """), t);
            // Each participant: what it holds, what it waits for, where.
            assertTrue(t.contains("  #<thread left> WAITING on #<mutex b>, held by #<thread right>\n      locked #<mutex a>\n"
                    + "      waiting to lock #<mutex b>\n      0  lock-both, \"t.ss\"@4."), t);
            assertEquals(seed == null, t.contains("./safepoint explore FILE"), "free run points at explore: " + t);
        }
    }

    @Test
    void aHandledDeadlockExceptionLetsTheRunGoOn() {
        String program = """
                (define m (make-mutex 'm))
                (mutex-lock! m)
                (define t (spawn (lambda () (mutex-lock! m))))
                (display (with-exception-catcher
                           (lambda (e) (if (deadlock-exception? e) 'deadlock-caught e))
                           (lambda () (thread-join! t))))
                (newline)
                (display "still running")
                """;
        for (Long seed : new Long[] {null, 5L}) {
            StringWriter out = new StringWriter();
            Outcome o = run(program, 2, seed, out);
            assertEquals(Outcome.Status.VALUE, o.status(), String.valueOf(o.errorText()));
            assertEquals("deadlock-caught\nstill running", out.toString());
        }
    }

    @Test
    void theGcBarrierCycleGoesThroughProcessorsLocksAndTheParkedHolder() throws Exception {
        String program = Files.readString(Path.of("..", "examples", "gc-barrier-spin.ss"));
        for (Long seed : new Long[] {null, 1L}) {
            Outcome o = run(program, 2, seed, new StringWriter());
            assertEquals(3, o.exitCode(), seed + ": " + o.errorText());
            String t = o.errorText();
            assertTrue(t.matches("(?s).*the cycle:\n"
                    + "    #<thread primordial> is parked at the safepoint on P(\\d)\n"
                    + "    P\\1 waits at the GC barrier for P(\\d)\n"
                    + "    P\\2 runs #<thread spinner>\n"
                    + "    #<thread spinner> spins in code without polls on #<spinlock L>\n"
                    + "    #<spinlock L> is held by #<thread primordial>\n.*"), t);
            assertTrue(t.contains("spinning on #<spinlock L> (no poll in this code)"), t);
        }
    }

    @Test
    void aConditionVariableNoLiveThreadCanReachIsALostWakeup() {
        // The waiter's condition variable lives only in its own frame: nobody can ever signal it.
        String lost = LOST_WAKEUP;
        Outcome o = run(lost, 2, 3L, new StringWriter());
        assertEquals(3, o.exitCode());
        assertTrue(o.errorText().contains("#<thread waiter> WAITING on #<condition-variable alone>"), o.errorText());
        assertTrue(o.errorText().contains("no live thread can signal #<condition-variable alone>"), o.errorText());
        // Reachable from a global: someone could signal it, so no such claim (still a deadlock: nothing runs).
        Outcome shared = run(lost.replace("(let ((cv (make-condition-variable 'alone)))", "(let ((cv shared-cv))")
                .replace("(define (wait-alone)", "(define shared-cv (make-condition-variable 'alone))\n(define (wait-alone)"), 2, 3L,
                new StringWriter());
        assertEquals(3, shared.exitCode());
        assertFalse(shared.errorText().contains("no live thread can signal"), shared.errorText());
    }

    @Test
    void manyWaitersAreSummarisedNotDumped() {
        Outcome o = run(MANY_WAITERS, 4, 1L, new StringWriter());
        assertEquals(3, o.exitCode());
        String t = o.errorText();
        assertTrue(t.lines().count() < 80, "summarised: " + t.lines().count() + " lines");
        assertTrue(t.matches("(?s).*\\.\\.\\. and 1,98\\d more threads:\n      1,98\\d wait to lock #<mutex m>.*"), t);
    }

    /** Run in controlled mode; stderr (the warnings) and the outcome. */
    static String[] runWithStderr(String program, int p, Long seed) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Machine vm = new Machine(out, err, new StringReader(""), seed == null ? 0 : seed);
        vm.configure(vm.settings().withProcessors(p).withLocks(safepoint.tables.Policy.NONE)); // tables as recorded before the policies: unsynchronized
        if (seed != null) vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(2_000_000));
        Outcome o = vm.load(program, "t.ss");
        return new String[] {o.status() + " " + o.exitCode(), err.toString(), out.toString()};
    }

    @Test
    void theRaceDetectorReportsALostUpdateOnASchedulePassing() throws Exception {
        String demo = Files.readString(Path.of("..", "examples", "lost-update.ss"));
        int passing = 0;
        for (long seed = 1; seed <= 10; seed++) {
            String[] r = runWithStderr(demo, 4, seed);
            assertTrue(r[1].startsWith("warning: data race on counter\n"), "seed " + seed + ": " + r[1]);
            assertTrue(r[1].contains("no lock, message, join or thread start orders these two accesses"), r[1]);
            if (r[0].equals("VALUE 0")) {
                passing++;
                assertEquals("2\n", r[2], "nothing was lost on this schedule, and still the race is reported");
            }
        }
        assertTrue(passing > 0, "some schedules pass");
        String fixed = Files.readString(Path.of("..", "examples", "lost-update-fixed.ss"));
        for (long seed = 1; seed <= 10; seed++) assertEquals("", runWithStderr(fixed, 4, seed)[1], "seed " + seed);
    }

    @Test
    void happensBeforeFollowsMessagesJoinsStartsAndSignals() {
        // Each hand-over orders the accesses: no race anywhere.
        String ordered = """
                (define x 0)
                (define t (make-thread (lambda () (trace-write 'x (set! x 1)) (thread-send main 'done))))
                (define main (current-thread))
                (trace-write 'x (set! x 0))
                (thread-start! t)
                (thread-receive)
                (trace-read 'x x)
                (define u (spawn (lambda () (trace-write 'x 2))))
                (thread-join! u)
                (trace-read 'x x)
                (define m (make-mutex)) (define cv (make-condition-variable)) (define ready #f)
                (define w (spawn (lambda () (mutex-lock! m) (let loop () (unless ready (mutex-unlock! m cv) (mutex-lock! m) (loop)))
                                           (trace-read 'y 1) (mutex-unlock! m))))
                (mutex-lock! m) (trace-write 'y 1) (set! ready #t) (condition-variable-signal! cv) (mutex-unlock! m)
                (thread-join! w)
                (define h (make-hash-table))
                (define v (spawn (lambda () (hash-put! h 'k 1))))
                (thread-join! v)
                (display (hash-ref h 'k))
                """;
        for (long seed = 1; seed <= 5; seed++) {
            String[] r = runWithStderr(ordered, 3, seed);
            assertEquals("VALUE 0", r[0], r[1]);
            assertEquals("", r[1], "seed " + seed);
        }
        // Two threads writing one table with nothing between them: a race on the table.
        String[] r = runWithStderr(TABLE_RACE, 3, 1L);
        assertTrue(r[1].startsWith("warning: data race on the hash table h\n  write by #<thread"), r[1]);
    }

    @Test
    void aLockOrderInversionIsReportedOnARunThatPassed() {
        String program = """
                (define a (make-mutex 'a))
                (define b (make-mutex 'b))
                (define (lock-both first second)
                  (mutex-lock! first) (mutex-lock! second) (mutex-unlock! second) (mutex-unlock! first) 'ok)
                (thread-join! (spawn/name 'left (lambda () (lock-both a b))))
                (display (thread-join! (spawn/name 'right (lambda () (lock-both b a)))))
                """;
        for (Long seed : new Long[] {null, 1L}) {
            String[] r = runWithStderr(program, 2, seed);
            assertEquals("VALUE 0", r[0], "a warning changes no exit status");
            assertEquals("ok", r[2]);
            assertTrue(r[1].startsWith("""
                    warning: lock-order inversion (potential deadlock): #<mutex a> and #<mutex b> were taken in both orders
                      #<thread left> took #<mutex b> while holding #<mutex a>:
                          0  lock-both, "t.ss"@4."""), r[1]);
            assertTrue(r[1].contains("  #<thread right> took #<mutex a> while holding #<mutex b>:\n"), r[1]);
        }
        // One order only: nothing to say.
        assertEquals("", runWithStderr(program.replace("(lock-both b a)", "(lock-both a b)"), 2, 1L)[1]);
    }

    @Test
    void theRunsOutcomeCarriesItsWarningsAsRecordsThatTheStderrTextIsMadeFrom() throws Exception {
        String program = Files.readString(Path.of("..", "examples", "registry-two-locks.ss"));
        java.util.Set<Warning.Identity> seen = new java.util.LinkedHashSet<>();
        for (long seed = 1; seed <= 4; seed++) {
            StringWriter err = new StringWriter();
            Machine vm = new Machine(new StringWriter(), err, new StringReader(""), seed);
            vm.configure(vm.settings().withProcessors(2));
            vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(2_000_000));
            Outcome o = vm.load(program, "t.ss");
            StringBuilder text = new StringBuilder();
            for (Warning w : o.warnings()) {
                text.append(WarningText.of(w)).append('\n');
                seen.add(w.identity());
                Warning.LockOrderInversion i = (Warning.LockOrderInversion) w;
                // Each side names its thread, the two locks the other way round, and where.
                Warning.Acquisition earlier = i.edges().get(0), later = i.edges().get(1);
                assertEquals(i.locks(), List.of(later.took(), later.holding()));
                assertEquals(i.locks(), List.of(earlier.holding(), earlier.took()));
                assertEquals(java.util.Set.of("#<thread worker>", "#<thread coordinator>"), java.util.Set.of(earlier.thread(), later.thread()));
                assertEquals("with-mutex", later.backtrace().get(0).procedure());
            }
            assertEquals(err.toString(), text.toString(), "stderr is the records in words, seed " + seed);
        }
        // One identity for the pair, whichever order the locks were first taken in, the same from run to run.
        assertEquals(java.util.Set.of(
                new Warning.Identity("lock-order inversion", List.of("#<mutex driver-mx>", "#<mutex import-mx>"))), seen);
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 1);
        vm.configure(vm.settings().withProcessors(4));
        vm.configure(vm.settings().controlled(1, "random").withMaxSteps(2_000_000));
        Outcome race = vm.load(Files.readString(Path.of("..", "examples", "lost-update.ss")), "t.ss");
        Warning.DataRace r = (Warning.DataRace) race.warnings().get(0);
        assertEquals("counter", r.location());
        assertTrue(r.access().write() || r.previous().write(), "at least one write");
        assertEquals(new Warning.Identity("data race", List.of("counter")), r.identity());
    }

    @Test
    void aRaceSaysWhetherItCanDoHarm() throws Exception {
        String lostUpdate = Files.readString(Path.of("..", "examples", "lost-update.ss"));
        String doubleChecked = """
                (def m (make-mutex 'init))
                (def inst #f)
                (def (get!)
                  (or (trace-read 'inst inst)
                      (begin (mutex-lock! m)
                             (unless (trace-read 'inst inst) (set! inst (trace-write 'inst (list 'made))))
                             (mutex-unlock! m)
                             inst)))
                (def a (spawn (lambda () (get!))))
                (def b (spawn (lambda () (get!))))
                (thread-join! a) (thread-join! b)
                """;
        // The same unlocked first read, but nobody checks again under the lock: no verdict.
        String unchecked = doubleChecked.replace("(unless (trace-read 'inst inst) (set! inst", "(begin (set! inst");
        int lost = 0, benign = 0;
        for (long seed = 1; seed <= 6; seed++) {
            for (Warning w : controlled(lostUpdate, 4, seed, 2_000_000).warnings()) {
                if (w instanceof Warning.DataRace r && r.verdict() instanceof Warning.LostUpdate) lost++;
            }
            for (Warning w : controlled(doubleChecked, 4, seed, 2_000_000).warnings()) {
                Warning.DataRace r = (Warning.DataRace) w;
                assertEquals(new Warning.DoubleChecked("#<mutex init>"), r.verdict(), "seed " + seed);
                assertTrue(WarningText.of(r).contains("benign by construction: a double-checked read"), WarningText.of(r));
                benign++;
            }
            for (Warning w : controlled(unchecked, 4, seed, 2_000_000).warnings()) {
                if (w instanceof Warning.DataRace r) assertFalse(r.verdict() instanceof Warning.DoubleChecked, "seed " + seed + ": " + r);
            }
        }
        assertTrue(lost > 0, "the lost-update example's race is called a lost update");
        assertTrue(benign > 0, "some seed shows the double-checked read's race");
        Warning.DataRace shown = null;
        for (Warning w : controlled(lostUpdate, 4, 1, 2_000_000).warnings()) if (w instanceof Warning.DataRace r) shown = r;
        assertTrue(WarningText.of(shown).endsWith("one of the two updates can be lost (make the read and the write one step under a lock)"),
                WarningText.of(shown));
    }

    static Outcome controlled(String program, int p, long seed, long maxSteps) {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), seed);
        vm.configure(vm.settings().withProcessors(p).withLocks(safepoint.tables.Policy.NONE)); // tables as recorded before the policies: unsynchronized
        vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(maxSteps));
        return vm.load(program, "t.ss");
    }

    @Test
    void aFailedRunSaysWhatFailedAsDataTheSameUnderEverySchedule() throws Exception {
        // A deadlock: its proof and the threads' waits in its cycle, whatever the processors and the wording.
        Failure abba = new Failure.Deadlock(Failure.Proof.NOTHING_CAN_RUN, java.util.Set.of(
                new Failure.Wait("#<thread left>", EdgeKind.WAITS_TO_LOCK, "#<mutex b>"),
                new Failure.Wait("#<thread right>", EdgeKind.WAITS_TO_LOCK, "#<mutex a>")));
        for (long seed = 1; seed <= 3; seed++) assertEquals(abba, controlled(ABBA, 4, seed, 2_000_000).failure(), "seed " + seed);
        String barrier = Files.readString(Path.of("..", "examples", "gc-barrier-spin.ss"));
        Failure.Deadlock spin = (Failure.Deadlock) controlled(barrier, 2, 1, 2_000_000).failure();
        assertEquals(Failure.Proof.BARRIER_NEVER_REACHED, spin.proof());
        assertEquals(java.util.Set.of(new Failure.Wait("#<thread primordial>", EdgeKind.PARKED_ON, null),
                new Failure.Wait("#<thread spinner>", EdgeKind.SPINS_WITHOUT_POLLS, "#<spinlock L>")), spin.cycle());
        assertEquals(spin, controlled(barrier, 4, 3, 2_000_000).failure(), "another processor spins: the same failure");
        assertEquals(new Failure.Deadlock(Failure.Proof.HANG, java.util.Set.of()), controlled(HANG, 2, 1, 50_000).failure());
        assertEquals(Failure.Proof.SPIN_ON_ONE_PROCESSOR,
                ((Failure.Deadlock) controlled(Files.readString(Path.of("..", "examples", "spin-without-polls.ss")), 1, 1, 2_000_000).failure()).proof());
        // An error: where, its kind, its message and values; what it shows has no serial numbers of the program's.
        Outcome lost = controlled(Files.readString(Path.of("..", "examples", "lost-update.ss")), 2, 1, 2_000_000);
        assertEquals(new Failure.Error(null, "\"t.ss\"@27.23", "error-exception", "lost update, counter is", 0, List.of("1")), lost.failure());
        Outcome first = controlled("(define (f) 1) (define g (lambda () 2))\n(error \"bad\" f)", 2, 1, 1000);
        Outcome later = controlled("(define (f) 1) (define g (lambda () 2)) (display g)\n(error \"bad\" f)", 2, 1, 1000);
        assertTrue(first.errorText().contains("#<procedure #2 f>") && later.errorText().contains("#<procedure #3 f>"),
                first.errorText() + later.errorText());
        assertEquals(first.failure(), later.failure());
        assertEquals(List.of("#<procedure #2 f>"), ((Failure.Error) first.failure()).irritants());
        Failure.Error type = (Failure.Error) controlled("(define t (spawn (lambda () (car 5))))\n(thread-sleep! 1)", 2, 1, 100_000).failure();
        assertEquals(new Failure.Error(null, "\"t.ss\"@1.29", "type-exception", "PAIR expected", 1, List.of()), type,
                "a thread nobody joined fails the run with its error");
    }

    @Test
    void atTheStepBoundALostWakeupUnderTheMainThreadIsAProvenHang() {
        String hang = HANG;
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 1);
        vm.configure(vm.settings().withProcessors(2));
        vm.configure(vm.settings().controlled(1, "random").withMaxSteps(50_000));
        Outcome o = vm.load(hang, "t.ss");
        assertEquals(3, o.exitCode(), o.errorText());
        assertTrue(o.errorText().startsWith("""
                *** Hang: the program can never end, though some threads still run
                  the chain of waits:
                    #<thread primordial> waits for the end of #<thread waiter>
                    #<thread waiter> waits on #<condition-variable alone>
                  nothing can ever end the last wait: no live thread can reach #<condition-variable alone>
                """), o.errorText());
        // A wait someone could still end stays inconclusive: the busy thread could send the message.
        Machine vm2 = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 1);
        vm2.configure(vm2.settings().withProcessors(2));
        vm2.configure(vm2.settings().controlled(1, "random").withMaxSteps(50_000));
        Outcome o2 = vm2.load(INCONCLUSIVE, "t.ss");
        assertEquals(4, o2.exitCode(), o2.errorText());
    }
}
