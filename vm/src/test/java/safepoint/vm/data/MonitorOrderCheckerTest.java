package safepoint.vm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.MonitorOrder.Monitor;

/** The checker's bookkeeping on a fresh instance: what it accepts and what it reports. */
class MonitorOrderCheckerTest {
    private final MonitorOrder.Checker c = new MonitorOrder.Checker();
    private final Object scheduler = new Object();
    private final Object otherScheduler = new Object();
    private final Object port = new Object();
    private final Object events = new Object();

    /** Take {@code outer}, then {@code inner}, telling the checker of each; whether inner was in order. */
    private boolean nested(Monitor outerKind, Object outer, Monitor innerKind, Object inner) {
        synchronized (outer) {
            c.entered(outerKind, outer);
            synchronized (inner) {
                return c.entered(innerKind, inner);
            }
        }
    }

    @Test
    void aLeafUnderTheSchedulerIsInOrder() {
        assertTrue(nested(Monitor.SCHEDULER, scheduler, Monitor.PORT, port));
        assertEquals(Set.of("SCHEDULER > PORT"), c.nestings());
        assertEquals(0, c.violations().size());
    }

    @Test
    void theSchedulerUnderALeafIsReportedWithWhere() {
        assertFalse(nested(Monitor.PORT, port, Monitor.SCHEDULER, scheduler));
        assertEquals(1, c.violations().size());
        String v = c.violations().get(0);
        assertTrue(v.contains("took SCHEDULER holding PORT") && v.contains("MonitorOrderCheckerTest"), v);
    }

    @Test
    void twoLeavesOrTwoSchedulersAtOnceAreReported() {
        assertFalse(nested(Monitor.PORT, port, Monitor.EVENT_BUFFER, events));
        assertFalse(nested(Monitor.SCHEDULER, scheduler, Monitor.SCHEDULER, otherScheduler));
        assertEquals(2, c.violations().size());
    }

    @Test
    void reEnteringAHeldMonitorIsAllowed() {
        synchronized (scheduler) {
            c.entered(Monitor.SCHEDULER, scheduler);
            assertTrue(nested(Monitor.PORT, port, Monitor.SCHEDULER, scheduler), "re-entry cannot block");
        }
        assertEquals(0, c.violations().size());
    }

    @Test
    void aReleasedMonitorIsForgottenWithoutAnExitHook() {
        synchronized (port) {
            c.entered(Monitor.PORT, port);
        }
        synchronized (scheduler) {
            assertTrue(c.entered(Monitor.SCHEDULER, scheduler), "the port was released before");
        }
        assertEquals(0, c.violations().size());
    }

    @Test
    void eachJavaThreadHasItsOwnHeldMonitors() throws Exception {
        synchronized (port) {
            c.entered(Monitor.PORT, port);
            Thread other = new Thread(() -> {
                synchronized (scheduler) {
                    c.entered(Monitor.SCHEDULER, scheduler);
                }
            });
            other.start();
            other.join();
        }
        assertEquals(0, c.violations().size());
    }
}
