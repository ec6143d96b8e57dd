package safepoint.vm.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Box;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Src;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Serials;

/** Every expected text was checked against the line gsi 4.9.3 prints after {@code " -- "}. */
class ErrorTextTest {
    final Serials vm = new Serials();

    String r(SchemeError e) {
        return ErrorText.render(e.payload, vm);
    }

    static Object list(Object... xs) {
        return PrinterTest.list(xs);
    }

    static Symbol sym(String s) {
        return Symbol.of(s);
    }

    static MString str(String s) {
        return new MString(s);
    }

    static Procedure proc(String name) {
        return PrinterTest.proc(name);
    }

    @Test
    void locationLine() {
        assertEquals("*** ERROR IN f, \"t.scm\"@1.16 -- ", ErrorText.locationLine(new Src("t.scm", 1, 16), "f"));
        assertEquals("*** ERROR IN \"t.scm\"@2.1 -- ", ErrorText.locationLine(new Src("t.scm", 2, 1), null));
        assertEquals("*** ERROR IN (console)@1.1 -- ", ErrorText.locationLine(new Src("(console)", 1, 1), null));
        assertEquals("*** ERROR IN (string)@1.6 -- ", ErrorText.locationLine(new Src("(string)", 1, 6), null));
        assertEquals("*** ERROR IN ##write-substring -- ", ErrorText.locationLine(null, "##write-substring"));
        assertEquals("*** ERROR -- ", ErrorText.locationLine(null, null));
    }

    @Test
    void primitiveErrorsShowTheCall() {
        assertEquals("(Argument 1) PAIR expected\n(car 1)", r(Condition.typeError("car", 1, "PAIR", 1L)));
        assertEquals("(Argument 2) Out of range\n(vector-ref #(1 2) 99)",
                r(Condition.rangeError("vector-ref", 2, new SVector(new Object[] {1L, 2L}), 99L)));
        assertEquals("Divide by zero\n(/ 1 0)", r(Condition.divideByZero("/", 1L, 0L)));
        assertEquals("(Argument 2) Out of range\n(string-ref \"abc\" 10)",
                r(Condition.rangeError("string-ref", 2, str("abc"), 10L)));
        assertEquals("(Argument 1) PAIR expected\n(car \"abc\")", r(Condition.typeError("car", 1, "PAIR", str("abc"))));
        assertEquals("(Argument 1) LIST expected\n(length '(1 . 2))",
                r(Condition.typeError("length", 1, "LIST", new Pair(1L, 2L))));
        assertEquals("(Argument 3) Out of range\n(substring \"hello\" 2 10)",
                r(Condition.rangeError("substring", 3, str("hello"), 2L, 10L)));
        assertEquals("(Argument 2) Out of range\n(vector-ref #((a \"b\") (a \"b\") (a \"b\")) 3)",
                r(Condition.rangeError("vector-ref", 2, new SVector(new Object[] {
                    list(sym("a"), str("b")), list(sym("a"), str("b")), list(sym("a"), str("b"))}), 3L)));
        assertEquals("(Argument 2) Out of range\n(vector-ref #(a \"s\" 'b) 9)",
                r(Condition.rangeError("vector-ref", 2,
                        new SVector(new Object[] {sym("a"), str("s"), list(sym("quote"), sym("b"))}), 9L)));
    }

    @Test
    void argumentsThatDoNotEvaluateToThemselvesAreQuoted() {
        String head = "(Argument 1) PAIR expected\n";
        assertEquals(head + "(cdr '())", r(Condition.typeError("cdr", 1, "PAIR", Nil.NIL)));
        assertEquals(head + "(car 'a)", r(Condition.typeError("car", 1, "PAIR", sym("a"))));
        assertEquals(head + "(car '|A b|)", r(Condition.typeError("car", 1, "PAIR", sym("A b"))));
        assertEquals(head + "(car '#:g0)", r(Condition.typeError("car", 1, "PAIR", Symbol.uninterned("g0"))));
        assertEquals(head + "(car '#&1)", r(Condition.typeError("car", 1, "PAIR", new Box(1L))));
        Primitive car = Primitive.of1("car", true, (c, a) -> a);
        assertEquals(head + "(car '#<procedure #2 car>)", r(Condition.typeError("car", 1, "PAIR", car)));
        assertEquals(head + "(car #!void)", r(Condition.typeError("car", 1, "PAIR", Special.VOID)));
        assertEquals(head + "(car #!eof)", r(Condition.typeError("car", 1, "PAIR", Special.EOF)));
        assertEquals(head + "(car #t)", r(Condition.typeError("car", 1, "PAIR", true)));
        assertEquals(head + "(car #\\a)", r(Condition.typeError("car", 1, "PAIR", SChar.of('a'))));
        assertEquals(head + "(car 1.5)", r(Condition.typeError("car", 1, "PAIR", 1.5)));
        assertEquals(head + "(car foo:)", r(Condition.typeError("car", 1, "PAIR", Keyword.of("foo"))));
        assertEquals(head + "(car |a b|:)", r(Condition.typeError("car", 1, "PAIR", Keyword.of("a b"))));
        assertEquals(head + "(car #(a (1)))",
                r(Condition.typeError("car", 1, "PAIR", new SVector(new Object[] {sym("a"), list(1L)}))));
        assertEquals(head + "(car '#<error-exception #3>)",
                r(Condition.typeError("car", 1, "PAIR", Condition.error("x", List.of()))));
        assertEquals("(Argument 2) NUMBER expected\n(+ 1 'a)", r(Condition.typeError("+", 2, "NUMBER", 1L, sym("a"))));
    }

