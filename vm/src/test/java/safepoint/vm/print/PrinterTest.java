package safepoint.vm.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Condition;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.OutputPort;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.Record;
import safepoint.vm.data.RecordType;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Values;
import safepoint.vm.data.Serials;

/** Every expected text here was checked against gsi 4.9.3 ({@code (write x)} / {@code (display x)}). */
class PrinterTest {
    final Serials vm = new Serials();

    static Object list(Object... xs) {
        Object r = Nil.NIL;
        for (int i = xs.length - 1; i >= 0; i--) r = new Pair(xs[i], r);
        return r;
    }

    static Symbol sym(String s) {
        return Symbol.of(s);
    }

    static MString str(String s) {
        return new MString(s);
    }

    String w(Object o) {
        return Printer.write(o, vm);
    }

    String d(Object o) {
        return Printer.display(o, vm);
    }

    void both(String expected, Object o) {
        assertEquals(expected, w(o), "write");
        assertEquals(expected, d(o), "display");
    }

    static Procedure proc(String name) {
        return new Procedure() {
            @Override
            public String name() {
                return name;
            }
        };
    }

    @Test
    void exactNumbers() {
        both("42", 42L);
        both("-7", -7L);
        both("123456789012345678901234567890", new BigInteger("123456789012345678901234567890"));
        both("1/3", new Ratnum(BigInteger.ONE, BigInteger.valueOf(3)));
        both("-1/2", new Ratnum(BigInteger.valueOf(-1), BigInteger.TWO));
    }

    @Test
    void flonumsInsideData() {
        both("(.5 -.5 100. 0. -0. 1e21 +inf.0 -inf.0 +nan.0)",
                list(.5, -.5, 100., 0., -0., 1e21, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN));
    }

    @Test
    void numberToString() {
        assertEquals("ff", Printer.numberToString(255L, 16));
        assertEquals("-11111111", Printer.numberToString(-255L, 2));
        assertEquals("377", Printer.numberToString(255L, 8));
        assertEquals("1/11", Printer.numberToString(new Ratnum(BigInteger.ONE, BigInteger.valueOf(3)), 2));
        assertEquals("-a/3", Printer.numberToString(new Ratnum(BigInteger.valueOf(-10), BigInteger.valueOf(3)), 16));
        assertEquals("18ee90ff6c373e0ee4e3f0ad2",
                Printer.numberToString(new BigInteger("123456789012345678901234567890"), 16));
        // gsi 4.9.3 prints flonums in decimal whatever the radix
        assertEquals("10.5", Printer.numberToString(10.5, 2));
        assertEquals("255.", Printer.numberToString(255., 16));
        assertEquals(".1", Printer.numberToString(.1, 10));
        // (number->string 10 3): *** ERROR ... -- (Argument 2) Out of range
        SchemeError e = assertThrows(SchemeError.class, () -> Printer.numberToString(10L, 3));
        assertEquals("(Argument 2) Out of range\n(number->string 10 3)", ErrorText.render(e.payload, vm));
        SchemeError t = assertThrows(SchemeError.class, () -> Printer.numberToString(sym("a"), 10));
        assertEquals("(Argument 1) NUMBER expected\n(number->string 'a 10)", ErrorText.render(t.payload, vm));
    }

    @Test
    void booleansAndEmptyList() {
        both("#t", true);
        both("#f", false);
        both("()", Nil.NIL);
    }

    @Test
    void listsAndDottedPairs() {
        both("(a . b)", new Pair(sym("a"), sym("b")));
        both("(1 2 . 3)", new Pair(1L, new Pair(2L, 3L)));
        both("(a (b c) ())", list(sym("a"), list(sym("b"), sym("c")), Nil.NIL));
    }

