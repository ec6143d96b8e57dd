package safepoint.vm.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/** Each syntax item, checked against what gsi 4.9.3 reads (Gerbil's brackets aside). */
class ReaderTest {
    static Object read(String text) {
        return new Reader(InputPort.ofString(text), "t.scm", new SourceMap()).read();
    }

    static String show(String text) {
        return Show.of(read(text));
    }

    static List<String> showAll(String text) {
        Reader r = new Reader(InputPort.ofString(text), "t.scm", new SourceMap());
        List<String> out = new ArrayList<>();
        for (Object x = r.read(); x != Special.EOF; x = r.read()) out.add(Show.of(x));
        return out;
    }

    @Test
    void listsAndDottedPairs() {
        assertEquals("(a b c)", show("(a b c)"));
        assertEquals("()", show("()"));
        assertEquals("(a . b)", show("(a . b)"));
        assertEquals("(a b . c)", show("(a b . c)"));
        assertEquals("(a b)", show("(a .(b))"));
        assertEquals("((a) (b (c)))", show("((a) (b (c)))"));
        assertEquals("(a.b)", show("(a.b)"));
        assertEquals("(a .. b)", show("(a .. b)"));
        assertEquals("(a 0.5d)", show("(a .5)"));
    }

    @Test
    void leadingDotIsTheDotSymbolAsInGsi() {
        Pair p = (Pair) read("(. a)");
        assertSame(Symbol.of("."), p.car);
        assertEquals("(. a)", Show.of(p));
    }

    @Test
    void gerbilBracketsAndBraces() {
        assertEquals("(@list a b)", show("[a b]"));
        assertEquals("(@list)", show("[]"));
        assertEquals("(@method m obj)", show("{m obj}"));
        assertEquals("(f (@list 1 (@method x y)))", show("(f [1 {x y}])"));
        assertEquals("(@list a . b)", show("[a . b]"));
    }

    @Test
    void vectorsAndBytevectors() {
        assertEquals("#(1 a \"s\")", show("#(1 a \"s\")"));
        assertEquals("#()", show("#()"));
        assertEquals("#(#(1) (2))", show("#(#(1) (2))"));
        assertEquals("#u8(1 2 255)", show("#u8(1 2 255)"));
        assertEquals("#u8()", show("#u8()"));
        assertEquals("#u8(16 0)", show("#u8(#x10 0)"));
    }

    @Test
    void stringsAndEscapes() {
        assertEquals("\"abc\"", show("\"abc\""));
        assertEquals("\"\\u000a\\u0009\\u000d\\u0007\\u0008\\\\\\\"\"", show("\"\\n\\t\\r\\a\\b\\\\\\\"\""));
        assertEquals("\"aAb\"", show("\"a\\x41;b\""));
        assertEquals("\u03bb", ((MString) read("\"\\x3bb;\"")).toString());
        assertEquals("\"\\u0000\"", show("\"\\x;\""));
        assertEquals("\"A\"", show("\"\\u0041\""));
        assertEquals("\"A\"", show("\"\\U00000041\""));
        assertEquals("\"\\u000b\\u000c?'| \"", show("\"\\v\\f\\?\\'\\|\\ \""));
        assertEquals("\"S4\"", show("\"\\1234\""));
        assertEquals("\"?7\"", show("\"\\777\""));
        assertEquals("\"\\u0000\"", show("\"\\0\""));
        assertEquals("\"multi\\u000aline\"", show("\"multi\nline\""));
        assertEquals("\"\\ud83d\\ude00\"", show("\"\\x1F600;\""));
    }

    @Test
    void lineContinuationSkipsTheNextLinesIndent() {
        assertEquals("\"abcd\"", show("\"ab\\\n     cd\""));
        assertEquals("\"ab\"", show("\"a\\\n\t  b\""));
        assertEquals("\"ab\"", show("\"a\\\r\n  b\""));
        assertEquals("\"\"", show("\"\\\n\""));
    }

