package safepoint.vm.interp;

import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The properties DESIGN.md's interpreter technique promises, each shown by a program. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterpreterPropertiesTest {
    /** JUnit makes an instance per test, so each test has a fresh machine. */
    private final VmFixture f = new VmFixture();

    @Test
    void tailLoopOfTenMillionRunsInConstantContinuation() {
        // The continuation's depth inside the loop is the same at the first and the last iteration.
        String r = f.eval("""
                (let loop ((i 0) (d0 #f))
                  (let ((d (##continuation-depth)))
                    (if (< i 10000000)
                        (loop (+ i 1) (or d0 d))
                        (list i (= d d0)))))""");
        assertEquals("(10000000 #t)", r);
    }

    @Test
    void mutualTailCallsAndApplyAreProper() {
        String r = f.eval("""
                (begin
                  (define (ev? n) (if (= n 0) #t (od? (- n 1))))
                  (define (od? n) (if (= n 0) #f (apply ev? (list (- n 1)))))
                  (ev? 1000001))""");
        assertEquals("#f", r);
    }

    @Test
    void nonTailRecursionAMillionDeep() {
        f.run("(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))");
        assertEquals("1000000", f.eval("(count 1000000)"));
        f.run("(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))");
        assertEquals("1000000", f.eval("(length (build 1000000))"));
        assertEquals("1000000", f.eval("(length (map (lambda (x) (+ x 1)) (build 1000000)))"));
    }

    @Test
    void reentrantContinuationsMakeGenerators() {
        f.run("""
                (define (make-gen lst)
                  (define return #f)
                  (define resume #f)
                  (define (start)
                    (for-each (lambda (x) (call/cc (lambda (next) (set! resume next) (return x)))) lst)
                    (return 'done))
                  (lambda ()
                    (call/cc (lambda (r) (set! return r) (if resume (resume #f) (start))))))
                (define g (make-gen '(1 2 3)))""");
        assertEquals("(1 2 3 done done)", f.eval("(let* ((a (g)) (b (g)) (c (g)) (d (g)) (e (g))) (list a b c d e))"));
    }

    @Test
    void reenteringAContinuationRerunsArgumentEvaluationFromThatPoint() {
        // One program: the continuation of a top-level form includes loading the forms after it.
        f.run("""
                (define k #f) (define n 0) (define result '())
                (set! result (cons (list 1 (call/cc (lambda (c) (set! k c) 0)) 3) result))
                (if (< n 3) (begin (set! n (+ n 1)) (k n)))""");
        assertEquals("((1 3 3) (1 2 3) (1 1 3) (1 0 3))", f.eval("result"));
    }

    @Test
    void dynamicWindRerunsBeforeOnReentryAndAfterOnExit() {
        f.run("""
                (define trail '())
                (define (note x) (set! trail (cons x trail)))
                (define k #f)
                (define count 0)
                (dynamic-wind
                  (lambda () (note 'before))
                  (lambda () (call/cc (lambda (c) (set! k c))) (note 'during))
                  (lambda () (note 'after)))
                (if (< count 2) (begin (set! count (+ count 1)) (k 'again)))""");
        assertEquals("(before during after before during after before during after)", f.eval("(reverse trail)"));
    }

    @Test
    void escapingThroughDynamicWindRunsAfterThunks() {
        assertEquals("(42 (in out))", f.eval("""
                (let ((log '()))
                  (let ((v (call/cc (lambda (k)
                             (dynamic-wind (lambda () (set! log (cons 'in log)))
                                           (lambda () (k 42))
                                           (lambda () (set! log (cons 'out log))))))))
                    (list v (reverse log))))"""));
    }

    @Test
    void multipleValues() {
        assertEquals("(1 2 3)", f.eval("(call-with-values (lambda () (values 1 2 3)) list)"));
        assertEquals("5", f.eval("(call-with-values (lambda () (values)) (lambda () 5))"));
        assertEquals("(1 (2 3))", f.eval("(receive (a . rest) (values 1 2 3) (list a rest))"));
        assertEquals("(1 2 3 4)", f.eval("(let-values (((a b) (values 1 2)) ((c d) (values 3 4))) (list a b c d))"));
        assertEquals("(1 2)", f.eval("(let*-values (((a) (values 1)) ((b) (values (+ a 1)))) (list a b))"));
        assertEquals("1\n2", f.eval("(values 1 2)"));
    }

    @Test
    void handlersRunInTheDynamicContextOfTheRaise() {
        // The handler runs with the outer handler installed: raising inside it reaches the outer one.
        assertEquals("(outer inner)", f.eval("""
                (call/cc (lambda (k)
                  (with-exception-handler
                    (lambda (e) (k (list 'outer e)))
                    (lambda ()
                      (with-exception-handler
                        (lambda (e) (raise 'inner))
                        (lambda () (raise 'boom)))))))"""));
        // raise-continuable: the handler's value returns to the raise point.
        assertEquals("43", f.eval("(with-exception-handler (lambda (e) 42) (lambda () (+ 1 (raise-continuable 'oops))))"));
        // A parameterize inside the thunk is visible to the handler (it runs in the raise's context).
        f.run("(define p (make-parameter 'outside))");
        assertEquals("inside", f.eval("""
                (call/cc (lambda (k)
                  (with-exception-handler (lambda (e) (k (p)))
                    (lambda () (parameterize ((p 'inside)) (raise 'x))))))"""));
    }

    @Test
    void guardCatchesErrorsAndReraisesUnhandled() {
        assertEquals("(caught \"bad\" (1 2))", f.eval("""
                (guard (e ((error-object? e) (list 'caught (error-object-message e) (error-object-irritants e))))
                  (error "bad" 1 2))"""));
        assertEquals("sym", f.eval("(guard (e ((symbol? e) e)) (raise 'sym))"));
        assertEquals("(outer 5)", f.eval("(guard (e (#t (list 'outer e))) (guard (e ((string? e) 'inner)) (raise 5)))"));
        assertEquals("42", f.eval("(guard (e ((assq 'a e) => cdr) ((assq 'b e))) (raise (list (cons 'a 42))))"));
        assertEquals("type", f.eval("(guard (e ((error-object? e) 'error) ((type-exception? e) 'type)) (car 5))"));
    }

    @Test
    void uncaughtNonContinuableRaiseReportsTheObject() {
        String err = f.error("(raise 'foo)");
        assertTrue(err.contains("This object was raised: foo"), err);
        // A handler that returns from a non-continuable raise is itself an error.
        String err2 = f.error("(with-exception-handler (lambda (e) 1) (lambda () (raise 'bar)))");
        assertTrue(err2.contains("bar"), err2);
    }

    @Test
    void pollsArePlacedAtEntriesUnlessCompiledOut() {
        f.run("""
                (define (polled) 1)
                (declare (not interrupts-enabled))
                (define (unpolled) 1)
                (define (unpolled-loop n) (if (> n 0) (unpolled-loop (- n 1)) 'done))
                (declare (interrupts-enabled))
                (define (polled-loop n) (if (> n 0) (polled-loop (- n 1)) 'done))
                (define (measure thunk)
                  (let* ((p0 (##polls)) (e0 (##entries)))
                    (thunk)
                    (list (- (##polls) p0) (- (##entries) e0))))""");
        // measure's thunk entry counts as one entry and one poll: subtract it.
        assertEquals("(4 4)", f.eval("(measure (lambda () (polled) (polled) (polled)))"));
        assertEquals("(1 4)", f.eval("(measure (lambda () (unpolled) (unpolled) (unpolled)))"));
        // Every back-edge (tail call) of a loop is a scheduling point; a poll only where enabled.
        assertEquals("(1 12)", f.eval("(measure (lambda () (unpolled-loop 10)))"));
        assertEquals("(12 12)", f.eval("(measure (lambda () (polled-loop 10)))"));
    }

    @Test
    void declarationsInsideABodyCoverOnlyTheRestOfThatBody() {
        f.run("""
                (define (outer)
                  (declare (not interrupts-enabled))
                  (define (inner) 1)
                  inner)
                (define (after) 1)
                (define (measure thunk)
                  (let* ((p0 (##polls)) (e0 (##entries)))
                    (thunk)
                    (list (- (##polls) p0) (- (##entries) e0))))""");
        f.run("(define inner (outer))");
        assertEquals("(1 2)", f.eval("(measure (lambda () (inner)))"));
        assertEquals("(2 2)", f.eval("(measure (lambda () (after)))"));
    }
}