    @Test
    void quoteAbbreviationsForWriteAndDisplay() {
        both("'x", list(sym("quote"), sym("x")));
        both("`x", list(sym("quasiquote"), sym("x")));
        both(",x", list(sym("unquote"), sym("x")));
        both(",@x", list(sym("unquote-splicing"), sym("x")));
        both("`(a ,b ,@c)", list(sym("quasiquote"),
                list(sym("a"), list(sym("unquote"), sym("b")), list(sym("unquote-splicing"), sym("c")))));
        both("(a 'b #(c 'd))", list(sym("a"), list(sym("quote"), sym("b")),
                new SVector(new Object[] {sym("c"), list(sym("quote"), sym("d"))})));
        // not abbreviated: wrong shape, or in a tail position
        both("(quote x y)", list(sym("quote"), sym("x"), sym("y")));
        both("(quote . x)", new Pair(sym("quote"), sym("x")));
        both("(quote)", list(sym("quote")));
        both("(a quote b)", list(sym("a"), sym("quote"), sym("b")));
        both("#(quote a)", new SVector(new Object[] {sym("quote"), sym("a")}));
        assertEquals("'\"x\"", w(list(sym("quote"), str("x"))));
        assertEquals("'x", d(list(sym("quote"), str("x"))));
    }

    @Test
    void vectorsBytevectorsBoxes() {
        both("#(1 2)", new SVector(new Object[] {1L, 2L}));
        both("#()", new SVector(new Object[0]));
        both("#u8(1 2 255)", new Bytevector(new byte[] {1, 2, (byte) 255}));
        both("#u8()", new Bytevector(new byte[0]));
        both("#&x", new Box(sym("x")));
        assertEquals("#(\"a\" #\\b)", w(new SVector(new Object[] {str("a"), SChar.of('b')})));
        assertEquals("#(a b)", d(new SVector(new Object[] {str("a"), SChar.of('b')})));
    }

    @Test
    void strings() {
        assertEquals("\"a\\nb\"", w(str("a\nb")));
        assertEquals("a\nb", d(str("a\nb")));
        assertEquals("\"\\t\\x3bb;\"", w(str("\t\u03bb")));
        assertEquals("\"q\\\"uote\\\\back\"", w(str("q\"uote\\back")));
        assertEquals("\"\\x0;\\x1;\\a\\b\\t\\n\\v\\f\\r\\xe;\\x1b;\\x1f; ~\\x7f;\\x80;\\xa0;\\xe9;\\xfeff;\\x1f600;\"",
                w(str("\0\1\7\b\t\n\u000b\f\r\u000e\u001b\u001f ~\u007f\u0080\u00a0\u00e9\ufeff\ud83d\ude00")));
        assertEquals("\"'|\"", w(str("'|")));
    }

    @Test
    void chars() {
        assertEquals("#\\a", w(SChar.of('a')));
        assertEquals("a", d(SChar.of('a')));
        String[][] cases = {
            {"0", "#\\null"}, {"1", "#\\x1"}, {"7", "#\\alarm"}, {"8", "#\\backspace"}, {"9", "#\\tab"},
            {"10", "#\\newline"}, {"11", "#\\vtab"}, {"12", "#\\page"}, {"13", "#\\return"}, {"14", "#\\xe"},
            {"27", "#\\escape"}, {"31", "#\\x1f"}, {"32", "#\\space"}, {"33", "#\\!"}, {"34", "#\\\""},
            {"92", "#\\\\"}, {"126", "#\\~"}, {"127", "#\\delete"}, {"128", "#\\x80"}, {"160", "#\\xa0"},
            {"255", "#\\xff"}, {"955", "#\\x3bb"}, {"65279", "#\\xfeff"}, {"128512", "#\\x1f600"},
            {"1114111", "#\\x10ffff"},
        };
        for (String[] c : cases) assertEquals(c[1], w(SChar.of(Integer.parseInt(c[0]))), c[0]);
        assertEquals("\u03bb", d(SChar.of(955)));
        assertEquals("\ud83d\ude00", d(SChar.of(0x1f600)));
    }

