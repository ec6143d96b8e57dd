package safepoint.vm.event;

import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event stream (docs/events.md): what a recorded run reports, and the live ring's bound. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventsTest {

    private static List<String> kinds(VmFixture f) {
        return f.vm.events.snapshot().stream().map(e -> e.kind() + " " + e.subject()).toList();
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
        List<String> k = kinds(f);
        int waits = k.indexOf("wait #<thread worker>");
        int unlock = k.indexOf("mutex-unlock #<mutex m>");
        int handed = unlock < 0 ? -1 : unlock + k.subList(unlock, k.size()).indexOf("mutex-lock #<mutex m>");
        int wake = k.indexOf("wake #<thread worker>");
        assertTrue(k.contains("thread-start #<thread worker>"), k.toString());
        assertTrue(waits >= 0 && unlock > waits && handed > unlock && wake > unlock, k.toString());
        assertTrue(k.contains("thread-end #<thread worker>"), k.toString());
        // Observing used no serial numbers: the program's next object is #2.
        assertEquals("#<thread #2 worker>", f.eval("t"));
    }

    @Test
    void aCollectionReportsRequestArrivalsAndTheGc() {
        VmFixture f = new VmFixture();
        f.vm.setProcessors(2);
        f.vm.events.setMode(Events.Mode.RECORD);
        f.run("(gc)");
        List<String> k = kinds(f);
        assertTrue(k.contains("gc-request #<thread primordial>"), k.toString());
        assertTrue(k.stream().anyMatch(s -> s.startsWith("gc epoch ")), k.toString());
    }

    @Test
    void theLiveRingIsBoundedAndCountsWhatItDrops() {
        VmFixture f = new VmFixture();
        f.vm.events.setMode(Events.Mode.LIVE);
        f.run("(define m (make-mutex)) (do ((i 0 (+ i 1))) ((= i 10000)) (mutex-lock! m) (mutex-unlock! m))");
        assertTrue(f.vm.events.snapshot().size() <= Events.LIVE_CAPACITY, "bounded");
        assertTrue(f.vm.events.dropped() >= 20000 - Events.LIVE_CAPACITY, "dropped " + f.vm.events.dropped());
    }
}
