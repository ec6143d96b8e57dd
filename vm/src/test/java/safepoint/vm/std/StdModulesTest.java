package safepoint.vm.std;

import safepoint.vm.Machine;
import safepoint.vm.SchemeCaseSuite;
import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built-in Gerbil standard modules under resources safepoint/vm/std. Each assertion is a
 * documented example from the cons.io reference page named on the test (the Markdown sources
 * are doc/reference/... in the Gerbil repository), checked for the value the page shows.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StdModulesTest extends SchemeCaseSuite {
    // Most cases: /cases/StdModulesTest.cases; here, those that check what a program prints or more than a value.

    // ---- :std/misc/list -- cons.io/reference/std/misc/list.html ------------------------------------

    @Test
    void listSnocAppend1ForEach() {
        VmFixture v = new VmFixture("(import :std/misc/list)");
        v.check("(snoc 4 [1 2 3])", "(1 2 3 4)",
                "(snoc '(a b c) '())", "((a b c))",
                "(append1 [1 2 3] 4)", "(1 2 3 4)",
                "(append1 [1 2 3] [4 5 6])", "(1 2 3 (4 5 6))");
        v.error("(snoc 1 2)");
        v.error("(append1 \"raise\" \"error\")");
        assertEquals("1\n2\n", v.run("(for-each! '(1 2 . 3) displayln)"));
    }

    // ---- :std/misc/list-builder -- cons.io/reference/std/misc/list-builder.html ---------------------

    @Test
    void listBuilder() {
        VmFixture v = new VmFixture("(import :std/misc/list :std/iter)");
        v.check("""
                (with-list-builder (put!)
                  (for (n (in-iota 15 1))
                    (let ((mod3 (zero? (modulo n 3))) (mod5 (zero? (modulo n 5))))
                      (put! (cond ((and mod3 mod5) "fizzbuzz") (mod3 "fizz") (mod5 "buzz") (else n))))))""",
                "(1 2 \"fizz\" 4 \"buzz\" \"fizz\" 7 8 \"fizz\" \"buzz\" 11 \"fizz\" 13 14 \"fizzbuzz\")");
        assertEquals("()(5)(5 6)", v.run("(def r (call-with-list-builder (lambda (put! peek) (for (x '(5 6 2)) (write (peek)) (put! x)))))"));
        v.check("r", "(5 6 2)", "(with-list-builder (c p) (c 1) (c (length (p))) (p))", "(1 1)");
    }

    // ---- :std/format -- cons.io/reference/std/format.html (SRFI 48 with the listed departures) -----

    @Test
    void printfFamily() {
        VmFixture v = new VmFixture("(import :std/format)");
        assertEquals("x = \"y\"\n1\n", v.run("(printf \"~a = ~s\\n\" 'x \"y\") (fprintf (current-output-port) \"~a~%\" 1)"));
        v.check("(call-with-output-string (lambda (p) (fprintf p \"<~a>\" 5)))", "\"<5>\"");
        StringWriter err = new StringWriter();
        Machine m = new Machine(new StringWriter(), err, new StringReader(""), 0);
        m.load("(import :std/format) (eprintf \"oops ~a\" 1)", "test.ss");
        m.flush();
        assertEquals("oops 1", err.toString());
    }

    // ---- :std/misc/repr -- cons.io/reference/std/misc/repr.html -----------------------------------

    @Test
    void representations() {
        VmFixture v = new VmFixture("(import :std/misc/repr)");
        v.check("(repr (vector 1 2 3))", "\"(vector 1 2 3)\"",
                "(repr [1 2 [3 4 [5 6 7] 8] 9])", "\"[1 2 [3 4 [5 6 7] 8] 9]\"",
                "(repr '((1 . x) (2 . y) (3 . z)))", "\"[[1 'x ...] [2 'y ...] [3 'z ...]]\"",
                "(repr '(1 . 2))", "\"[1 . 2]\"");
        assertEquals("[1 2 3](vector 11 22 33)\n", v.run("(pr (list 1 2 3)) (prn #(11 22 33))"));
        v.check("(call-with-output-string (lambda (p) (display-separated '(3 2 1) p prefix: \"(list\\n  \" suffix: \")\" separator: \"\\n  \")))",
                "\"(list\\n  3\\n  2\\n  1)\"",
                "(with-output-to-string (lambda () (display-separated '(1 \"a\") display-element: write)))", "\"1 \\\"a\\\"\"");
    }

    // ---- :std/assert -- cons.io/reference/std/assert.html -----------------------------------------

    @Test
    void assertions() {
        VmFixture v = new VmFixture("(import :std/assert)");
        v.check("(begin (assert! (= 1 1)) 'ok)", "ok");
        assertTrue(v.error("(assert! #f)").endsWith("Assertion failed: #f"));
        String e = v.error("(assert! (< 42 0) \"that's an impossibility\")");
        assertTrue(e.endsWith("Assertion failed that's an impossibility: (< 42 0)\n  42 => 42\n  0 => 0"), e);
        assertTrue(v.error("(def (f x) (assert! (pair? x) \"bad\" x)) (f 1)").endsWith("Assertion failed bad 1: (pair? x)\n  x => 1"));
        // Arguments are evaluated once.
        v.run("(def n 0) (assert! (= (begin (set! n (+ n 1)) n) 1))");
        v.check("n", "1");
        // A macro at the head is evaluated as it is.
        v.check("(begin (assert! (and 1 2)) 'ok)", "ok");
    }

    // ---- :std/iter -- cons.io/reference/std/iterators.html and guide/intro.html#iteration -----------

    @Test
    void forLoops() {
        VmFixture v = new VmFixture("(import :std/iter)");
        assertEquals("1\n2\n3\n", v.run("(for (x '(1 2 3)) (displayln x))"));
        assertEquals("1\n2\n3\n1 a\n2 b\n3 c\n", v.run("(for ((x '(1 2 3)) (y '#(a b c d))) (displayln x \" \" y))"));
        assertTrue(v.run("(for ([key . val] '((a . 1) (b . 2) (c . 3))) (displayln key \" \" val))").endsWith("a 1\nb 2\nc 3\n"));
        assertTrue(v.run("(for ([x . y] '((a . 0) (b . 1) (c . 2)) when (> y 0)) (displayln x))").endsWith("c 3\nb\nc\n"));
        assertTrue(v.run("(for ([x . y] '((a . 0) (b . 1) (c . 2)) unless (> y 0)) (displayln x))").endsWith("b\nc\na\n"));
        assertTrue(v.run("(for* ((x (in-range 2)) (y (in-range 2))) (displayln x y))").endsWith("a\n00\n01\n10\n11\n"));
        v.check("(for (x '(1)) x)", "");
    }

    @Test
    void iteratorConstructors() {
        VmFixture v = new VmFixture("(import :std/iter)");
        v.check("(for/collect (x (in-iota 5 1 2)) x)", "(1 3 5 7 9)",
                "(for/collect (x (in-iota 3)) x)", "(0 1 2)",
                "(for/collect (x (in-range 3)) x)", "(0 1 2)",
                "(for/collect (x (in-range 10 0 -3)) x)", "(10 7 4 1)",
                "(for/collect (x (in-range 0 1 1/4)) x)", "(0 1/4 1/2 3/4)",
                "(for/collect ((x (in-naturals 1 2)) (i (in-range 3))) x)", "(1 3 5)",
                "(for/collect (x (in-input-lines (open-input-string \"a\\nb\\n\"))) x)", "(\"a\" \"b\")",
                "(for/collect (x (in-input-chars (open-input-string \"ab\"))) x)", "(#\\a #\\b)",
                "(for/collect (x (in-input-port (open-input-string \"1 (2)\"))) x)", "(1 (2))",
                "(for/collect (x (open-input-string \"a b\")) x)", "(a b)");
        // The doc's iterator examples: iter-const with the protocol, a coroutine generator.
        v.run("(def (iter-const val) (make-iterator val iterator-e))");
        v.check("(for/collect ((x (iter-const 7)) (i (in-range 3))) x)", "(7 7 7)");
        v.run("(def (my-generator n) (lambda () (let lp ((k 0)) (when (< k n) (yield k) (lp (1+ k))))))");
        assertTrue(v.run("(for (x (my-generator 3)) (displayln x))").endsWith("0\n1\n2\n"));
        v.check("(for/collect (x (in-coroutine (lambda (a b) (yield a) (yield b)) 'p 'q)) x)", "(p q)",
                "(let ((it (iter '(1 2)))) (list (iter-next! it) (iter-next! it) (iter-end? (iter-next! it))))", "(1 2 #t)",
                "(let* ((closed #f) (it (make-iterator 0 (lambda (it) iter-end) (lambda (it) (set! closed #t))))) (for (x it) x) closed)", "#t");
        assertTrue(v.error("(for (x 5) x)").contains("Cannot iterate"));
    }

    // ---- :std/sugar -- cons.io/reference/std/sugar.html -------------------------------------------

    @Test
    void sugarForms() {
        VmFixture v = new VmFixture("(import :std/sugar :std/format :std/srfi/1)");
        assertTrue(v.run("(defrule (show var ...) (begin (printf \"  ~a = ~s\\n\" 'var var) ...))"
                + "(define-values (x y z) (values 1 [2 3] \"4 5\")) (show x y z)").endsWith("  x = 1\n  y = (2 3)\n  z = \"4 5\"\n"));
        v.run("(def (digit c) (and (char-numeric? c) (- (char->integer c) 48)))"
                + "(def (foo c) (awhen (v (digit c)) (* v v)))"
                + "(def (foo3 a b c) (if-let ((x (digit a)) (y (digit b)) (z (digit c))) (+ x y z) -1))");
        v.check("(foo #\\3)", "9",
                "(foo #\\a)", "",
                "(foo3 #\\1 #\\2 #\\3)", "6",
                "(foo3 #\\1 #\\A #\\3)", "-1",
                "(if-let (x (digit #\\7)) x 'no)", "7",
                "(let ((x 'outer)) (if-let ((x #f)) x x))", "outer",
                "(when-let ((p 5) (q (* p 2))) (+ p q))", "15",
                "(when-let ((p #f)) 1)", "",
                "(chain \"stressed\" string->list reverse list->string (string-append \"then have some \" <>))", "\"then have some desserts\"",
                "(chain 7 (n (if (> n 5) n 0)))", "7",
                "(chain 3 (n (if (> n 5) n 0)))", "0",
                "((chain <> ([_ . rest] (map number->string rest)) (apply string-append <>) (string-append <> \" :)\")) [0 1 2])", "\"12 :)\"",
                "((is \"a\") \"a\")", "#t",
                "(find (is cdr 5) '((a . 2) (b . 5) (c . 6)))", "(b . 5)",
                "((is car even?) '(2))", "#t",
                "((is 'a test: eq?) 'a)", "#t",
                "((is 5) 5.0)", "#t",
                "((is [1]) [1])", "#t",
                "(ignore-errors (car '()))", "#f",
                "(ignore-errors 1 2)", "2");
    }

}
