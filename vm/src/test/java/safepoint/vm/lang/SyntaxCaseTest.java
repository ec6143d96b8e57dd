package safepoint.vm.lang;

import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** defsyntax with syntax-case, the common cases (cons.io reference/gerbil/prelude/macros.md). */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SyntaxCaseTest {
    /** JUnit makes an instance per test, so each test has a fresh machine. */
    private final VmFixture f = new VmFixture();

    @Test
    void templatesAreHygienic() {
        f.run("""
                (defsyntax (my-swap! stx)
                  (syntax-case stx ()
                    ((_ a b) #'(let ((tmp a)) (set! a b) (set! b tmp)))))
                (def x 1) (def tmp 3)
                (my-swap! x tmp)""");
        assertEquals("(3 1)", f.eval("(list x tmp)"));
    }

    @Test
    void ellipsesFendersAndWithSyntax() {
        f.run("""
                (defsyntax (my-let stx)
                  (syntax-case stx ()
                    ((_ ((v e) ...) body ...) #'((lambda (v ...) body ...) e ...))))
                (defsyntax (kind stx)
                  (syntax-case stx ()
                    ((_ x) (identifier? #'x) #''identifier)
                    ((_ x) #''other)))
                (defsyntax (count-args stx)
                  (syntax-case stx ()
                    ((_ args ...) (with-syntax ((n (length (syntax->datum #'(args ...))))) #'n))))""");
        assertEquals("3", f.eval("(my-let ((a 1) (b 2)) (+ a b))"));
        assertEquals("(identifier other)", f.eval("(list (kind foo) (kind 5))"));
        assertEquals("3", f.eval("(count-args a b c)"));
    }

    @Test
    void defineSyntaxWithAProcedureAndLiterals() {
        f.run("""
                (define-syntax arrow
                  (lambda (stx)
                    (syntax-case stx (=>)
                      ((_ a => b) #'(list a b))
                      ((_ a b c) #''no-arrow))))""");
        assertEquals("(1 2)", f.eval("(arrow 1 => 2)"));
        assertEquals("no-arrow", f.eval("(arrow 1 2 3)"));
    }

    @Test
    void defrulesWithFenders() {
        f.run("(defrules kind () ((_ x) (identifier? #'x) 'id) ((_ x) 'other))");
        assertEquals("(id other)", f.eval("(list (kind a) (kind 1))"));
    }

    @Test
    void noMatchingClauseIsASyntaxErrorAtTheUse() {
        f.run("(defsyntax (one stx) (syntax-case stx () ((_ a) #'a)))");
        String err = f.error("(one 1 2)");
        assertTrue(err.contains("@1.1 -- Bad syntax (one 1 2)"), err);
    }
}
