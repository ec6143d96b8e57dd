package safepoint.vm.std;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.VmFixture;
import safepoint.vm.run.Outcome;
import safepoint.vm.run.RunSettings;

/**
 * :std/event's sync waits on its sync objects between poll rounds (smp.EventWait): a sync that
 * nothing can satisfy is a proven deadlock, in controlled mode and in free run, with the wait-for
 * graph through the set; one that something else satisfies later, or that has a timeout, is not.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventDeadlockTest {
    private static final String CYCLE = """
            (import :std/event)
            (def m (make-mutex 'm))
            (mutex-lock! m)
            (def a (spawn/name 'a (lambda () (mutex-lock! m) 'a)))
            (sync a (wrap-evt never-evt (lambda (x) x)))""";

    private static Outcome run(RunSettings settings, String program) {
        VmFixture f = new VmFixture();
        f.vm.configure(settings);
        return f.vm.load(program, "sync.ss");
    }

    @Test
    void aSyncOnAThreadThatWaitsForTheSyncerIsADeadlockInBothModes() {
        for (RunSettings s : new RunSettings[] {RunSettings.freeRun(4), RunSettings.freeRun(4).controlled(3, "random").withMaxSteps(1_000_000)}) {
            Outcome o = run(s, CYCLE);
            assertEquals(Outcome.Status.DEADLOCK, o.status(), String.valueOf(o.errorText()));
            assertTrue(o.errorText().contains("""
                        #<thread primordial> syncs on #<sync on #<thread a>, an event>
                        #<sync on #<thread a>, an event> waits for the end of #<thread a>
                        #<thread a> waits to lock #<mutex m>
                        #<mutex m> is held by #<thread primordial>
                    """), o.errorText());
        }
    }

    /**
     * A sync on a channel or a mutex polls them with tries that never wait (a wait of timeout 0
     * would be a timed wait and hide the poller), so the deadlock is proven at once, in words that
     * name the sync, not at the step bound as a hang "though some threads still run".
     */
    @Test
    void aSyncOnAChannelOrAMutexInACycleIsADeadlockNamedByItsSync() {
        String[][] programs = {
            {"(import :std/event :std/misc/channel) (def m (make-mutex 'm)) (def never (make-channel))"
                + " (mutex-lock! m) (def w (spawn/name 'w (lambda () (mutex-lock! m)))) (thread-sleep! 0.01) (sync w never)",
             "*** Deadlock: no thread can run, and this sync can never complete: #<sync on #<thread w>, an event>"},
            {"(import :std/event :std/misc/channel) (def m (make-mutex 'm)) (def m2 (make-mutex 'm2)) (def ch (make-channel))"
                + " (def w (spawn/name 'w (lambda () (mutex-lock! m2) (channel-put ch 'go) (mutex-lock! m))))"
                + " (mutex-lock! m) (channel-get ch) (sync m2)",
             "*** Deadlock: no thread can run, and this sync can never complete: #<sync on #<mutex m2>>"},
        };
        for (String[] p : programs) {
            for (RunSettings s : new RunSettings[] {RunSettings.freeRun(2), RunSettings.freeRun(2).controlled(11, "random").withMaxSteps(1_000_000)}) {
                Outcome o = run(s, p[0]);
                assertEquals(Outcome.Status.DEADLOCK, o.status(), String.valueOf(o.errorText()));
                assertTrue(o.errorText().startsWith(p[1]), o.errorText());
                assertTrue(!o.errorText().contains("step bound"), o.errorText());
            }
        }
    }

    @Test
    void neverEvtInEveryThreadIsADeadlock() {
        String program = "(import :std/event) (def t (spawn (lambda () (sync never-evt)))) (sync t)";
        Outcome o = run(RunSettings.freeRun(2).controlled(7, "random").withMaxSteps(1_000_000), program);
        assertEquals(Outcome.Status.DEADLOCK, o.status(), String.valueOf(o.errorText()));
        assertTrue(o.errorText().contains("WAITING on #<sync on an event>"), o.errorText());
    }

    @Test
    void aSyncThatAnotherThreadSatisfiesLaterOrThatTimesOutEnds() {
        String program = """
                (import :std/event :std/misc/channel)
                (def c (make-channel))
                (spawn (lambda () (thread-sleep! 0.02) (channel-put c 'hello)))
                (def t (spawn (lambda () (let loop ((i 0)) (if (< i 20000) (loop (+ i 1)) 'counted)))))
                (list (sync c) (sync t) (sync 0.01 never-evt) (sync (choice-evt never-evt (wrap-evt 0.01 (lambda (x) 'late)))))""";
        for (RunSettings s : new RunSettings[] {RunSettings.freeRun(2), RunSettings.freeRun(2).controlled(5, "random").withMaxSteps(5_000_000)}) {
            VmFixture f = new VmFixture();
            f.vm.configure(s);
            assertEquals("(hello counted #f late)", f.eval(program));
        }
    }
}
