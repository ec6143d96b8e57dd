package safepoint.vm.gc;

import safepoint.vm.run.Outcome;
import safepoint.vm.search.Checkpoint;
import safepoint.vm.interp.Interp;
import safepoint.vm.Machine;
import safepoint.vm.search.RewindTest;
import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bulk allocation counts against the simulated heap (and fails before it is built when no heap
 * could hold it), and a long primitive's work is charged as scheduling points, so the scheduler,
 * the GC barrier and Ctrl-C get their turn right after it, deterministically.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BulkWorkTest {

    @Test
    void aBulkAllocationLargerThanTheHeapIsAHeapOverflow() {
        VmFixture f = new VmFixture();
        f.vm.configure(f.vm.settings().withHeapBytes(1 << 20));
        assertTrue(f.error("(length (make-list 1000000 0))").contains("Heap overflow"));
        // Each fits alone in 1 MB (131,072 words) but not what it builds from it.
        for (String e : List.of("(make-vector 1000000)", "(make-string 1000000)", "(iota 1000000)", "(make-u8vector 10000000)",
                "(let ((s (make-string 300000))) (string-append s s))", "(let ((l (make-list 30000 0))) (append l l l))",
                "(vector->list (make-vector 60000 0))", "(string->list (make-string 60000))",
                "(let ((v (make-vector 70000 0))) (vector-append v v))")) {
            assertTrue(f.error(e).contains("Heap overflow"), e);
        }
        assertEquals("40000", f.eval("(length (make-list 40000 0))"), "what fits still works");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBillionElementListFailsAtOnceAfterAGcWithoutBuildingIt() {
        VmFixture f = new VmFixture();
        // Building it would take minutes and gigabytes of Java memory: the outcome, within the
        // timeout, shows that nothing was built. The handler runs after the requested collection.
        assertEquals("(#t 1)", f.eval("""
                (let ((before (cdr (assq 'collections (gc-report)))))
                  (call/cc (lambda (k)
                    (with-exception-handler
                      (lambda (e) (k (list (heap-overflow-exception? e) (- (cdr (assq 'collections (gc-report))) before))))
                      (lambda () (make-list 1000000000 0))))))"""));
        assertTrue(f.error("(length (make-list 1000000000 0))").contains("Heap overflow"));
    }

    @Test
    void allocationTheAllocatorDoesNotSeeStillFillsTheHeap() {
        // Bignums, a string port's text and table entries: live data that ends in heap-overflow
        // at a collection instead of filling Java's memory.
        for (String loop : List.of(
                "(define (grow x n) (if (= n 0) x (grow (* x x) (- n 1)))) (grow 3 40)",
                "(let ((p (open-output-string))) (let loop () (write-string \"0123456789012345678901234567890123456789\" p) (loop)))",
                "(let ((t (make-table))) (let loop ((i 0)) (table-set! t i i) (loop (+ i 1))))",
                "(let ((t (make-hash-table))) (let loop ((i 0)) (hash-put! t i i) (loop (+ i 1))))")) {
            VmFixture f = new VmFixture();
            f.vm.configure(f.vm.settings().withHeapBytes(64 << 10));
            assertTrue(f.error(loop).contains("Heap overflow"), loop);
        }
    }

    /** A thread that loops on a long {@code length} beside the primordial thread counting to 5,000 on one processor. */
    private static final String FAIRNESS = """
            (define big (make-list 1000000 0))
            (define calls 0)
            (thread-start! (make-thread (lambda () (let loop () (length big) (set! calls (+ calls 1)) (loop)))))
            (let loop ((i 0)) (if (< i 5000) (loop (+ i 1))))
            (display calls)
            """;

    @Test
    void aLongPrimitiveCostsScheduledPointsInProportionToItsWork() {
        StringWriter out = new StringWriter();
        Machine vm = controlled(1, 7, out);
        Outcome o = vm.load(FAIRNESS, "t.ss");
        assertEquals(Outcome.Status.VALUE, o.status(), String.valueOf(o.errorText()));
        long calls = Long.parseLong(out.toString().trim());
        // Each call walks a million pairs, about 15,600 points: the heartbeat preempts the
        // thread after one call, not after a thousand, and the steps count the work.
        assertTrue(calls >= 1 && calls <= 10, "length calls while the primordial thread made 5,000 entries: " + calls);
        long steps = o.report().steps();
        assertTrue(steps >= calls * (1_000_000 / Interp.WORK_PER_POINT), "steps " + steps + " for " + calls + " calls");
    }

    @Test
    void aTenMillionElementLengthReachesTheGcBarrierRightAfterItEnds() {
        String program = """
                (define big (make-list 10000000 0))
                (define (collections) (cdr (assq 'collections (gc-report))))
                (define c0 (collections))
                (define started #f)
                (define requested #f)
                (define after-request 0)
                (thread-start! (make-thread (lambda ()
                  (let loop ()
                    (set! started #t)
                    (if (and requested (= (collections) c0)) (set! after-request (+ after-request 1)))
                    (length big)
                    (loop)))))
                (let wait () (if (not started) (begin (thread-yield!) (wait))))
                (set! requested #t)
                (gc)
                (display (list after-request (- (collections) c0)))
                """;
        for (long seed : new long[] {1, 2}) {
            StringWriter out = new StringWriter();
            Machine vm = controlled(2, seed, out);
            vm.configure(vm.settings().withHeapBytes(1L << 30));
            Outcome o = vm.load(program, "t.ss");
            assertEquals(Outcome.Status.VALUE, o.status(), String.valueOf(o.errorText()));
            // The thread starts no new length call between the request and the collection:
            // the one under way ends, and its next poll is the barrier.
            assertEquals("(0 1)", out.toString(), "seed " + seed);
        }
    }

    @Test
    void ctrlCEndsALongRunningBulkLoopInAnotherThread() throws Exception {
        VmFixture f = new VmFixture();
        f.vm.configure(f.vm.settings().withProcessors(1));
        Thread ctrlC = f.pressCtrlC(200, true); // again and again until the run ends
        try {
            // The loop allocates nothing, so no GC ends the thread's slice: only its work does.
            String err = f.error("""
                    (define big (make-list 1000000 0))
                    (define t (make-thread (lambda () (let loop () (length big) (loop)))))
                    (thread-start! t)
                    ; The press reaches the waiting primordial thread, or the looping thread
                    ; itself, whose end the join reports: either way, its reason is the interrupt.
                    (with-exception-handler
                      (lambda (e) (raise (if (uncaught-exception? e) (uncaught-exception-reason e) e)))
                      (lambda () (thread-join! t)))""");
            assertTrue(err.contains("User interrupt"), err);
        } finally {
            ctrlC.interrupt();
            ctrlC.join();
        }
    }

    private static final String THREADS = """
            (define big (iota 50000))
            (define (worker n)
              (let loop ((i 0) (acc 0))
                (if (< i 4)
                    (loop (+ i 1) (+ acc (length (append big big)) (if (equal? big (list-copy big)) n 0)
                                     (vector-length (list->vector big)) (string-length (make-string 100000))))
                    acc)))
            (display (map thread-join! (map (lambda (n) (thread-start! (make-thread (lambda () (worker n))))) '(1 2 3))))
            """;

    @Test
    void longPrimitivesKeepControlledModeDeterministicAndRewindable() throws Exception {
        for (long seed : new long[] {1, 5}) {
            String first = RewindTest.fresh(THREADS, "t.ss", seed);
            assertEquals(first, RewindTest.fresh(THREADS, "t.ss", seed), "seed " + seed);
            assertTrue(first.startsWith("VALUE 0\n(1000004 1000008 1000012)"), first);
            Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
            vm.configure(vm.settings().withProcessors(2));
            Machine.Prepared p = vm.prepare(THREADS, "t.ss");
            Checkpoint snap = safepoint.vm.search.Checkpoint.of(vm, p);
            RewindTest.rewound(vm, snap, p, THREADS, seed + 1);
            assertEquals(first, RewindTest.rewound(vm, snap, p, THREADS, seed), "rewound, seed " + seed);
        }
    }

    private static Machine controlled(int processors, long seed, StringWriter out) {
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), seed);
        vm.configure(vm.settings().withProcessors(processors));
        vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(10_000_000));
        vm.deadline = System.nanoTime() + 100_000_000_000L;
        return vm;
    }
}