    @Test
    void characters() {
        assertEquals(SChar.of('a'), read("#\\a"));
        assertEquals(SChar.of('A'), read("#\\A"));
        assertEquals(SChar.of(' '), read("#\\space"));
        assertEquals(SChar.of('\n'), read("#\\newline"));
        assertEquals(SChar.of('\n'), read("#\\linefeed"));
        assertEquals(SChar.of('\t'), read("#\\tab"));
        assertEquals(SChar.of(0), read("#\\nul"));
        assertEquals(SChar.of(0), read("#\\null"));
        assertEquals(SChar.of('\r'), read("#\\return"));
        assertEquals(SChar.of(7), read("#\\alarm"));
        assertEquals(SChar.of(8), read("#\\backspace"));
        assertEquals(SChar.of(127), read("#\\delete"));
        assertEquals(SChar.of(27), read("#\\escape"));
        assertEquals(SChar.of(27), read("#\\altmode"));
        assertEquals(SChar.of(11), read("#\\vtab"));
        assertEquals(SChar.of(12), read("#\\page"));
        assertEquals(SChar.of('A'), read("#\\x41"));
        assertEquals(SChar.of(0x3bb), read("#\\x3bb"));
        assertEquals(SChar.of('x'), read("#\\x"));
        assertEquals(SChar.of('\n'), read("#\\xa"));
        assertEquals(SChar.of('A'), read("#\\u0041"));
        assertEquals(SChar.of('A'), read("#\\U00000041"));
        assertEquals(SChar.of('u'), read("#\\u"));
        assertEquals(SChar.of('('), read("#\\("));
        assertEquals(SChar.of(')'), read("#\\)"));
        assertEquals(SChar.of(';'), read("#\\;"));
        assertEquals(SChar.of(' '), read("#\\ "));
        assertEquals(SChar.of(0x3bb), read("#\\\u03bb"));
        assertEquals(SChar.of(0x1F600), read("#\\\ud83d\ude00"));
        assertEquals(List.of("#\\U+61", "(b)"), showAll("#\\a(b)"));
        assertEquals(List.of("#\\U+41"), showAll("#\\x41; comment"));
    }

    @Test
    void booleans() {
        assertEquals(Boolean.TRUE, read("#t"));
        assertEquals(Boolean.FALSE, read("#f"));
        assertEquals(Boolean.TRUE, read("#true"));
        assertEquals(Boolean.FALSE, read("#false"));
        assertEquals(Boolean.TRUE, read("#T"));
        assertEquals(List.of("(#t (a))"), showAll("(#t(a))"));
    }

    @Test
    void numbersInsideData() {
        assertEquals("(1 -2 1/3 1.5E10d 0.5d -0.5d 100.0d 12345678901234567890N)",
                show("(1 -2 1/3 1.5e10 .5 -.5 100. 12345678901234567890)"));
        assertEquals("(255 5 15 3/2 Infinityd -Infinityd NaNd)", show("(#xff #b101 #o17 #e1.5 +inf.0 -inf.0 +nan.0)"));
    }

    @Test
    void symbolsThatLookAlmostLikeNumbers() {
        assertEquals("(1.2.3 + - ... 1+ 1/0 -nan.0 1e +.e1 +i)", show("(1.2.3 + - ... 1+ 1/0 -nan.0 1e +.e1 +i)"));
        assertTrue(read("1.2.3") instanceof Symbol);
        assertTrue(read("1/0") instanceof Symbol);
    }

    @Test
    void symbolsAreCaseSensitiveAndDelimited() {
        assertEquals(List.of("FOO", "Foo", "foo"), showAll("FOO Foo foo"));
        assertEquals("(a (quote b))", show("(a'b)"));
        assertEquals("(a \"b\" (c))", show("(a\"b\"(c))"));
        assertEquals("(a#b x->y <=?)", show("(a#b x->y <=?)"));
        assertEquals(List.of("a", "b c", "d"), showAll("a|b c|d"));
    }

