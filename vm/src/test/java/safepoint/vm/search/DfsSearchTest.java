package safepoint.vm.search;

import safepoint.vm.run.Outcome;
import safepoint.vm.run.Chooser;
import safepoint.vm.Machine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The exhaustive search bounded by preemptions: exact counts, fewest preemptions first, spin loops. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DfsSearchTest {

    /** Main starts two threads that each make one marked write, then joins both. */
    static final String TINY = """
            (define t1 (make-thread (lambda () (trace-write 'x 1))))
            (define t2 (make-thread (lambda () (trace-write 'x 2))))
            (thread-start! t1)
            (thread-start! t2)
            (thread-join! t1)
            (thread-join! t2)
            """;

    static final String LOST_UPDATE = """
            (define counter 0)
            (define (increment!)
              (let ((seen (trace-read 'counter counter)))
                (set! counter (trace-write 'counter (+ seen 1)))))
            (define helper (make-thread increment!))
            (thread-start! helper)
            (increment!)
            (thread-join! helper)
            (unless (= counter 2) (error "lost update, counter is" counter))
            """;

    static ProgramRuns runs(String program, int processors) {
        return new ProgramRuns(program, "t.ss", vm -> vm.configure(vm.settings().withProcessors(processors)));
    }

    static DfsSearch.Result search(String program, int processors, int bound) {
        return DfsSearch.search(runs(program, processors), 0, bound, 1_000_000, 100_000, o -> true);
    }

    /**
     * Counted by hand. Main (M) runs on P0, t1 lands on P1 when started, t2 on P2. Choices come
     * at each sync operation; going on with the thread that ran last is free, switching away
     * from it is a preemption; when it blocks or ends, any choice is free.
     *
     * <p>0 preemptions: M starts t1 and t2 and blocks joining t1. Free choice: (1) t1 writes and
     * ends, M wakes; free choice between M (it blocks joining t2; t2 finishes) and (2) t2 (writes,
     * ends; M finishes). (3) t2 first: writes, ends; t1 writes, ends; M finishes. That is 3.
     *
     * <p>Exactly 1 preemption: the 0-preemption runs offer 6 places to preempt: after M starts
     * t1 (to t1: 1 run), after M starts t2 (to t1 or to t2; each ends and leaves a free choice
     * between M and the other thread: 2 + 2 runs), after t1's write in run 1 (to t2: 1), after
     * t2's write in run 2 (to M: 1), after t2's write in run 3 (to t1, which ends; a free choice
     * between M and t2: 2). That is 9, so 12 with at most one.
     */
    @Test
    void dfsCountsTheSchedulesOfATinyProgramExactly() {
        DfsSearch.Result none = search(TINY, 4, 0);
        assertTrue(none.complete());
        assertNull(none.failure());
        assertEquals(3, none.schedules());
        assertEquals(12, search(TINY, 4, 1).schedules());
        // More processors than threads change nothing: P3 never has a thread.
        assertEquals(12, search(TINY, 3, 1).schedules());
    }

    /**
     * On one processor only the choice of thread remains, and it is free. M starts t1 and t2 and
     * blocks joining t1; P0 takes (1) t1, which writes and ends; M and t2 are ready: P0 takes t2
     * (it ends, then M) or M (it blocks on t2, then t2). (3) t2 first, then t1, then M. That is 3.
     */
    @Test
    void onOneProcessorDfsChoosesTheThread() {
        DfsSearch.Result r = search(TINY, 1, 0);
        assertTrue(r.complete());
        assertEquals(3, r.schedules());
    }

    @Test
    void theFirstFailureFoundHasTheFewestPreemptions() {
        assertNull(search(LOST_UPDATE, 2, 0).failure(), "no lost update without a preemption");
        DfsSearch.Result r = search(LOST_UPDATE, 2, 2);
        assertNotNull(r.failure());
        assertEquals(1, r.failurePreemptions());
        assertTrue(r.failure().errorText().contains("lost update, counter is 1"), r.failure().errorText());
        // The failing run's recorded choices replay exactly to the same failure.
        Machine again = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        again.configure(again.settings().withProcessors(2));
        again.configure(again.settings().choosing(Chooser.replay(r.failingChoices())));
        Outcome o = again.load(LOST_UPDATE, "t.ss");
        assertEquals(r.failure().errorText(), o.errorText());
    }

    @Test
    void aSpinLoopDoesNotMakeTheSearchInfinite() {
        String spin = """
                (define l (make-spinlock 'l))
                (define n 0)
                (define (work) (spinlock-acquire! l) (set! n (+ n 1)) (spinlock-release! l))
                (define t (make-thread work))
                (thread-start! t)
                (work)
                (thread-join! t)
                (unless (= n 2) (error "lost" n))
                """;
        DfsSearch.Result r = search(spin, 2, 2);
        assertTrue(r.complete(), "search finished");
        assertNull(r.failure());
        assertEquals(0, r.inconclusive(), "no run spun to the step bound");
        assertTrue(r.schedules() > 3, "the lock was contended in some schedules: " + r.schedules());
    }

    @Test
    void theRunCapEndsAnUnfinishedSearch() {
        DfsSearch.Result r = DfsSearch.search(runs(TINY, 4), 0, 3, 1_000_000, 5, o -> true);
        assertEquals(5, r.schedules());
        assertFalse(r.complete());
    }

    @Test
    void twoWorkersCountTheSameAndReportTheSameFailureWhateverTheTiming() {
        String fixed = LOST_UPDATE.replace("(define (increment!)", "(define m (make-mutex))\n(define (increment!)")
                .replace("(let ((seen", "(mutex-lock! m) (let ((seen").replace("(+ seen 1)))))", "(+ seen 1)))) (mutex-unlock! m))");
        DfsSearch.Result one = DfsSearch.search(() -> runs(fixed, 3), 1, 2, 1_000_000, 100_000, o -> true, () -> false);
        DfsSearch.Result two = DfsSearch.search(() -> runs(fixed, 3), 2, 2, 1_000_000, 100_000, o -> true, () -> false);
        assertTrue(one.complete() && two.complete());
        assertNull(two.failure(), String.valueOf(two.failure()));
        assertEquals(one.schedules(), two.schedules());
        String first = null;
        for (int i = 0; i < 5; i++) {
            DfsSearch.Result r = DfsSearch.search(() -> runs(LOST_UPDATE, 3), 2, 2, 1_000_000, 100_000, o -> true, () -> false);
            assertEquals(1, r.failurePreemptions());
            StringBuilder sb = new StringBuilder();
            for (long[] c : r.failingChoices()) sb.append(c[0]).append('.').append(c[1]).append(',');
            if (first == null) first = sb.toString();
            assertEquals(first, sb.toString(), "the same failing schedule on every search");
        }
    }

    /** A failing program with many schedules at the failure's level: many runs of it may end after the failure. */
    static final String LATE_LOST_UPDATE = """
            (define counter 0)
            (define (increment!)
              (let ((seen (trace-read 'counter counter)))
                (set! counter (trace-write 'counter (+ seen 1)))))
            (define (noise) (trace-write 'a 1) (trace-write 'b 2) (trace-write 'c 3))
            (define others (list (make-thread noise) (make-thread noise)))
            (for-each thread-start! others)
            (define helper (make-thread increment!))
            (thread-start! helper)
            (increment!)
            (thread-join! helper)
            (for-each thread-join! others)
            (unless (= counter 2) (error "lost update, counter is" counter))
            """;

    private static String choices(DfsSearch.Result r) {
        StringBuilder sb = new StringBuilder();
        for (long[] c : r.failingChoices()) sb.append(c[0]).append('.').append(c[1]).append(',');
        return sb.toString();
    }

    @Test
    void theCountBeforeAFailureIsTheSameOnOneWorkerAndOnTwo() {
        // Issue 11: 69,905 to 69,999 schedules for one program: runs after the failure, which a
        // faster worker had started, were counted.
        DfsSearch.Result one = DfsSearch.search(() -> runs(LATE_LOST_UPDATE, 4), 1, 2, 1_000_000, 100_000, o -> true, () -> false);
        assertNotNull(one.failure());
        for (int i = 0; i < 4; i++) {
            DfsSearch.Result two = DfsSearch.search(() -> runs(LATE_LOST_UPDATE, 4), 2, 2, 1_000_000, 100_000, o -> true, () -> false);
            assertEquals(one.schedules(), two.schedules(), "schedules counted up to the failure");
            assertEquals(choices(one), choices(two));
        }
    }

    @Test
    void underARunCapTwoWorkersReportWhatOneWould() {
        DfsSearch.Result full = DfsSearch.search(() -> runs(LATE_LOST_UPDATE, 4), 1, 2, 1_000_000, 100_000, o -> true, () -> false);
        for (long cap : new long[] {3, Math.max(4, full.schedules() / 2)}) {
            DfsSearch.Result one = DfsSearch.search(() -> runs(LATE_LOST_UPDATE, 4), 1, 2, 1_000_000, cap, o -> true, () -> false);
            for (int i = 0; i < 3; i++) {
                DfsSearch.Result two = DfsSearch.search(() -> runs(LATE_LOST_UPDATE, 4), 2, 2, 1_000_000, cap, o -> true, () -> false);
                assertEquals(one.schedules(), two.schedules(), "cap " + cap);
                assertEquals(one.failure() == null, two.failure() == null, "cap " + cap);
                if (one.failure() != null) assertEquals(choices(one), choices(two));
                assertEquals(one.complete(), two.complete());
            }
        }
    }
}
