package safepoint.vm.gc;

import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated heap: collections when it fills, a moving collector, gc-report, heap overflow. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HeapTest {

    private static final String PROGRAM = """
            (define keep (let loop ((i 0) (acc '())) (if (= i 1000) acc (loop (+ i 1) (cons i acc)))))
            (define p (cons 1 2))
            (define a0 (##object-address p))
            (define (churn n) (if (> n 0) (begin (make-vector 100 0) (churn (- n 1)))))
            """;

    @Test
    void garbageIsCollectedLiveDataSurvivesAndMoves() {
        for (int processors : new int[] {1, 4}) {
            VmFixture f = new VmFixture();
            f.vm.configure(f.vm.settings().withProcessors(processors));
            f.vm.configure(f.vm.settings().withHeapBytes(8 << 20));
            f.run(PROGRAM);
            f.run("(churn 100000) (gc)");
            String r = f.eval("""
                    (let ((r (gc-report)))
                      (list (> (cdr (assq 'collections r)) 1)
                            (< (cdr (assq 'live-words r)) 200000)
                            (= (apply + keep) 499500)
                            (not (= a0 (##object-address p)))
                            (= (length (cdr (assq 'time-to-safepoint-ms r))) %d)))""".formatted(processors));
            assertEquals("(#t #t #t #t #t)", r, "processors: " + processors);
        }
    }

    @Test
    void liveDataBeyondTheHeapIsAHeapOverflow() {
        VmFixture f = new VmFixture();
        f.vm.configure(f.vm.settings().withHeapBytes(64 << 10));
        String err = f.error("(define (build n acc) (if (= n 0) acc (build (- n 1) (cons n acc)))) (length (build 100000 '()))");
        assertTrue(err.contains("Heap overflow"), err);
        // The VM is still usable afterwards, with a bigger heap.
        f.vm.configure(f.vm.settings().withHeapBytes(64 << 20));
        assertEquals("3", f.eval("(+ 1 2)"));
    }

    @Test
    void weakKeysThatNothingElseReachesAreClearedByTheCollector() {
        VmFixture f = new VmFixture();
        assertEquals("(1 kept 1 2)", f.eval("""
                (let ((weak (make-table weak-keys: #t)) (strong (make-table)) (k1 (list 'kept)))
                  (table-set! weak k1 'kept)
                  (table-set! weak (list 'garbage) 'gone)
                  (table-set! strong (list 'a) 1)
                  (table-set! strong (list 'b) 2)
                  (gc)
                  (list (table-length weak) (table-ref weak k1 #f) (cdr (assq 'weak-entries-cleared (gc-report))) (table-length strong)))"""));
    }

    @Test
    void objectsGetConsecutiveAddressesInTheirProcessorsAllocationArea() {
        VmFixture f = new VmFixture();
        f.vm.configure(f.vm.settings().withProcessors(2));
        assertEquals("(#t 24)", f.eval("(let* ((a (cons 1 2)) (b (cons 3 4))) (list (> (##object-address a) 0) (- (##object-address b) (##object-address a))))"));
    }
}
