package safepoint.vm.interp;

import safepoint.vm.VmFixture;
import safepoint.vm.lang.Compiler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop runs a thread to its next scheduling point and returns; a later run continues exactly.
 * With a slice of one, every procedure entry returns to the driver, including entries of
 * procedures called by map, for-each, apply, vector-map, dynamic-wind and call-with-values:
 * that is only possible because those primitives push frames instead of calling the interpreter.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResumableSliceTest {

    private static Object[] runInSlices(VmFixture f, String expr, int slice) {
        Object form = f.vm.readAll(expr, "t.ss").get(0);
        Interp m = new Interp(f.vm);
        m.start(new Compiler(f.vm, "t.ss").compileTop(form), null);
        long returns = 0;
        while (m.run(slice) != SliceEnd.HALTED) returns++;
        assertEquals(null, m.uncaught, "the program raised an error");
        return new Object[] {f.vm.showResult(m.val), returns, m.entries};
    }

    private static final String PROGRAM = """
            (define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
            (define (sq x) (* x x))
            """;

    @Test
    void sliceOfOneReturnsAtEveryEntryAndResumesExactly() {
        String[] exprs = {
            "(fib 15)",
            "(map sq '(1 2 3 4 5))",
            "(let ((acc 0)) (for-each (lambda (x) (set! acc (+ acc (sq x)))) '(1 2 3)) acc)",
            "(apply + (map fib '(5 6 7)))",
            "(vector-map (lambda (x) (fib x)) #(1 2 3 10))",
            "(call-with-values (lambda () (values (fib 5) (fib 6))) (lambda (a b) (list a b)))",
            "(dynamic-wind (lambda () (sq 1)) (lambda () (fib 8)) (lambda () (sq 2)))",
            "(call/cc (lambda (k) (map (lambda (x) (if (= x 3) (k (fib x)) x)) '(1 2 3 4))))",
        };
        for (String e : exprs) {
            VmFixture whole = new VmFixture();
            whole.run(PROGRAM);
            Object[] big = runInSlices(whole, e, 1_000_000);
            VmFixture sliced = new VmFixture();
            sliced.run(PROGRAM);
            Object[] small = runInSlices(sliced, e, 1);
            assertEquals(big[0], small[0], e);
            long returns = (Long) small[1];
            long entries = (Long) small[2];
            assertTrue(entries > 0, e);
            // Each run() of one scheduling point returned: one return per entry (the last run halts).
            assertTrue(returns >= entries - 1 && returns <= entries, e + ": returns " + returns + " entries " + entries);
        }
    }
}
