package safepoint.vm.lang;

import safepoint.vm.run.Outcome;
import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gerbil's forms as documented at cons.io (reference/gerbil/prelude/macros.md, reference/std/sugar.md,
 * guide/intro.md); each expected value follows the documented meaning.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GerbilFormsTest {
    /** JUnit makes an instance per test, so each test has a fresh machine. */
    private final VmFixture f = new VmFixture();

    @Test
    void defWithOptionalKeywordAndRestParameters() {
        f.run("(def (f a (b 10) k: (k 5) . r) (list a b k r))");
        assertEquals("((1 10 5 ()) (1 2 5 ()) (1 2 3 ()))", f.eval("(list (f 1) (f 1 2) (f 1 2 k: 3))"));
        f.run("(def ((adder n) m) (+ n m))");
        assertEquals("7", f.eval("((adder 3) 4)"));
        f.run("(def (ignore _ _ x) x)");
        assertEquals("3", f.eval("(ignore 1 2 3)"));
        f.run("(def* g ((x) (list 'one x)) ((x y) (list 'two x y)))");
        assertEquals("((one 1) (two 1 2))", f.eval("(list (g 1) (g 1 2))"));
        f.run("(defvalues (q r) (values 1 2))");
        assertEquals("(1 2)", f.eval("(list q r)"));
    }

    @Test
    void guideExamplesOfKeywordsLetValuesWithAndBeginSyntax() {
        // cons.io guide/intro.html "Primitive forms", "Destructuring Binds", "begin-syntax".
        f.run("(def (a-keyword-lambda-with-options a b: (b 1) (c 3) . rest) (+ a (* b c)))");
        assertEquals("9", f.eval("(a-keyword-lambda-with-options 1 b: 2 4)"));
        assertEquals("3", f.eval("(let ((values a b) (values 1 2)) (+ a b))"));
        f.run("(def (car+cdr obj) (with ([a . b] obj) (values a b)))");
        assertEquals("1\n(2 3)", f.eval("(car+cdr '(1 2 3))"));
        f.run("(begin-syntax (def (twice x) (* 2 x)))");
        assertEquals("8", f.eval("(twice 4)"));
        assertEquals("\"my error\\n\"", f.eval("(with-output-to-string (lambda () (try (error \"my error\") (catch (e) (display-exception e)))))"));
        f.run("(defclass Point (x y))");
        assertTrue(f.eval("(make-instance Point::t x: 1 y: 2)").matches("#<Point #\\d+>"));
    }

    @Test
    void systemClassesConstructorMethodsAndIteration() {
        // cons.io guide/intro.html "Method Resolution Order", "System Classes", "Constructor Methods", "Iteration Protocol".
        f.run("""
                (import :std/iter)
                (defclass Point (x y))
                (defclass Color (r g b))
                (defclass (Point3D Point) (z))
                (defclass (ColoredPoint3D Point3D Color) ())
                (defmethod {identify :t} (lambda (self) 't))
                (defmethod {identify :object} (lambda (self) 'object))
                (defmethod {identify :list} (lambda (self) 'list))
                (defmethod {identify :number} (lambda (self) 'number))
                (defmethod {identify :fixnum} (lambda (self) 'fixnum))
                (defstruct (P3 Point) (z) constructor: :init!)
                (defmethod {:init! P3} (lambda (self x y) (set! (@ self x) x) (set! (@ self y) y) (set! (@ self z) 0)))
                (defstruct A (x))
                (def (gen n) (lambda () (let loop ((i 0)) (when (< i n) (yield i) (loop (+ i 1))))))
                (defmethod {:iter A} (lambda (self) (in-coroutine (gen (A-x self)))))""");
        assertEquals("(ColoredPoint3D Point3D Point Color object t)",
                f.eval("(map (lambda (t) (string->symbol (##type-name t))) (class-precedence-list ColoredPoint3D::t))"));
        assertEquals("#t", f.eval("(eq? (class-of '(1 2 3)) pair::t)"));
        assertEquals("(object list fixnum number t)", f.eval("(list {identify (Point x: 1 y: 2)} {identify '(1 2 3)} {identify 1} {identify 1.} {identify \"s\"})"));
        assertEquals("(0 1 2)", f.eval("(let ((a (P3 1 2))) (list (P3-z a) (P3-x a) (Point-y a)))"));
        assertEquals("(0 1 2)", f.eval("(for/collect (x (make-A 3)) x)"));
    }

    @Test
    void defsyntaxForMatch() {
        // cons.io guide/intro.html "defsyntax-for-match".
        f.run("(defsyntax-for-match foo (syntax-rules () ((_ pat) (cons 'foo pat))) (syntax-rules () ((_ x) (cons 'foo x))))");
        assertEquals("((foo . 1) 1 not-a-foo)", f.eval("(list (foo 1) (match (foo 1) ((foo x) x)) (match 1 ((foo x) x) (else 'not-a-foo)))"));
    }

    @Test
    void topLevelModules() {
        // cons.io guide/intro.html "Top Modules".
        f.run("(module A (export f) (def (f x) (* x 10)) (def hidden 1)) (import A)");
        assertEquals("40", f.eval("(f 4)"));
        assertTrue(f.error("hidden").contains("Unbound variable: hidden"));
    }

    @Test
    void letForms() {
        assertEquals("2", f.eval("(let (x 1) (+ x 1))"));
        assertEquals("6", f.eval("(let (((values a b) (values 1 2)) (c 3)) (+ a b c))"));
        assertEquals("9", f.eval("(let/cc k (+ 1 (k 9)))"));
        assertEquals("1", f.eval("(begin0 1 2 3)"));
        assertEquals("(1 2 3)", f.eval("((cut list 1 <> 3) 2)"));
        assertEquals("(1 2 3 4)", f.eval("((cut list <> <...>) 1 2 3 4)"));
        assertEquals("120", f.eval("((rec (fact n) (if (= n 0) 1 (* n (fact (- n 1))))) 5)"));
        assertEquals("#f", f.eval("(and-let* ((x 5) ((> x 10))) x)"));
        assertEquals("(1 2 3 4)", f.eval("(let ((l '(3 4))) [1 2 l ...])"));
        assertEquals("3", f.eval("(let ((i 0)) (while (< i 3) (set! i (1+ i))) i)"));
        assertEquals("0", f.eval("(let ((i 3)) (until (= i 0) (set! i (1- i))) i)"));
    }

    @Test
    void structsAndClasses() {
        f.run("""
                (defstruct point (x y))
                (def p (make-point 1 2))
                (set! (point-x p) 10)
                (defclass A (a))
                (defclass (B A) (b))
                (defclass (C A) (c))
                (defclass (D B C) (d))
                (defmethod {describe A} (lambda (self) (list 'A (@ self a))))
                (defmethod {describe B} (lambda (self) (list 'B (@ self b))))
                (def d (D a: 1 b: 2 c: 3 d: 4))""");
        assertEquals("(10 2 #t #f)", f.eval("(list (point-x p) (point-y p) (point? p) (point? 5))"));
        assertEquals("(3 4)", f.eval("(let ((q (point 3 4))) (list (point-x q) (point-y q)))"));
        assertEquals("#<point #2>", f.eval("p"));
        assertEquals("(D B C A object t)", f.eval("(map (lambda (t) (string->symbol (##type-name t))) (class-precedence-list D::t))"));
        assertEquals("((B 2) (A 7))", f.eval("(list {describe d} {describe (A a: 7)})"));
        f.run("(set! (@ d a) 100)");
        assertEquals("100", f.eval("(@ d a)"));
    }

    @Test
    void matchPatternKinds() {
        f.run("""
                (defstruct point (x y))
                (def (classify x)
                  (match x
                    (0 'zero)
                    ((? string?) 'string)
                    (`(q ,z) (list 'quasi z))
                    ([a b] (list 'two a b))
                    ([a . rest] (list 'pair a rest))
                    (#(a b) (list 'vec a b))
                    ((point px py) (list 'point px py))
                    ((and (? number?) (not 1)) 'number)
                    ((or 'x 'y) 'x-or-y)
                    (#&b (list 'box b))
                    (else 'other)))""");
        assertEquals("(zero string (two 1 2) (pair 1 (2 3)) (vec 3 4) (point 5 6) number other x-or-y (box 8) (quasi 9))",
                f.eval("(map classify (list 0 \"s\" '(1 2) '(1 2 3) (vector 3 4) (make-point 5 6) 7 1 'y (box 8) '(q 9)))"));
        assertEquals("3", f.eval("(match* (1 2) ((a b) (+ a b)))"));
        assertEquals("2", f.eval("(with (([a b] '(1 2))) (* a b))"));
        assertEquals("(1 3)", f.eval("(map (match <> ((cons a _) a)) '((1 . 2) (3 . 4)))"));
        assertTrue(f.error("(match 5 (\"x\" 1))").contains("No clause matching 5"));
    }

    @Test
    void tryCatchFinally() {
        assertEquals("type", f.eval("(try (car 1) (catch (type-exception? e) 'type) (catch (e) 'other))"));
        assertEquals("\"x\"", f.eval("(try (error \"x\" 1) (catch (type-exception? e) 'type) (catch (e) (error-message e)))"));
        assertEquals("(5 (fin))", f.eval("(let* ((log '()) (v (try 5 (finally (set! log (cons 'fin log)))))) (list v log))"));
        assertEquals("(fin)", f.eval("""
                (let ((log '()))
                  (with-catch (lambda (e) log)
                    (lambda () (try (raise 'z) (catch (string? s) s) (finally (set! log (cons 'fin log)))))))"""));
        assertEquals("caught", f.eval("(with-catch (lambda (e) 'caught) (lambda () (raise 'boom)))"));
    }

    @TempDir
    Path dir;

    @Test
    void modulesExportImportAndFilter() throws Exception {
        Files.writeString(dir.resolve("util.ss"), """
                (export double (rename-out (secret helper)) twice)
                (def (secret x) (* x 100))
                (def (double x) (* 2 x))
                (defrules twice () ((_ e) (begin e e)))""");
        Path main = dir.resolve("main.ss");
        Files.writeString(main, """
                (import ./util (prefix-in ./util u:) (only-in ./util double))
                (def n 0)
                (twice (set! n (+ n 1)))
                (display (list (double 21) (helper 2) (u:double 5) n))""");
        Outcome o = f.vm.load(Files.readString(main), main.toString());
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        assertEquals("(42 200 10 2)", f.out.toString());
        assertTrue(f.error("secret").contains("Unbound variable: secret"));
        assertTrue(f.error("(import :std/no-such-module)").contains("Cannot find module :std/no-such-module"));
    }
}