    @Test
    void symbolsWithoutBars() {
        for (String s : new String[] {"abc", "+", "-", "...", "+a", "-a", "+.a", "1+", "ABC", "aBc", "a#b",
                ":a", "a:b", "-nan.0", "->", "@", "@a", "a@", "1a", "-1a", ":", "a.b", ".a", "..", "~", "a!b",
                "a$b", "a%b", "a&b", "a*b", "a/b", "a<b", "a=b", "a>b", "a?b", "a^b", "a_b", "a#", "1/0", "+.",
                "+5a", "1.2.3", "1e", "e1", "##", "##a", "##1", "##:2", "###", "##car", "1_000", "inf", "1/2e3", "1.5/2", "1@", "1#.5", ".e5", "-."}) {
            assertEquals(s, w(sym(s)), s);
            assertEquals(s, d(sym(s)), s);
        }
    }

    @Test
    void symbolsWithBars() {
        String[][] cases = {
            {"Hello World", "|Hello World|"}, {"", "||"}, {"1", "|1|"}, {"1.5", "|1.5|"}, {".", "|.|"},
            {"a|b", "|a\\|b|"}, {"a\\b", "|a\\\\b|"}, {"a(b", "|a(b|"}, {"a)b", "|a)b|"}, {"a'b", "|a'b|"},
            {"a\"b", "|a\"b|"}, {"a;b", "|a;b|"}, {"#a", "|#a|"}, {"a,b", "|a,b|"}, {"a`b", "|a`b|"},
            {"a{b", "|a{b|"}, {"a[b", "|a[b|"}, {"a]b", "|a]b|"}, {"a}b", "|a}b|"}, {"a:", "|a:|"},
            {"#!eof", "|#!eof|"}, {"+inf.0", "|+inf.0|"}, {"-inf.0", "|-inf.0|"}, {"+nan.0", "|+nan.0|"},
            {"+INF.0", "|+INF.0|"}, {"+NaN.0", "|+NaN.0|"}, {"1/2", "|1/2|"}, {"#t", "|#t|"},
            {"a\tb", "|a\\tb|"}, {"a\nb", "|a\\nb|"}, {"1e5", "|1e5|"}, {"+1", "|+1|"}, {"+i", "|+i|"},
            {"-i", "|-i|"}, {"1+2i", "|1+2i|"}, {"#x10", "|#x10|"}, {"foo:", "|foo:|"}, {"::", "|::|"},
            {"#", "|#|"}, {"|", "|\\||"}, {"\u007f", "|\\x7f;|"}, {"\u03bbx", "|\\x3bb;x|"},
            {":a:", "|:a:|"}, {"#:a", "|#:a|"}, {"+inf.0i", "|+inf.0i|"}, {"1e400", "|1e400|"},
            {"1.", "|1.|"}, {".5", "|.5|"}, {"-.5e3", "|-.5e3|"}, {"1e+5", "|1e+5|"}, {"1E5", "|1E5|"},
            {"1d5", "|1d5|"}, {"1s5", "|1s5|"}, {"1f5", "|1f5|"}, {"1l5", "|1l5|"}, {"+1/2", "|+1/2|"},
            {"-2i", "|-2i|"}, {"2+i", "|2+i|"}, {"1@2", "|1@2|"}, {"1#", "|1#|"}, {"1##", "|1##|"},
            {"1+inf.0i", "|1+inf.0i|"}, {"+inf.0+i", "|+inf.0+i|"}, {"-0", "|-0|"}, {"00", "|00|"},
            {"0/5", "|0/5|"}, {"1e-5", "|1e-5|"}, {"1.e5", "|1.e5|"}, {"+.5", "|+.5|"}, {"a\0b", "|a\\x0;b|"},
            {"x\u0080", "|x\\x80;|"}, {"+nan.0i", "|+nan.0i|"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], w(sym(c[0])), c[0]);
            assertEquals(c[0], d(sym(c[0])), c[0]);
        }
    }

    @Test
    void uninternedSymbols() {
        assertEquals("#:g0", w(Symbol.uninterned("g0")));
        assertEquals("g0", d(Symbol.uninterned("g0")));
        assertEquals("#:foo1", w(Symbol.uninterned("foo1")));
        assertEquals("#:|Hello W|", w(Symbol.uninterned("Hello W")));
        // an uninterned quote is not an abbreviation
        assertEquals("(#:quote x)", w(list(Symbol.uninterned("quote"), sym("x"))));
        assertEquals("(quote x)", d(list(Symbol.uninterned("quote"), sym("x"))));
    }

    @Test
    void keywords() {
        assertEquals("foo:", w(Keyword.of("foo")));
        assertEquals("foo", d(Keyword.of("foo")));
        assertEquals("|Hello World|:", w(Keyword.of("Hello World")));
        assertEquals("Hello World", d(Keyword.of("Hello World")));
        assertEquals("||:", w(Keyword.of("")));
        assertEquals("1:", w(Keyword.of("1")));
        assertEquals("a::", w(Keyword.of("a:")));
        assertEquals("a:", d(Keyword.of("a:")));
        assertEquals("|#a|:", w(Keyword.of("#a")));
        assertEquals("|a b|:", w(Keyword.of("a b")));
        assertEquals("|a\\|b|:", w(Keyword.of("a|b")));
        assertEquals("1.5:", w(Keyword.of("1.5")));
        assertEquals(".:", w(Keyword.of(".")));
        assertEquals("::", w(Keyword.of(":")));
        assertEquals(":::", w(Keyword.of("::")));
        assertEquals("|a;|:", w(Keyword.of("a;")));
        assertEquals("A:", w(Keyword.of("A")));
        assertEquals("|\\x3bb;|:", w(Keyword.of("\u03bb")));
        assertEquals("##a:", w(Keyword.of("##a")));
        assertEquals("##:", w(Keyword.of("##")));
        assertEquals("###:", w(Keyword.of("###")));
        assertEquals("|#!a|:", w(Keyword.of("#!a")));
        assertEquals("|##(a|:", w(Keyword.of("##(a")));
        assertEquals("|##a:|", w(sym("##a:")));
    }

    @Test
    void specials() {
        both("#!void", Special.VOID);
        both("#!eof", Special.EOF);
        both("#!optional", Special.OPTIONAL);
        both("#!rest", Special.REST);
        both("#!key", Special.KEY);
        both("#!unbound", Special.UNBOUND);
        // gsi 4.9.3 cannot read #!default; later Gambits write the default object so
        both("#!default", Special.DEFAULT);
    }

    @Test
    void multipleValuesAreUnknown() {
        // gsi: (write (values 1 2)) and (write (values)) print #<unknown>
        both("#<unknown>", new Values(new Object[] {1L, 2L}));
        both("(1 #<unknown>)", list(1L, new Values(new Object[0])));
    }

    @Test
    void proceduresNumberedInPrintOrder() {
        Primitive car = Primitive.of1("car", true, (c, a) -> a);
        Procedure anon = proc(null);
        Procedure f = proc("f");
        assertEquals("#<procedure #2 car>", w(car));
        assertEquals("#<procedure #3>", w(anon));
        assertEquals("#<procedure #4 f>", d(f));
        assertEquals("(#<procedure #4 f> #<procedure #2 car>)", w(list(f, car)));
        assertEquals("#<procedure #5 |Hello World|>", w(proc("Hello World")));
    }

    @Test
    void records() {
        RecordType point = new RecordType("point", new String[] {"x", "y"});
        assertEquals("#<point #2 x: 1 y: 2>", w(new Record(point, new Object[] {1L, 2L})));
        // fields are written even by display
        assertEquals("#<point #3 x: \"a\" y: b>", d(new Record(point, new Object[] {str("a"), sym("b")})));
        RecordType thing = new RecordType("<thing>", new String[] {"a"});
        Record inner = new Record(thing, new Object[] {SChar.of('c')});
        Record outer = new Record(thing, new Object[] {inner});
        assertEquals("#<<thing> #4 a: #<<thing> #5 a: #\\c>>", d(outer));
        // display mode is back after the record
        assertEquals("(#<<thing> #5 a: #\\c> c)", d(list(inner, SChar.of('c'))));
        assertEquals("#<Empty #6>", w(new Record(new RecordType("Empty", new String[0]), new Object[0])));
        assertEquals("#<pt2 #7 x: 1 y: #f>", w(new Record(new RecordType("pt2", new String[] {"x", "y"}), new Object[] {1L, false})));
        assertEquals("#<type #8 point>", w(point));
    }

    @Test
    void conditions() {
        assertEquals("#<error-exception #2>", w(Condition.error("bad", List.of(1L, 2L))));
        assertEquals("#<type-exception #3>", d(Condition.typeError("car", 1, "PAIR", 1L).payload));
        assertEquals("#<range-exception #4>", w(Condition.rangeError("vector-ref", 2, 1L).payload));
        assertEquals("#<unbound-global-exception #5>", w(Condition.unboundGlobal(sym("h")).payload));
        assertEquals("#<wrong-number-of-arguments-exception #6>", w(Condition.wrongArgs(proc("f")).payload));
        assertEquals("#<nonprocedure-operator-exception #7>", w(Condition.nonProcedure(1L, 2L).payload));
        assertEquals("#<divide-by-zero-exception #8>", w(Condition.divideByZero("/", 1L, 0L).payload));
        assertEquals("#<datum-parsing-exception #9>", w(Condition.of(Condition.Kind.READ, "Datum expected").payload));
    }

    @Test
    void ports() {
        Serials v = new Serials();
        assertEquals("#<output-port #2 (stdout)>", Printer.write(OutputPort.of(new java.io.StringWriter(), "stdout"), v));
        assertEquals("#<input-port #3 (stdin)>", Printer.write(InputPort.of(new java.io.StringReader(""), "stdin"), v));
        assertEquals("#<output-port #4 (string)>", Printer.write(OutputPort.string(), v));
        assertEquals("#<input-port #5 (string)>", Printer.display(InputPort.ofString("abc"), v));
        assertEquals("#<input-port #6 \"/tmp/pr/a.scm\">", Printer.write(InputPort.of(new java.io.StringReader(""), "/tmp/pr/a.scm"), v));
        assertEquals("#<output-port #7 \"/tmp/out.txt\">", Printer.write(OutputPort.of(new java.io.StringWriter(), "/tmp/out.txt"), v));
        assertEquals("#<input-output-port #8 (console)>", Printer.write(OutputPort.of(new java.io.StringWriter(), "console"), v));
    }

    @Test
    void printableObjectsPrintThemselves() {
        Printable thread = (out, write, v) -> out.append("#<thread #").append(v.serial("t")).append(write ? " w>" : " d>");
        assertEquals("(#<thread #2 w>)", w(list(thread)));
        assertEquals("(#<thread #2 d>)", d(list(thread)));
    }

    @Test
    void foreignObjectsFallBack() {
        assertEquals("#<java StringBuilder>", w(new StringBuilder()));
        assertEquals("(#<java null>)", w(list((Object) null)));
    }

    @Test
    void limitStopsEarly() {
        Object big = Nil.NIL;
        for (int i = 0; i < 1000; i++) big = new Pair(1L, big);
        StringBuilder sb = new StringBuilder("xx");
        Printer.print(big, true, sb, vm, 10);
        assertTrue(sb.toString().startsWith("xx(1 1 1 1"), sb.toString());
        assertTrue(sb.length() < 20, sb.toString());
    }
}
