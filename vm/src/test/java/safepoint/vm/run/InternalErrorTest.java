package safepoint.vm.run;

import safepoint.vm.search.DfsSearch;
import safepoint.vm.search.ProgramRuns;
import safepoint.vm.VmFixture;
import safepoint.vm.search.Workers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.data.Primitive;

/**
 * An internal error on a Java thread of a run or a search (a processor outside Interp.run, the
 * watchdog, a search worker) ends it and reaches the caller's thread, where the command line
 * reports it (exit 70): no thread dies alone with a JVM trace, and nothing waits for it forever.
 * The faults are injected; every run here could only end by them or by the fixture's deadline.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InternalErrorTest {
    static final class Injected extends RuntimeException {
        Injected(String message) {
            super(message);
        }
    }

    @AfterEach
    void noMoreFaults() {
        FreeRun.faultForTests = null;
    }

    static VmFixture fourProcessors() {
        VmFixture f = new VmFixture();
        f.vm.configure(f.vm.settings().withProcessors(4));
        return f;
    }

    /** Eight threads that never end: enough for every processor to run one. */
    static final String FOREVER = "(for-each thread-join! (map (lambda (i) (spawn (lambda () (let loop () (loop))))) '(1 2 3 4 5 6 7 8)))";

    static void assertNoProcessorThreadLeft() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.isAlive() && t.getName().matches("safepoint-P\\d+"), "still running: " + t.getName());
        }
    }

    @Test
    void anInternalErrorOnAnotherProcessorEndsTheRunOnTheCallersThread() {
        VmFixture f = fourProcessors();
        FreeRun.faultForTests = (vm, p) -> {
            if (vm == f.vm && p == 2) throw new Injected("on P2");
        };
        assertEquals("on P2", assertThrows(Injected.class, () -> f.vm.load(FOREVER, "t.ss")).getMessage());
        assertNoProcessorThreadLeft();
    }

    @Test
    void aProcessorFailingWhileAGcBarrierWaitsForItReleasesTheOthers() {
        VmFixture f = fourProcessors();
        f.vm.configure(f.vm.settings().withHeapBytes(1 << 20));
        FreeRun.faultForTests = (vm, p) -> {
            if (vm == f.vm && p == 1 && vm.barrier().pending) throw new Injected("P1 at the barrier");
        };
        String allocating = FOREVER.replace("(let loop () (loop))", "(let loop () (make-vector 100 i) (loop))");
        assertThrows(Injected.class, () -> f.vm.load(allocating, "t.ss"));
        assertNoProcessorThreadLeft();
    }

    @Test
    void theWatchdogFailingDuringAHostStopReleasesTheStoppedProcessors() {
        VmFixture f = fourProcessors();
        FreeRun.faultForTests = (vm, p) -> {
            if (vm == f.vm && p == -1) throw new Injected("watchdog");
        };
        // A lock cycle while a thread ticks: the watchdog stops the world to look at it.
        assertEquals("watchdog", assertThrows(Injected.class, () -> f.vm.load(FreeRunTest.CYCLE_WHILE_TICKING, "t.ss")).getMessage());
        assertNoProcessorThreadLeft();
    }

    @Test
    void aFailingWorkerStopsTheOthersAndIsThrownOnTheCaller() {
        Object monitor = new Object();
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        assertEquals("first", assertThrows(Injected.class, () -> Workers.run(2, "test", () -> {
            if (started.getAndIncrement() == 0) throw new Injected("first");
            synchronized (monitor) {
                try {
                    for (;;) monitor.wait(); // waits for a result the failed worker will never give
                } catch (InterruptedException e) {
                    // released
                }
            }
        })).getMessage());
    }

    @Test
    void aDfsWorkerWaitingForAFailedWorkersRunIsReleased() {
        // The fault escapes Interp.run (an Error, not a Scheme error) in the only first run: the
        // other worker waits for that run's alternatives.
        java.util.function.Supplier<ProgramRuns> programs = () -> new ProgramRuns("(spawn (lambda () 1)) (fault!)", "t.ss", vm -> {
            vm.configure(vm.settings().withProcessors(2));
            vm.add(Primitive.of0("fault!", false, c -> {
                throw new AssertionError("injected");
            }));
        });
        assertThrows(AssertionError.class, () -> DfsSearch.search(programs, 2, 2, 1_000_000, 1000, o -> true, () -> false));
    }
}