    @Test
    void barSymbolsWithEscapes() {
        assertEquals(Symbol.of("sym with space"), read("|sym with space|"));
        assertEquals(Symbol.of("aAb"), read("|a\\x41;b|"));
        assertEquals(Symbol.of("a|b"), read("|a\\|b|"));
        assertEquals(Symbol.of("a\tb"), read("|a\\tb|"));
        assertEquals(Symbol.of(""), read("||"));
        assertEquals(Symbol.of("a:"), read("|a:|"));
        assertEquals(Symbol.of("12"), read("|12|"));
    }

    @Test
    void keywordsHaveATrailingColon() {
        assertSame(Keyword.of("key"), read("key:"));
        assertSame(Keyword.of("ABC"), read("ABC:"));
        assertSame(Keyword.of(":"), read("::"));
        assertSame(Keyword.of("foo:"), read("foo::"));
        assertSame(Keyword.of("1"), read("1:"));
        assertSame(Symbol.of(":"), read(":"));
        assertSame(Symbol.of(":foo"), read(":foo"));
        assertSame(Symbol.of("a:b"), read("a:b"));
    }

    @Test
    void specials() {
        assertEquals(List.of("#!void", "#!default", "#!optional", "#!rest", "#!key", "#!unbound"),
                showAll("#!void #!default #!optional #!rest #!key #!unbound"));
        // #!eof reads as the very object read returns at end of input, as in gsi.
        Reader r = new Reader(InputPort.ofString("#!eof x"), "t.scm", new SourceMap());
        assertSame(Special.EOF, r.read());
        assertFalse(r.atEnd());
        assertSame(Symbol.of("x"), r.read());
        assertSame(Special.EOF, r.read());
        assertTrue(r.atEnd());
        assertEquals("(#!eof)", show("(#!eof)"));
        assertEquals("(a #!optional b #!key c)", show("(a #!optional b #!key c)"));
    }

    @Test
    void quoteFamily() {
        assertEquals("(quote x)", show("'x"));
        assertEquals("(quasiquote (a (unquote b) (unquote-splicing c)))", show("`(a ,b ,@c)"));
        assertEquals("(quote (quote x))", show("''x"));
        assertEquals("(quote ())", show("'()"));
        assertEquals("(unquote @x)", show(", @x"));
    }

    @Test
    void boxes() {
        assertEquals("#&5", show("#&5"));
        assertEquals("#&(a b)", show("#&(a b)"));
        assertEquals("(quote #&#&x)", show("'#&#&x"));
    }

    @Test
    void comments() {
        assertEquals(List.of("a", "b"), showAll("a ; comment (\nb ;"));
        assertEquals(List.of("(a b)"), showAll("(a #| block ) |# b)"));
        assertEquals(List.of("x"), showAll("#| outer #| inner |# still |# x"));
        assertEquals(List.of("x"), showAll("#|#|a|#|# x #||#"));
        assertEquals(List.of("(a c)"), showAll("(a #;b c)"));
        assertEquals(List.of("(a c)"), showAll("(a #;(b (c d)) c)"));
        assertEquals(List.of("c"), showAll("#;#;a b c"));
        assertEquals(List.of("(a . c)"), showAll("(a . #;b c)"));
        assertEquals(List.of("(a . b)"), showAll("(a . ;c\n b)"));
        assertEquals(List.of(), showAll("#;a"));
        assertEquals(List.of("#(1 3)"), showAll("#(1 #;2 3)"));
    }

    @Test
    void readsSuccessiveDatumsThenEof() {
        Reader r = new Reader(InputPort.ofString(" 1 (2)  \"three\" "), "t.scm", new SourceMap());
        assertEquals(1L, r.read());
        assertEquals("(2)", Show.of(r.read()));
        assertEquals("\"three\"", Show.of(r.read()));
        assertSame(Special.EOF, r.read());
        assertSame(Special.EOF, r.read());
    }

    @Test
    void emptyInputIsEof() {
        assertSame(Special.EOF, read(""));
        assertSame(Special.EOF, read("   ; only a comment"));
        assertSame(Nil.NIL, read("()"));
    }
}
