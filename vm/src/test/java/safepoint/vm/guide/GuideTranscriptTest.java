package safepoint.vm.guide;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REPL transcripts of the Gerbil guide, "An Introduction to Gerbil" (doc/guide/intro.md in
 * mighty-gerbils/gerbil, read at commit 0223be09; cons.io/guide/intro.html), fed to Safepoint
 * as a newcomer types them at gxi. Each test names the section it comes from.
 *
 * <p>Conventions of the guide's transcripts, and how they are compared here:
 * <ul>
 * <li>A transcript is a list of {@code > input} lines followed by what gxi prints: the output the
 *     input writes, then its result written as by {@code write} ({@code #!void} prints nothing,
 *     each value of a multiple-value return on its own line, as in Gambit's REPL).
 * <li>Serial numbers, {@code #<Point #3>}, come from the author's long session: they are compared
 *     by shape only ({@code #<Point #N>}), except that an object printed twice in one test must
 *     show the same number both times.
 * <li>The guide sometimes writes a symbol result quoted ({@code 'a}, {@code 'pair}) or multiple
 *     values as {@code values 1 '(2 3)}; that is notation, since gxi (Gambit's REPL) writes the
 *     symbol {@code a} and the values on separate lines, which is what is expected here.
 * <li>Definitions shown without a prompt are loaded as the session's setup.
 * </ul>
 * Transcripts whose output Safepoint does not yet reproduce are left out (the test that would
 * hold them says so); until they pass, they are:
 * <ul>
 * <li>"Primitive forms": {@code (a-keyword-lambda-with-options 1 b: 2 4)} gives 9 in the guide
 *     (keywords are taken from anywhere, 4 fills the optional c); Safepoint gives 7 (c stays 3,
 *     4 goes to rest).
 * <li>"Primitive forms": {@code (let ((values a b) (values 1 2)) (+ a b))} gives 3; Safepoint:
 *     Ill-formed special form: let (a lone (values ...) binding is not taken as the short form).
 * <li>"Destructuring Binds": {@code (with ([a . b] obj) ...)}, the single-binding shorthand:
 *     Ill-formed special form: with.
 * <li>"defsyntax-for-match", "begin-syntax" (with def inside) and defrules fenders: unsupported.
 * <li>"Defining Classes": {@code (make-instance Point::t x: 1 y: 2)}: make-instance is unbound.
 * <li>"Slots": {@code (set! (Point-x a) 2)} and {@code (set! (@ a x) 1)} print
 *     {@code #<Point #3>} in the guide; Safepoint prints nothing.
 * <li>"Method Resolution Order": {@code (class-precedence-list ColoredPoint3D::t)} ends with
 *     {@code #<type #26 object> #<type #27 t>}; Safepoint's list stops at Color.
 * <li>"Constructor Methods": {@code constructor: :init!} is not used by the constructor (wrong
 *     number of arguments), and Point3D-x (an inherited slot's accessor) is unbound.
 * <li>"System Classes": class-of, pair::t, class-type-precedence-list and the {@code :t},
 *     {@code :object}, {@code :list}, {@code :number}, {@code :fixnum} method classes are unbound;
 *     current-thread is unbound.
 * <li>"Top Modules": {@code (module A ...)} with extern, and {@code (import A)}: unsupported.
 * <li>"Additional Syntactic Sugar": display-exception (a Gambit procedure) is unbound.
 * <li>"Iteration Protocol": a {@code {:iter A}} method does not make a struct iterable.
 * <li>"Coroutines": :std/coroutine cannot be found.
 * </ul>
 * Interfaces, contracts, generics, events, actors, HTTP, JSON, XML, web and databases need
 * libraries Safepoint does not have (or threads and the network) and are not tested.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GuideTranscriptTest {

    // ---- Hello world --------------------------------------------------------------------------------

    @Test
    void helloWorld() {
        // intro.md "Hello world"
        new Session().check("""
                > (displayln "hello, world")
                hello, world
                """);
    }

    // ---- Core Gerbil / Primitive forms --------------------------------------------------------------

    @Test
    void defAndDefvalues() {
        // intro.md "Core Gerbil" > "Primitive forms": the definitions the section shows (no output
        // is shown for them; these inputs only check they define what they say).
        Session s = new Session();
        s.setup("""
                (def (say-hello who)
                  (displayln "hello " who))

                (defvalues (a b)
                  (values 1 2))
                """);
        s.check("""
                > (say-hello "gerbil")
                hello gerbil
                > [a b]
                (1 2)
                """);
    }

    @Test
    void optionalAndKeywordArguments() {
        // intro.md "Primitive forms": lambdas with optional and keyword formals. Left out:
        // (a-keyword-lambda-with-options 1 b: 2 4), see the class comment.
        Session s = new Session();
        s.setup("""
                (def (a-simple-function a b)
                  (+ a b))
                (def (an-opt-lambda a (b 1))
                  (+ a b))
                (def (a-keyword-lambda a b: (b 1))
                  (+ a b))
                (def (a-keyword-lambda-with-options a b: (b 1) (c 3) . rest)
                 (+ a (* b c)))
                """);
        s.check("""
                > (a-simple-function 1 2)
                3
                > (an-opt-lambda 1)
                2
                > (a-keyword-lambda 1)
                2
                > (a-keyword-lambda 1 b: 2)
                3
                > (a-keyword-lambda-with-options 1)
                4
                > (a-keyword-lambda-with-options 1 b: 2)
                7
                """);
    }

    @Test
    void caseLambdaAndDefStar() {
        // intro.md "Primitive forms": case-lambda and the short form def* (the guide shows no
        // calls; these check both definitions dispatch on arity).
        Session s = new Session();
        s.setup("""
                (def my-case-lambda
                  (case-lambda
                    ((a b) (+ a b))
                    ((a) (+ a 1))))
                """);
        s.check("""
                > (my-case-lambda 1 2)
                3
                > (my-case-lambda 1)
                2
                """);
        s.setup("""
                ; or the short definition form
                (def* my-case-lambda
                  ((a b) (+ a b))
                  ((a) (+ a 1)))
                """);
        s.check("""
                > (my-case-lambda 5 2)
                7
                > (my-case-lambda 5)
                6
                """);
    }

    @Test
    void letShortFormsAndMultipleValues() {
        // intro.md "Primitive forms": let bindings. Left out: (let ((values a b) (values 1 2)) (+ a b)).
        new Session().check("""
                > ((let (x 1) (lambda (y) (+ x 1))) 1)
                2
                > (let ((x 1)
                        ((values y z) (values 2 3)))
                    (+ x y z))
                6
                """);
    }

    @Test
    void underscoreIgnoresArguments() {
        // intro.md "Primitive forms": the reserved _ identifier.
        Session s = new Session();
        s.setup("""
                (def (a-function x . _) ; accepts 1 or more ignored args
                 (+ x 1))
                """);
        s.check("""
                > (a-function 1 2)
                2
                """);
    }

    @Test
    void squareBracketLists() {
        // intro.md "Primitive forms": square brackets construct pairs and lists, with ... splicing.
        new Session().check("""
                > [1 . 2]
                (1 . 2)
                > [1 2 3]
                (1 2 3)
                > [1 2 [3 4 5] ... 6]
                (1 2 3 4 5 6)
                """);
    }

    @Test
    void setBindingsAndSetfForms() {
        // intro.md "Primitive forms": set! on a binding, and on (car a-pair), which expands to
        // (car-set! a-pair 'c). The guide writes the results 'a and 'c: notation for the symbols.
        new Session().check("""
                > (def a #f)
                > (set! a 'a)
                > a
                a
                > (def a-pair (cons 'a 'b))
                > (set! (car a-pair) 'c)
                > (car a-pair)
                c
                """);
    }

    // ---- Core Gerbil / Pattern Matching ----------------------------------------------------------

    /** The guide uses point and point-3d without defining them, and printf without importing it. */
    private static final String POINTS = """
            (import :std/format)
            (defstruct point (x y))
            (defstruct (point-3d point) (z))
            """;

    @Test
    void matchDestructuresPairsAndStructs() {
        // intro.md "Pattern Matching". Left out: (my-destructurer (make-point-3d 1 2)), which the
        // guide shows printing "a 3d-point (2 0 0)": make-point-3d takes 3 arguments, so that
        // output cannot come from this code (a slip in the guide). A 3-argument call is checked.
        Session s = new Session();
        s.setup(POINTS + """
                (def (my-destructurer obj)
                 (match obj
                   ([a . b]
                    (printf "a pair (~a . ~a)~n" a b)
                    'pair)
                   ((point-3d x y z)
                    (printf "a 3d-point (~a ~a ~a)~n" x y z)
                    'point-3d)
                   ((point x y)
                    (printf "a 2d point (~a ~a)~n" x y)
                    'point-2d)
                   (else 'something-else)))
                """);
        s.check("""
                > (my-destructurer [1 2 3])
                a pair (1 . (2 3))
                pair
                > (my-destructurer (make-point 1 2))
                a 2d point (1 2)
                point-2d
                > (my-destructurer (make-point-3d 1 2 3))
                a 3d-point (1 2 3)
                point-3d
                > (my-destructurer 42)
                something-else
                """);
    }

    @Test
    void matchLambdaShorthand() {
        // intro.md "Pattern Matching" > "Destructuring Binds": (match <> clause ...). The guide
        // writes the two values as "values 1 '(2 3)"; the REPL prints each on its own line.
        Session s = new Session();
        s.setup("(def car+cdr (match <> ([a . b] (values a b))))");
        s.check("""
                > (car+cdr [1 2 3])
                1
                (2 3)
                """);
    }

    @Test
    void withLetStyleHead() {
        // intro.md "Destructuring Binds": with binding several objects (the guide shows no call).
        // Left out: the single-object shorthand (with ([a . b] obj) ...), see the class comment.
        Session s = new Session();
        s.setup("""
                (def (car+cdrx2 lsta lstb)
                  (with (([a-car . a-cdr] lsta)
                         ([b-car . b-cdr] lstb))
                     (values a-car a-cdr b-car b-cdr)))
                """);
        s.check("""
                > (car+cdrx2 [1 2] [3 4 5])
                1
                (2)
                3
                (4 5)
                """);
    }

    // ---- Core Gerbil / Macros ----------------------------------------------------------------------

    @Test
    void defsyntaxIntroducesAnIdentifierHygienically() {
        // intro.md "Macros" > "defsyntax"
        Session s = new Session();
        s.setup("""
                (defsyntax (with-magic stx)
                  (syntax-case stx ()
                   ((macro expr body ...)
                    (with-syntax ((magic-id (datum->syntax #'macro 'magic)))
                      #'(let (magic-id expr) body ...)))))
                """);
        s.check("""
                > (with-magic 3 (+ magic 1))
                4
                """);
    }

    // ---- Objective Gerbil / Classes and Objects ----------------------------------------------------

    private static final String CLASSES = """
            (defclass Point (x y))
            (defclass (Point3D Point) (z))
            """;

    private static final String COLOR_CLASSES = """
            (defclass Color (r g b))

            (defclass (ColoredPoint Point Color) ())
            (defclass (ColoredPoint3D Point3D Color) ())
            """;

    @Test
    void definingClasses() {
        // intro.md "Objective Gerbil" > "Classes and Objects" > "Defining Classes". Left out:
        // (make-instance Point::t x: 1 y: 2), see the class comment.
        Session s = new Session();
        s.setup(CLASSES);
        s.check("""
                > (def a (Point x: 1 y: 2))
                > a
                #<Point #3>
                > (def b (Point3D x: 0 y: 1 z: 2))
                > b
                #<Point3D #4>
                > (Point? a)
                #t
                > (Point? b)
                #t
                > (Point3D? a)
                #f
                > (Point3D? b)
                #t
                > (make-Point x: 1 y: 2)
                #<Point #5>
                """);
        s.setup(COLOR_CLASSES);
        s.check("""
                > (def c (ColoredPoint3D x: 1 y: 2 z: 3 r: 255 g: 0 b: 0))
                > c
                #<ColoredPoint3D #7>
                > (Point? c)
                #t
                > (Point3D? c)
                #t
                > (Color? c)
                #t
                """);
    }

    @Test
    void slotAccessorsAndDynamicSlotOperator() {
        // intro.md "Classes and Objects" > "Slots". The guide shows (set! (Point-x a) 2) and
        // (set! (@ a x) 1) printing #<Point #3>; Safepoint prints nothing for them (see the
        // class comment), so they are run here without checking what they print.
        Session s = new Session();
        s.setup(CLASSES + "(def a (Point x: 1 y: 2))");
        s.check("""
                > (Point-x a)
                1
                """);
        s.step("(set! (Point-x a) 2)");
        s.check("""
                > (Point-x a)
                2
                > (@ a x)
                2
                """);
        s.step("(set! (@ a x) 1)");
        s.check("""
                > (@ a x)
                1
                """);
    }

    @Test
    void methodsAndDynamicCalls() {
        // intro.md "Classes and Objects" > "Methods": {colorize c} returns c itself, so it prints
        // with c's serial number (#7 in the guide, for both).
        Session s = new Session();
        s.setup(CLASSES + COLOR_CLASSES + """
                (def a (Point x: 1 y: 2))
                (def b (Point3D x: 0 y: 1 z: 2))
                (def c (ColoredPoint3D x: 1 y: 2 z: 3 r: 255 g: 0 b: 0))
                (defmethod {colorize Color}
                  identity)

                (defmethod {colorize Point}
                  (lambda (self)
                    (if (Color? self)
                      self
                      (ColoredPoint x: (@ self x)
                                    y: (@ self y)
                                    r: 0 g: 0 b: 0))))

                (defmethod {colorize Point3D}
                  (lambda (self)
                    (if (Color? self)
                      self
                      (ColoredPoint3D x: (@ self x)
                                      y: (@ self y)
                                      z: (@ self z)
                                      r: 0 g: 0 b: 0))))
                """);
        String c = s.check("""
                > c
                #<ColoredPoint3D #7>
                """);
        s.check("""
                > {colorize a}
                #<ColoredPoint #16>
                > {colorize b}
                #<ColoredPoint3D #17>
                """);
        assertEquals(c, s.check("""
                > {colorize c}
                #<ColoredPoint3D #7>
                """), "{colorize c} is c");
        s.check("""
                > (def white (Color r: 255 g: 255 b: 255))
                > {colorize white}
                #<Color #19>
                > (ColoredPoint? {colorize a})
                #t
                > (@ {colorize b} z)
                2
                """);
    }

    @Test
    void structsInAClassHierarchy() {
        // intro.md "Classes and Objects" > "Structs": Point and Point3D as structs, Color a mixin.
        Session s = new Session();
        s.setup("""
                (defstruct Point (x y))
                (defstruct (Point3D Point) (z))

                (defclass Color (r g b))

                (defclass (ColoredPoint Color Point) ())
                (defclass (ColoredPoint3D Color Point3D) ())
                """);
        s.check("""
                > (def a (Point 1 2))
                > (def b (Point3D 1 2 3))
                > (def c (ColoredPoint3D x: 1 y: 2 z: 3 r: 255 g: 0 b: 0))
                > a
                #<Point #3>
                > b
                #<Point3D #4>
                > (Point? a)
                #t
                > (Point? b)
                #t
                > (Point3D? a)
                #f
                > (Point3D? b)
                #t
                > (Point? c)
                #t
                > (Point3D? c)
                #t
                > (Color? c)
                #t
                > (Point-y c)
                2
                > (Color-r c)
                255
                """);
    }

    // ---- The Standard Library --------------------------------------------------------------------

    @Test
    void defruleFromStdSugar() {
        // intro.md "The Standard Library" > "Additional Syntactic Sugar" (no call is shown).
        Session s = new Session();
        s.setup("""
                (import :std/sugar)
                (defrule (f a b c)
                  (+ a b c))
                """);
        s.check("""
                > (f 1 2 3)
                6
                """);
    }

    @Test
    void tryCatchFinally() {
        // intro.md "Additional Syntactic Sugar": try. The guide's handler calls display-exception,
        // which Safepoint lacks (see the class comment); this checks the same control flow, the
        // handler running before finally, with the message taken by error-object-message.
        Session s = new Session();
        s.setup("(import :std/sugar)");
        s.check("""
                > (try (error "my error")
                   (catch (e) (displayln (error-object-message e)))
                   (finally (displayln "finally!")))
                my error
                finally!
                """);
    }

    @Test
    void forIteration() {
        // intro.md "Iteration" > "Iteration Syntax"
        Session s = new Session();
        s.setup("(import :std/iter)");
        s.check("""
                > (for (x '(1 2 3))
                   (displayln x))
                1
                2
                3
                > (for ((x '(1 2 3))
                        (y '#(a b c d)))
                  (displayln x " " y))
                1 a
                2 b
                3 c
                > (for ([key . val] '((a . 1) (b . 2) (c . 3)))
                    (displayln key " " val))
                a 1
                b 2
                c 3
                > (for ([x . y] '((a . 0) (b . 1) (c . 2)) when (> y 0)) (displayln x))
                b
                c
                > (for ([x . y] '((a . 0) (b . 1) (c . 2)) unless (> y 0)) (displayln x))
                a
                """);
    }

    @Test
    void forStarCollectAndFold() {
        // intro.md "Iteration Syntax": for*, for/collect, for/fold
        Session s = new Session();
        s.setup("(import :std/iter)");
        s.check("""
                > (for* ((x (in-range 2)) (y (in-range 2)))
                   (displayln x y))
                00
                01
                10
                11
                > (for/collect ((x (in-naturals))
                                (y '#(a b c d)))
                    (cons x y))
                ((0 . a) (1 . b) (2 . c) (3 . d))
                > (for/fold (r []) (x (in-range 2 7))
                    (cons x r))
                (6 5 4 3 2)
                """);
    }

    @Test
    void iterationOverACoroutineGenerator() {
        // intro.md "Iteration" > "Iteration Protocol": a procedure that yields is iterable.
        // Left out: the :iter method on a struct, see the class comment.
        Session s = new Session();
        s.setup("""
                (import :std/iter)
                (def (my-generator n)
                 (lambda ()
                   (let lp ((k 0))
                     (when (< k n)
                       (yield k)
                       (lp (1+ k))))))
                """);
        s.check("""
                > (for (x (my-generator 3))
                    (displayln x))
                0
                1
                2
                """);
    }

    // ---- the comparison itself -------------------------------------------------------------------

    @Test
    void serialNumbersCompareByShapeOnly() {
        Session s = new Session();
        s.setup("(defstruct P (x))");
        s.check("""
                > (make-P 1)
                #<P #123>
                """);
        assertTrue(shape("#<P #123>").matcher("#<P #2>").matches());
        assertTrue(!shape("#<P #123>").matcher("#<Q #2>").matches());
        assertTrue(!shape("(1 2)").matcher("(1 3)").matches());
    }

    /** {@code expected} as a regex in which each serial number {@code #<name #3>} matches any number. */
    static Pattern shape(String expected) {
        StringBuilder re = new StringBuilder();
        Matcher m = SERIAL.matcher(expected);
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(expected.substring(last, m.start(1)))).append("\\d+");
            last = m.end(1);
        }
        re.append(Pattern.quote(expected.substring(last)));
        return Pattern.compile(re.toString());
    }

    /** The serial number in {@code #<Point #3>} or {@code #<type #23 Point>}. */
    private static final Pattern SERIAL = Pattern.compile("#<[^<>#]*#(\\d+)");

    /** A fresh gxi-like session on its own Machine, with string ports. */
    static final class Session {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Machine vm = new Machine(out, err, new StringReader(""), 0);

        Session() {
            vm.deadline = System.nanoTime() + 100_000_000_000L;
        }

        /** Evaluate definitions the guide shows without a prompt; they must not fail. */
        void setup(String text) {
            for (Object datum : vm.readAll(text, "(console)")) show(datum, text);
        }

        /** Evaluate one input whose printed output is not compared. */
        void step(String input) {
            setup(input);
        }

        /**
         * Feed each {@code > input} of a transcript and compare what it prints with the lines that
         * follow it, serial numbers by shape; returns everything printed, for further checks.
         */
        String check(String transcript) {
            StringBuilder all = new StringBuilder();
            for (String[] entry : entries(transcript)) {
                List<Object> data = vm.readAll(entry[0], "(console)");
                assertEquals(1, data.size(), "one datum per prompt: " + entry[0]);
                String printed = show(data.get(0), entry[0]);
                assertTrue(shape(entry[1]).matcher(printed).matches(),
                        () -> "> " + entry[0] + "\nexpected (serials by shape):\n" + entry[1] + "\nprinted:\n" + printed);
                all.append(printed);
            }
            return all.toString();
        }

        /** What the REPL shows for one datum: its output, then its written result on a line. */
        private String show(Object datum, String input) {
            int before = out.getBuffer().length();
            Outcome o = vm.eval(datum, "(console)");
            if (o.status() != Outcome.Status.VALUE) {
                throw new AssertionError(input + "\nfailed: " + o.errorText() + "\nstdout: " + out.getBuffer().substring(before));
            }
            String result = vm.showResult(o.value());
            return out.getBuffer().substring(before) + (result.isEmpty() ? "" : result + "\n");
        }

        /** Splits a transcript into (input, expected output) pairs. */
        private static List<String[]> entries(String transcript) {
            List<String[]> result = new ArrayList<>();
            String[] lines = transcript.split("\n", -1);
            int i = 0;
            while (i < lines.length) {
                if (!lines[i].startsWith("> ")) {
                    if (!lines[i].isBlank()) throw new IllegalArgumentException("output before a prompt: " + lines[i]);
                    i++;
                    continue;
                }
                StringBuilder input = new StringBuilder(lines[i++].substring(2));
                while (!complete(input) && i < lines.length) input.append('\n').append(lines[i++]);
                StringBuilder expected = new StringBuilder();
                while (i < lines.length && !lines[i].startsWith("> ") && !(lines[i].isEmpty() && i == lines.length - 1)) {
                    expected.append(lines[i++]).append('\n');
                }
                result.add(new String[] {input.toString(), expected.toString()});
            }
            return result;
        }

        /** Whether the parentheses and brackets of {@code s} balance (strings, chars and ; comments aside). */
        private static boolean complete(CharSequence s) {
            int depth = 0;
            boolean str = false;
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                if (str) {
                    if (ch == '\\') k++;
                    else if (ch == '"') str = false;
                } else if (ch == '"') {
                    str = true;
                } else if (ch == '#' && k + 1 < s.length() && s.charAt(k + 1) == '\\') {
                    k += 2;
                } else if (ch == ';') {
                    while (k < s.length() && s.charAt(k) != '\n') k++;
                } else if (ch == '(' || ch == '[') {
                    depth++;
                } else if (ch == ')' || ch == ']') {
                    depth--;
                }
            }
            return depth <= 0 && !str;
        }
    }
}