    @Test
    void unboundVariable() {
        assertEquals("Unbound variable: h", r(Condition.unboundGlobal(sym("h"))));
    }

    @Test
    void wrongNumberOfArguments() {
        assertEquals("Wrong number of arguments passed to procedure\n(f 1 2 3)", r(Condition.wrongArgs(proc("f"), 1L, 2L, 3L)));
        assertEquals("Wrong number of arguments passed to procedure\n(g)", r(Condition.wrongArgs(proc("g"))));
        assertEquals("Wrong number of arguments passed to procedure\n(#<procedure #2>)", r(Condition.wrongArgs(proc(null))));
        Primitive car = Primitive.of1("car", true, (c, a) -> a);
        SchemeError e = org.junit.jupiter.api.Assertions.assertThrows(SchemeError.class, () -> car.call2(null, 1L, 2L));
        assertEquals("Wrong number of arguments passed to procedure\n(car 1 2)", r(e));
    }

    @Test
    void atMostFifteenArguments() {
        Object[] args = new Object[30];
        for (int i = 0; i < args.length; i++) args[i] = (long) (i + 1);
        assertEquals("Wrong number of arguments passed to procedure\n(car 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 ...)",
                r(Condition.wrongArgs(proc("car"), args)));
        Object[] fifteen = java.util.Arrays.copyOf(args, 15);
        assertEquals("Wrong number of arguments passed to procedure\n(car 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)",
                r(Condition.wrongArgs(proc("car"), fifteen)));
    }

    @Test
    void nonProcedureOperatorIsShownAsItsValue() {
        assertEquals("Operator is not a PROCEDURE\n(1 2)", r(Condition.nonProcedure(1L, 2L)));
        assertEquals("Operator is not a PROCEDURE\n(\"notproc\")", r(Condition.nonProcedure(str("notproc"))));
        assertEquals("Operator is not a PROCEDURE\n(sym 1 \"a\")", r(Condition.nonProcedure(sym("sym"), 1L, str("a"))));
        assertEquals("Operator is not a PROCEDURE\n((1) 2)", r(Condition.nonProcedure(list(1L), 2L)));
        assertEquals("Operator is not a PROCEDURE\n(#(1) 'a)",
                r(Condition.nonProcedure(new SVector(new Object[] {1L}), sym("a"))));
        assertEquals("Operator is not a PROCEDURE\n(#t)", r(Condition.nonProcedure(true)));
    }

    @Test
    void longCallsAreBrokenOneArgumentPerLine() {
        String pair = "(Argument 1) PAIR expected\n";
        // 71 a's: the call is 79 characters and fits
        assertEquals(pair + "(car \"" + "a".repeat(71) + "\")", r(Condition.typeError("car", 1, "PAIR", str("a".repeat(71)))));
        assertEquals(pair + "(car\n \"" + "a".repeat(72) + "\")", r(Condition.typeError("car", 1, "PAIR", str("a".repeat(72)))));
        assertEquals(pair + "(car\n \"" + "a".repeat(75) + "\")", r(Condition.typeError("car", 1, "PAIR", str("a".repeat(75)))));
        assertEquals(pair + "(car\n \"" + "a".repeat(76) + "\"\n)", r(Condition.typeError("car", 1, "PAIR", str("a".repeat(76)))));
        assertEquals(pair + "(car\n \"" + "a".repeat(74) + "...\n)", r(Condition.typeError("car", 1, "PAIR", str("a".repeat(200)))));

        Object ones = Nil.NIL;
        for (int i = 0; i < 100; i++) ones = new Pair(1L, ones);
        assertEquals("(Argument 1) VECTOR expected\n(vector-ref\n '(" + "1 ".repeat(36) + "1...\n 0)",
                r(Condition.typeError("vector-ref", 1, "VECTOR", ones, 0L)));

        Object nums = Nil.NIL;
        for (int i = 18; i >= 1; i--) nums = new Pair((long) i, nums);
        assertEquals("(Argument 3) Exact INTEGER expected\n(substring\n \"" + "a".repeat(30)
                        + "\"\n 2\n '(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18))",
                r(Condition.typeError("substring", 3, "Exact INTEGER", str("a".repeat(30)), 2L, nums)));

        String longName = "this-is-a-very-long-procedure-name-indeed-yes-very-long-indeed-it-is-longer";
        assertEquals("Wrong number of arguments passed to procedure\n(" + longName + "\n 1\n 2)",
                r(Condition.wrongArgs(proc(longName), 1L, 2L)));

        assertEquals("(Argument 2) Exact INTEGER expected\n(vector-ref\n #(\"" + "a".repeat(60) + "\")\n \""
                        + "b".repeat(36) + "\")",
                r(Condition.typeError("vector-ref", 2, "Exact INTEGER",
                        new SVector(new Object[] {str("a".repeat(60))}), str("b".repeat(36)))));
    }

