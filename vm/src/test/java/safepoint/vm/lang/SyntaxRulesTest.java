package safepoint.vm.lang;

import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** syntax-rules: matching, nested ellipses, literals, and hygiene in both directions (R7RS 4.3). */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SyntaxRulesTest {
    /** JUnit makes an instance per test, so each test has a fresh machine. */
    private final VmFixture f = new VmFixture();

    @Test
    void macroTemporariesDoNotCaptureUserVariables() {
        f.run("(define-syntax my-or (syntax-rules () ((_) #f) ((_ e) e) ((_ e r ...) (let ((tmp e)) (if tmp tmp (my-or r ...))))))");
        assertEquals("5", f.eval("(let ((tmp 5)) (my-or #f tmp))"));
        f.run("(define-syntax swap! (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))");
        assertEquals("(2 1)", f.eval("(let ((tmp 1) (other 2)) (swap! tmp other) (list tmp other))"));
    }

    @Test
    void userRebindingOfKeywordsDoesNotAffectTheMacro() {
        f.run("(define-syntax my-if (syntax-rules () ((_ c a b) (cond (c a) (else b)))))");
        assertEquals("yes", f.eval("(let ((if list) (cond 0) (else #f)) (my-if #t 'yes 'no))"));
        f.run("(define-syntax first-of (syntax-rules () ((_ l) (car l))))");
        assertEquals("1", f.eval("(let ((car cdr)) (first-of '(1 2)))"));
    }

    @Test
    void freeIdentifiersMeanTheirDefinitionSiteBinding() {
        assertEquals("outer", f.eval("""
                (let ((x 'outer))
                  (let-syntax ((m (syntax-rules () ((_) x))))
                    (let ((x 'inner))
                      (m))))"""));
    }

    @Test
    void nestedEllipsesAndTails() {
        f.run("(define-syntax my-let* (syntax-rules () ((_ () body ...) (let () body ...)) ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))");
        assertEquals("3", f.eval("(my-let* ((a 1) (b (+ a 1))) (+ a b))"));
        f.run("(define-syntax flat (syntax-rules () ((_ (a b ...) ...) '(a ... b ... ...))))");
        assertEquals("(1 4 2 3 5 6)", f.eval("(flat (1 2 3) (4 5 6))"));
        f.run("(define-syntax last-two (syntax-rules () ((_ x ... y z) '(y z))))");
        assertEquals("(3 4)", f.eval("(last-two 1 2 3 4)"));
        f.run("(define-syntax vec (syntax-rules () ((_ #(a ...)) (list a ...))))");
        assertEquals("(1 2)", f.eval("(vec #(1 2))"));
        f.run("(define-syntax dot (syntax-rules () ((_ a . b) 'b)))");
        assertEquals("(2 3)", f.eval("(dot 1 2 3)"));
    }

    @Test
    void literalsMatchByBinding() {
        f.run("(define-syntax arrow (syntax-rules (=>) ((_ a => b) (list a b)) ((_ a b c) 'no-arrow)))");
        assertEquals("(1 2)", f.eval("(arrow 1 => 2)"));
        assertEquals("no-arrow", f.eval("(let ((=> 0)) (arrow 1 => 2))"));
    }

    @Test
    void customEllipsisAndEscapedEllipsis() {
        f.run("(define-syntax my-list (syntax-rules dots () ((_ x dots) (list x dots))))");
        assertEquals("(1 2 3)", f.eval("(my-list 1 2 3)"));
        f.run("(define-syntax def-lister (syntax-rules () ((_ name) (define-syntax name (syntax-rules () ((_ args (... ...)) (list args (... ...))))))))");
        f.run("(def-lister lister)");
        assertEquals("(a b)", f.eval("(lister 'a 'b)"));
    }

    @Test
    void macrosCanExpandToDefinitionsInBodies() {
        f.run("(define-syntax def2 (syntax-rules () ((_ a b v) (begin (define a v) (define b v)))))");
        assertEquals("14", f.eval("(let () (def2 x y 7) (+ x y))"));
        f.run("(def2 g1 g2 3)");
        assertEquals("6", f.eval("(+ g1 g2)"));
    }

    @Test
    void recursiveLetrecSyntax() {
        assertEquals("#t", f.eval("""
                (letrec-syntax ((ev? (syntax-rules () ((_) #t) ((_ x . r) (od? . r))))
                                (od? (syntax-rules () ((_) #f) ((_ x . r) (ev? . r)))))
                  (ev? 1 2 3 4))"""));
    }

    @Test
    void noMatchingRuleAndEndlessExpansionAreClearErrors() {
        f.run("(define-syntax two (syntax-rules () ((_ a b) (list a b))))");
        assertTrue(f.error("(two 1)").contains("Ill-formed special form"));
        f.run("(define-syntax forever (syntax-rules () ((_ x) (forever x))))");
        String err = f.error("(forever 1)");
        assertTrue(err.contains("Macro expansion does not terminate"), err);
    }
}
