package safepoint.vm.std;

import safepoint.vm.Machine;
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
class StdModulesTest {

    @Test
    void unknownModuleIsReported() {
        VmFixture v = new VmFixture("");
        assertTrue(v.error("(import :std/nonexistent)").contains("Cannot find module :std/nonexistent"));
    }

    @Test
    void moduleProceduresMayCallOnesDefinedLaterInTheModule() {
        // find (defined before find-tail in std/srfi/1) calls find-tail.
        VmFixture v = new VmFixture("(import :std/srfi/1)");
        v.check("(find even? '(3 1 4 1 5 9))", "4");
    }

    // ---- :std/misc/list -- cons.io/reference/std/misc/list.html ------------------------------------

    @Test
    void listLengthComparisons() {
        VmFixture v = new VmFixture("(import :std/misc/list :std/srfi/1) (def small (iota 10)) (def large (iota 100))");
        v.check("(length=? small large)", "#f",
                "(length<? large (circular-list 1 2 3))", "#t",
                "(length>=? (circular-list 0 1) [])", "#t",
                "(length<=? small large)", "#t",
                "(length>? large small)", "#t",
                "(length=n? [#\\a #\\b #\\c] 3)", "#t",
                "(length>=n? (circular-list 0 1) 5)", "#t",
                "(length<n? (circular-list 1 2 3) 10000)", "#f",
                "(length<=n? [1 2] 2)", "#t",
                "(length>n? [1 2] 2)", "#f");
        assertTrue(v.error("(length=n? [1] 'x)").contains("not a real number"));
    }

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

    @Test
    void listPushPop() {
        VmFixture v = new VmFixture("(import :std/misc/list) (def lst []) (push! 10 lst) (push! 20 lst) (push! 30 lst)");
        v.check("lst", "(30 20 10)");
        v.run("(def pair [#\\b . #\\a]) (push! #\\c pair)");
        v.check("pair", "(#\\c #\\b . #\\a)");
        v.run("(def l2 [])");
        v.check("(pop! l2)", "#f");
        v.run("(push! 10 l2) (push! 20 l2)");
        v.check("(pop! l2)", "20", "(pop! l2)", "10", "(pop! l2)", "#f");
    }

    @Test
    void listFlattenUniqueDuplicates() {
        VmFixture v = new VmFixture("(import :std/misc/list)");
        v.check("(flatten [1 [2 3] [[4 5]]])", "(1 2 3 4 5)",
                "(flatten [1 [] [2 [3 [] 4] 5]])", "(1 2 3 4 5)",
                "(flatten '((a 1 . b) (2 c . 3) d . 4))", "(a 1 b 2 c 3 d 4)",
                "(flatten1 [1 [2 3] [[4 5]]])", "(1 2 3 (4 5))",
                "(flatten1 [1 [] [2 [3 [] 4] 5]])", "(1 2 (3 () 4) 5)",
                "(unique [1 2 3 2])", "(1 2 3)",
                "(let (lst [1 2]) (unique [lst lst] eq?))", "((1 2))",
                "(unique! [1 1 2])", "(1 2)",
                "(delete-duplicates/hash '(a b c d a e f c))", "(b d a e f c)",
                "(delete-duplicates/hash '(a b c d a e f c) from-end?: #t)", "(a b c d e f)",
                "(delete-duplicates/hash '(a b c d a e f c) table: (list->table '((a . #f))))", "(b d e f c)",
                "(delete-duplicates/hash '((a 1) (b 2) (c 3) (a 4) (d 5) (c 6)) from-end?: #t key: car)", "((a 1) (b 2) (c 3) (d 5))",
                "(duplicates ['a 1 'a])", "((a . 2))",
                "(duplicates [1 2 3])", "()",
                "(duplicates '((a . 10) (b . 10)) key: cdr)", "((10 . 2))");
        v.error("(flatten1 '((a . 1) (b . 2) (c . 3)))");
    }