    @Test
    void errorWithIrritants() {
        assertEquals("Something bad: 42 \"str\" sym",
                r(Condition.raise("Something bad:", 42L, str("str"), sym("sym"))));
        assertEquals("msg", r(Condition.raise("msg")));
        assertEquals("", r(Condition.raise("")));
        assertEquals("msg: \"x\"", r(Condition.raise("msg:", str("x"))));
        assertEquals("x |a b| #\\a 1.5 '1",
                r(Condition.raise("x", sym("a b"), SChar.of('a'), 1.5, list(sym("quote"), 1L))));
        assertEquals("x\ny \"a\\nb\"", r(Condition.raise("x\ny", str("a\nb"))));
        // (error 'sym "msg" 1 2): gsi displays a non-string message; the error primitive passes
        // Printer.display(message) as the Condition's message
        assertEquals("sym \"msg\" 1 2", r(Condition.raise("sym", str("msg"), 1L, 2L)));
    }

    @Test
    void longIrritantsGoOnePerLine() {
        // each irritant fits in 79 columns: one line, however long
        assertEquals("x 1 \"" + "a".repeat(60) + "\" 2 \"" + "b".repeat(30) + "\" 3",
                r(Condition.raise("x", 1L, str("a".repeat(60)), 2L, str("b".repeat(30)), 3L)));
        assertEquals("x \"" + "a".repeat(77) + "\"", r(Condition.raise("x", str("a".repeat(77)))));
        assertEquals("x\n\"" + "a".repeat(75) + "...", r(Condition.raise("x", str("a".repeat(78)))));
        assertEquals("m".repeat(100) + " 1 2", r(Condition.raise("m".repeat(100), 1L, 2L)));
        List<Object> abs = new ArrayList<>(Collections.nCopies(50, (Object) null));
        Object ab = list(sym("a"), sym("b"));
        Object l = Nil.NIL;
        for (int i = 0; i < abs.size(); i++) l = new Pair(ab, l);
        assertEquals("x\n1\n(" + "(a b) ".repeat(12) + "(a ...\n2", r(Condition.raise("x", 1L, l, 2L)));
    }

    @Test
    void raisedNonConditions() {
        assertEquals("This object was raised: foo", ErrorText.render(sym("foo"), vm));
        assertEquals("This object was raised: \"str\"", ErrorText.render(str("str"), vm));
        assertEquals("This object was raised: \"a\\nb\"", ErrorText.render(str("a\nb"), vm));
        assertEquals("This object was raised: (1 \"a\")", ErrorText.render(list(1L, str("a")), vm));
        assertEquals("This object was raised: 42", ErrorText.render(42L, vm));
        assertEquals("This object was raised: #!eof", ErrorText.render(Special.EOF, vm));
        assertEquals("This object was raised: |a b|", ErrorText.render(sym("a b"), vm));
        assertEquals("This object was raised: #(0 0)", ErrorText.render(new SVector(new Object[] {0L, 0L}), vm));
        assertEquals("This object was raised: #<procedure #2>", ErrorText.render(proc(null), vm));
        // no width limit here
        String big = "a".repeat(200);
        assertEquals("This object was raised: \"" + big + "\"", ErrorText.render(str(big), vm));
    }

    @Test
    void readErrorsAreJustTheirMessage() {
        assertEquals("Datum expected", r(Condition.of(Condition.Kind.READ, "Datum expected")));
        assertEquals("Invalid token", r(Condition.of(Condition.Kind.READ, "Invalid token")));
    }

    @Test
    void otherKindsWithACall() {
        Condition file = new Condition(Condition.Kind.FILE, "No such file or directory", List.of(),
                "open-input-file", List.of(str("/nonexistent")), 0);
        assertEquals("No such file or directory\n(open-input-file \"/nonexistent\")", ErrorText.render(file, vm));
        Condition kw = new Condition(Condition.Kind.UNKNOWN_KEYWORD, "Unknown keyword argument passed to procedure",
                List.of(), proc("f"), List.of(1L, Keyword.of("c"), 2L), 0);
        assertEquals("Unknown keyword argument passed to procedure\n(f 1 c: 2)", ErrorText.render(kw, vm));
    }
}