    @Test
    void listRassocAndConditionalLists() {
        VmFixture v = new VmFixture("(import :std/misc/list)");
        v.check("(rassoc 2 '((a . 1) (b . 2) (c . 2) (d . 1)))", "(b . 2)",
                "(rassoc \"a\" '((1 . \"a\") (2 . \"b\")))", "#f",
                "(rassoc \"a\" '((1 . \"a\") (2 . \"b\")) string=?)", "(1 . \"a\")",
                "(rassoc '(5 6) '((a 1 2) (b 3 4) (c 5 6)) equal?)", "(c 5 6)",
                "(when/list #t [mykw: 42])", "(mykw: 42)",
                "(when/list #f [mykw: 42])", "()",
                "(when/list #f (error \"foo\"))", "()",
                "(let (nums [1 2 3]) (when-list-or-empty nums (cdr nums)))", "(2 3)",
                "(when-list-or-empty [] (cons \"never\" \"expanded\"))", "()",
                "(listify 42)", "()",
                "(listify [])", "()",
                "(listify [\"proper\" \"list\"])", "(\"proper\" \"list\")",
                "(listify [\"improper\" . \"list\"])", "(\"improper\" . \"list\")",
                "(keyword-when mykw: #t 42)", "(mykw: 42)",
                "(keyword-when mykw: #f 42)", "()",
                "(keyword-when mykw: \"true\")", "(mykw: \"true\")",
                "(keyword-when mykw: #f)", "()",
                "(keyword-when mykw: #f (error \"foo\"))", "()",
                "(keyword-when \"not a keyword\" #t 42)", "(\"not a keyword\" 42)");
    }

    @Test
    void listSlicingAndSplitting() {
        VmFixture v = new VmFixture("(import :std/misc/list)");
        v.check("(slice [1 2 3 4] 2)", "(3 4)",
                "(slice [1 2 3 4] 2 1)", "(3)",
                "(slice-right [1 2 3 4] 2)", "(1 2)",
                "(slice-right [1 2 3 4] 2 1)", "(2)",
                "(let (lst [1 2 3 4 5]) (slice! lst 2 2))", "(3 4)",
                "(let (lst [1 2 3 4 5]) (slice-right! lst 2 2))", "(2 3)",
                "(butlast [1 2 3])", "(1 2)",
                "(butlast [])", "()",
                "(split '(1 2 \"hi\" 3 4) string?)", "((1 2) (3 4))",
                "(split [1 2 0 3 4 0 5 6] 0 1)", "((1 2) (3 4 0 5 6))",
                "(split [] number?)", "()",
                "(take-until number? ['a \"hi\" 1 'c])", "(a \"hi\")",
                "(take-until! number? ['a \"hi\" 1 'c])", "(a \"hi\")",
                "(drop-until number? ['a [] \"hi\" 1 'c])", "(1 c)");
    }

    @Test
    void listGrouping() {
        VmFixture v = new VmFixture("(import :std/misc/list :std/sort)");
        v.check("(group-consecutive [1 2 2 3 1 1])", "((1) (2 2) (3) (1 1))",
                "(group-consecutive (sort [1 2 2 3 1 1] <) eqv?)", "((1 1 1) (2 2) (3))",
                "(group-consecutive [1 2 3 2 2 3 4 0 3 5] <)", "((1 2 3) (2) (2 3 4) (0 3 5))",
                "(group-n-consecutive 2 [1 2 2 3 1 1])", "((1 2) (2 3) (1 1))",
                "(group-n-consecutive 1 [1 2 3 4 5 6])", "((1) (2) (3) (4) (5) (6))",
                "(group-n-consecutive 2 [1 2 3 4 5 6])", "((1 2) (3 4) (5 6))",
                "(group-n-consecutive 2 [1 2 3 4 5 6 7])", "((1 2) (3 4) (5 6) (7))",
                "(group-n-consecutive 3 [1 2 3 4 5 6 . 7])", "((1 2 3) (4 5 6 . 7))",
                "(group-same [1 2 2 3 1])", "((1 1) (2 2) (3))",
                "(group-same '(\"abc\" \"b\" \"c\" \"ef\" \"gh\" \"ijk\") key: string-length)", "((\"abc\" \"ijk\") (\"b\" \"c\") (\"ef\" \"gh\"))",
                "(map/car (cut * 10 <>) (cons 3 4))", "(30 . 4)",
                "(every-consecutive? <= [1 2 2 3 10 100])", "#t",
                "(every-consecutive? < [5 1 8 9])", "#f");
    }

    @Test
    void listKeywordsAndSingletons() {
        VmFixture v = new VmFixture("(import :std/misc/list)");
        v.check("(separate-keyword-arguments '(x a: 1 y b: 2 c: 3 z))", "(x y z)\n(a: 1 b: 2 c: 3)",
                "(separate-keyword-arguments '(x a: 1 y #!key b: 2 c: 3 z #!rest t d: 4) #t)", "(x y b: 2 z t d: 4)\n(a: 1 c: 3)",
                "(separate-keyword-arguments '(x a: 1 y #!key b: 2 c: 3 z #!rest t d: 4) #f)", "(x y #!key b: 2 z #!rest t d: 4)\n(a: 1 c: 3)",
                "(first-and-only '(42))", "42",
                "(plist->alist '(a 1 b 2))", "((a . 1) (b . 2))",
                "(alist->plist '((a . 1) (b . 2)))", "(a 1 b 2)");
        assertTrue(v.error("(first-and-only '())").contains("Assertion failed (and (pair? x) (null? (cdr x)))"));
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

    // ---- :std/misc/string -- cons.io/reference/std/misc/string.html ---------------------------------

    @Test
    void stringUtilities() {
        VmFixture v = new VmFixture("(import :std/misc/string)");
        v.check("(string-trim-prefix \"date:\" \"date:2019-05-01\")", "\"2019-05-01\"",
                "(string-trim-prefix \"$\" \"100\")", "\"100\"",
                "(map (cut string-trim-prefix \":std/misc/\" <>) [\":std/misc/string\" \":std/misc/ports\" \":std/misc/list\"])", "(\"string\" \"ports\" \"list\")",
                "(string-trim-suffix \".ss\" \"strings.ss\")", "\"strings\"",
                "(map (cut string-trim-suffix \".txt\" <>) [\"README.txt\" \"LICENSE.txt\" \"CREDITS.txt\"])", "(\"README\" \"LICENSE\" \"CREDITS\")",
                "(string-trim-eol \"foo\\r\")", "\"foo\"",
                "(string-trim-eol \"foo\\n\\n\")", "\"foo\\n\"",
                "(string-trim-eol \"foo\\r\\n\")", "\"foo\"",
                "(string-split-prefix \"123\" \"123abcdef\")", "\"abcdef\"\n\"123\"",
                "(string-split-prefix \"123\" \"no-numbers-here\")", "\"no-numbers-here\"\n\"\"",
                "(string-split-suffix \".scm\" \"secret.scm\")", "\"secret\"\n\".scm\"",
                "(string-split-suffix \".scm\" \"secret.lisp\")", "\"secret.lisp\"\n\"\"",
                "(equal? +lf+ (call-with-values (lambda () (string-split-eol \"foo\\n\")) (lambda (s eol) eol)))", "#t",
                "(list +cr+ +lf+ +crlf+)", "(\"\\r\" \"\\n\" \"\\r\\n\")",
                "(string-subst \"aabbaaaaabb\" \"aa\" \"cc\")", "\"ccbbccccabb\"",
                "(string-subst \"subst;some;of;these;semicolons\" \";\" \"#\" count: 2)", "\"subst#some#of;these;semicolons\"",
                "(string-whitespace? \"\")", "#t",
                "(string-whitespace? \"\\n \\t\")", "#t",
                "(string-whitespace? \"a \")", "#f",
                "(string-length (random-string))", "10",
                "(random-string 0)", "\"\"",
                "(string-length (random-string 5))", "5",
                "(str)", "\"\"",
                "(str 2.0)", "\"2.0\"",
                "(str \"hello\" \", world\")", "\"hello, world\"",
                "(str 'abc [1 2] 3.4E+2)", "\"abc[1 2]340.0\"",
                "(str-format \"hello\")", "\"~a\"",
                "(str-format 1.2E+2)", "\"~f\"",
                "(str-format (vector 1 2 3))", "\"~r\"");
        v.error("(string-subst \"a\" \"a\" \"b\" count: 'x)");
        v.error("(random-string 'x)");
    }

    // ---- :std/srfi/1 -- cons.io/reference/srfi/srfi-1.html, examples of srfi.schemers.org/srfi-1 ----

    @Test
    void srfi1ConstructorsSelectorsPredicates() {
        VmFixture v = new VmFixture("(import :std/srfi/1)");
        v.check("(xcons '(b c) 'a)", "(a b c)",
                "(list-tabulate 4 values)", "(0 1 2 3)",
                "(cons* 1 2 3 4)", "(1 2 3 . 4)",
                "(let ((c (circular-list 'z 'q))) (list (car c) (cadr c) (caddr c)))", "(z q z)",
                "(list (proper-list? '(1 2)) (circular-list? (circular-list 1)) (dotted-list? '(1 . 2)) (not-pair? 1) (null-list? '()))", "(#t #t #t #t #t)",
                "(list= eq? '(a b) '(a b) '(a b))", "#t",
                "(list (first '(1 2 3 4 5 6 7 8 9 10)) (second '(1 2 3)) (third '(1 2 3)) (fourth '(1 2 3 4)) (fifth '(1 2 3 4 5)))", "(1 2 3 4 5)",
                "(list (sixth '(1 2 3 4 5 6)) (seventh '(1 2 3 4 5 6 7)) (eighth '(1 2 3 4 5 6 7 8)) (ninth '(1 2 3 4 5 6 7 8 9)) (tenth '(1 2 3 4 5 6 7 8 9 10)))", "(6 7 8 9 10)",
                "(list (caaadr '(1 ((2)))) (cdaddr '(1 2 (3 . 4))) (cadadr '(1 (2 3))))", "(2 4 3)",
                "(car+cdr '(1 . 2))", "1\n2",
                "(take '(a b c d e) 2)", "(a b)",
                "(drop '(a b c d e) 2)", "(c d e)",
                "(take-right '(a b c d e) 2)", "(d e)",
                "(drop-right '(a b c d e) 2)", "(a b c)",
                "(take! (list 1 2 3) 2)", "(1 2)",
                "(drop-right! (list 1 2 3) 1)", "(1 2)",
                "(split-at '(a b c d e f g h) 3)", "(a b c)\n(d e f g h)",
                "(split-at! (list 'a 'b 'c) 1)", "(a)\n(b c)",
                "(last '(1 2 3))", "3",
                "(last-pair '(1 2 3))", "(3)",
                "(length+ (circular-list 1 2))", "#f",
                "(length+ '(1 2))", "2");
    }

    @Test
    void srfi1FoldsAndMaps() {
        VmFixture v = new VmFixture("(import :std/srfi/1)");
        v.check("(fold + 0 '(1 2 3))", "6",
                "(fold cons* '() '(a b c) '(1 2 3 4 5))", "(c 3 b 2 a 1)",
                "(fold-right cons* '() '(a b c) '(1 2 3 4 5))", "(a 1 b 2 c 3)",
                "(pair-fold cons '() '(a b c))", "((c) (b c) (a b c))",
                "(pair-fold-right cons '() '(a b c))", "((a b c) (b c) (c))",
                "(reduce max 0 '(3 9 2))", "9",
                "(reduce-right append '() '((1 2 3) (4 5) (6 7 8 9) (10)))", "(1 2 3 4 5 6 7 8 9 10)",
                "(unfold (lambda (x) (> x 10)) (lambda (x) (* x x)) (lambda (x) (+ x 1)) 1)", "(1 4 9 16 25 36 49 64 81 100)",
                "(unfold-right zero? (lambda (x) (* x x)) (lambda (x) (- x 1)) 10)", "(1 4 9 16 25 36 49 64 81 100)",
                "(append-map (lambda (x) (list x (- x))) '(1 3 8))", "(1 -1 3 -3 8 -8)",
                "(append-map! (lambda (x) (list x x)) '(1 2))", "(1 1 2 2)",
                "(filter-map (lambda (x) (and (number? x) (* x x))) '(a 1 b 3 c 7))", "(1 9 49)",
                "(map-in-order + '(1 2) '(10 20))", "(11 22)",
                "(map! (lambda (x) (* x 2)) (list 1 2))", "(2 4)",
                "(let ((r '())) (pair-for-each (lambda (p) (set! r (cons p r))) '(a b)) r)", "((b) (a b))",
                "(zip '(one two three) '(1 2 3) '(odd even odd even odd even odd even))", "((one 1 odd) (two 2 even) (three 3 odd))",
                "(unzip2 '((1 one) (2 two)))", "(1 2)\n(one two)",
                "(unzip1 '((1) (2)))", "(1 2)",
                "(count even? '(3 1 4 1 5 9 2 5 6))", "3",
                "(count < '(1 2 4 8) '(2 4 6 8 10 12 14 16))", "3",
                "(append-reverse '(3 2 1) '(4 5))", "(1 2 3 4 5)",
                "(append! (list 1 2) '() (list 3))", "(1 2 3)",
                "(concatenate '((1) (2 3)))", "(1 2 3)");
    }

    @Test
    void srfi1FilteringSearchingDeleting() {
        VmFixture v = new VmFixture("(import :std/srfi/1)");
        v.check("(filter even? '(0 7 8 8 43 -4))", "(0 8 8 -4)",
                "(remove even? '(0 7 8 8 43 -4))", "(7 43)",
                "(partition symbol? '(one 2 3 four five 6))", "(one four five)\n(2 3 6)",
                "(filter! odd? (list 1 2 3))", "(1 3)",
                "(find even? '(3 1 4 1 5 9))", "4",
                "(find-tail even? '(3 1 37 -8 -5 0 0))", "(-8 -5 0 0)",
                "(any integer? '(a 3 b 2.7))", "#t",
                "(any < '(3 1 4 1 5) '(2 7 1 8 2))", "#t",
                "(every integer? '())", "#t",
                "(every (lambda (x) (and (> x 0) x)) '(1 2 3))", "3",
                "(list-index even? '(3 1 4 1 5 9))", "2",
                "(list-index < '(3 1 4 1 5 9 2 5 6) '(2 7 1 8 2))", "1",
                "(take-while even? '(2 18 3 10 22 9))", "(2 18)",
                "(drop-while even? '(2 18 3 10 22 9))", "(3 10 22 9)",
                "(span even? '(2 18 3 10 22 9))", "(2 18)\n(3 10 22 9)",
                "(break even? '(3 1 4 1 5 9 2 6))", "(3 1)\n(4 1 5 9 2 6)",
                "(delete 3 '(1 3 2 3))", "(1 2)",
                "(delete 5 '(1 6 3 7) <)", "(1 3)",
                "(delete-duplicates '(a b a c a b c z))", "(a b c z)",
                "(delete-duplicates '((a . 3) (b . 7) (a . 9) (c . 1)) (lambda (x y) (eq? (car x) (car y))))", "((a . 3) (b . 7) (c . 1))",
                "(member 2.0 '(1 2 3) =)", "(2 3)",
                "(assoc 2.0 '((1 1) (2 4) (3 9)) =)", "(2 4)",
                "(alist-cons 'a 1 '((b . 2)))", "((a . 1) (b . 2))",
                "(alist-copy '((a . 1)))", "((a . 1))",
                "(alist-delete 'a '((a . 1) (b . 2) (a . 3)))", "((b . 2))",
                "(tree-copy '((1 2) 3))", "((1 2) 3)");
    }

    @Test
    void srfi1Lsets() {
        VmFixture v = new VmFixture("(import :std/srfi/1)");
        v.check("(lset<= eq? '(a) '(a b a) '(a b c c))", "#t",
                "(lset= eq? '(b e a) '(a e b) '(e e b a))", "#t",
                "(lset-adjoin eq? '(a b c d c e) 'a 'e 'i 'o 'u)", "(u o i a b c d c e)",
                "(lset-union eq? '(a b c d e) '(a e i o u))", "(u o i a b c d e)",
                "(lset-union eq? '(a a c) '(x a x))", "(x a a c)",
                "(lset-intersection eq? '(a b c d e) '(a e i o u))", "(a e)",
                "(lset-difference eq? '(a b c d e) '(a e i o u))", "(b c d)",
                "(lset-xor eq? '(a b c d e) '(a e i o u))", "(b c d i o u)",
                "(lset-diff+intersection eq? '(a b c d e) '(a e i o u))", "(b c d)\n(a e)");
    }

    // ---- :std/sort -- cons.io/reference/sort.html ---------------------------------------------------

    @Test
    void sorting() {
        VmFixture v = new VmFixture("(import :std/sort)");
        v.check("(sort [2 5 1] <)", "(1 2 5)",
                "(sort (vector 3 1 2) <)", "#(1 2 3)",
                "(let ((v (vector 3 1 2))) (sort! v <) v)", "#(1 2 3)",
                "(sort! (list 3 1 2) <)", "(1 2 3)",
                "(stable-sort '((1 . a) (0 . b) (1 . c) (0 . d)) (lambda (x y) (< (car x) (car y))))", "((0 . b) (0 . d) (1 . a) (1 . c))",
                "(stable-sort! (vector '(1 . a) '(0 . b) '(1 . c)) (lambda (x y) (< (car x) (car y))))", "#((0 . b) (1 . a) (1 . c))",
                "(sort '() <)", "()");
    }

    // ---- :std/format -- cons.io/reference/std/format.html (SRFI 48 with the listed departures) -----

    @Test
    void formatDirectives() {
        VmFixture v = new VmFixture("(import :std/format)");
        v.check("(format \"~a ~s ~d~%\" \"x\" \"x\" 42)", "\"x \\\"x\\\" 42\\n\"",
                "(format \"~A ~S ~D\" 'a \"b\" 3)", "\"a \\\"b\\\" 3\"",
                "(format \"~x ~o ~b ~X\" 255 8 5 255)", "\"ff 10 101 ff\"",
                "(format \"~c~~~t~_~n\" #\\a)", "\"a~\\t \\n\"",
                "(format \"~u\" #\\A)", "\"0041\"",
                "(format \"~f ~f ~f ~f\" 340. .5 -.5 3)", "\"340.0 0.5 -0.5 3.0\"",
                "(format \"~0,2f|~8,3f|~4,0f\" 3.14159 2.5 -0.4)", "\"3.14|   2.500|   0\"",
                "(format \"~10a|~5s|~3d\" \"hi\" 'x 7)", "\"        hi|    x|  7\"",
                "(format \"~r ~r ~r\" '(1 \"a\" b) (vector 1 2) '((1 . x) (2 . y) (3 . z)))", "\"[1 \\\"a\\\" 'b] (vector 1 2) [[1 'x ...] [2 'y ...] [3 'z ...]]\"",
                "(format \"~? and ~k\" \"~a+~a\" [1 2] \"~s\" [\"q\"])", "\"1+2 and \\\"q\\\"\"");
        assertTrue(v.error("(format \"~a ~a\" 1)").contains("Missing format argument"));
        assertTrue(v.error("(format \"~a\" 1 2)").contains("Too many arguments for format string"));
        assertTrue(v.error("(format \"~j\" 1)").contains("Unknown format specifier"));
        assertTrue(v.error("(format 'x)").contains("Expected format string"));
    }

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
    void forCollectAndFold() {
        VmFixture v = new VmFixture("(import :std/iter)");
        v.check("(for/collect ((x (in-naturals)) (y '#(a b c d))) (cons x y))", "((0 . a) (1 . b) (2 . c) (3 . d))",
                "(for/fold (r []) (x (in-range 2 7)) (cons x r))", "(6 5 4 3 2)",
                "(for/fold (s 0) ((x '(1 2 3)) (y '(10 20 30))) (+ s (* x y)))", "140",
                "(for/collect (c \"abc\") (char-upcase c))", "(#\\A #\\B #\\C)",
                "(for/collect ((x (in-range 10)) when (odd? x)) (* x x))", "(1 9 25 49 81)",
                "(for/collect ((x (in-range 5) unless (= x 2))) x)", "(0 1 3 4)",
                "(for/collect ([a b] '((1 2) (3 4))) (+ a b))", "(3 7)",
                "(for/collect ((cons a b) '((1 . 2))) (- a b))", "(-1)",
                "(for/collect ([a . _] '((1 2) (3 4))) a)", "(1 3)");
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

    @Test
    void sugarReexportsRuntimeForms() {
        // cons.io/reference/std/sugar.html "while" and "until" examples, with set! for increment!.
        VmFixture v = new VmFixture("(import (only-in :std/sugar while until cut and-let* alet rec let/cc))");
        v.run("(def a (vector 1 2 3 4 5 6)) (def i 5) (while (<= 0 i) (vector-set! a i (+ 1 (vector-ref a i))) (set! i (- i 1)))");
        v.check("a", "#(2 3 4 5 6 7)");
        v.run("(def j 0) (until (= j (vector-length a)) (vector-set! a j (+ 1 (vector-ref a j))) (set! j (+ j 1)))");
        v.check("a", "#(3 4 5 6 7 8)",
                "((cut + 1 <>) 2)", "3",
                "(and-let* ((x 1) (y (+ x 1))) y)", "2",
                "(let/cc k (k 4) 5)", "4");
    }
}
