package safepoint.vm.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;
import safepoint.vm.CaseFile;
import safepoint.vm.data.Condition;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SchemeError;
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

    /** /cases/ReaderTest.cases: each input read to its end, each datum shown on a line of its own. */
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CaseFile.OfTestClass.class)
    void readsAsShown(CaseFile.Section section) {
        for (CaseFile.Step s : section.steps()) {
            assertEquals(CaseFile.Expect.VALUE, s.expect(), s.where());
            assertEquals(s.expected(), String.join("\n", showAll(s.input())), s.where());
        }
    }

    @Test
    void leadingDotIsTheDotSymbolAsInGsi() {
        Pair p = (Pair) read("(. a)");
        assertSame(Symbol.of("."), p.car);
        assertEquals("(. a)", Show.of(p));
    }

    @Test
    void stringsAndEscapes() {
        assertEquals("\u03bb", ((MString) read("\"\\x3bb;\"")).toString());
    }

    @Test
    void lineContinuationSkipsTheNextLinesIndent() {
        assertEquals("\"ab\"", show("\"a\\\r\n  b\""));
    }

    @Test
    void hereStringsAreTheLinesBeforeTheTagLineAsGsiReadsThem() {
        assertEquals("hello \"x\"\n  world", text("#<<END\nhello \"x\"\n  world\nEND\n"));
        assertEquals(List.of("(list \"ab\" 1)"), showAll("(list #<<EOF\nab\nEOF\n 1)"));
        assertEquals("", text("#<<EOF\nEOF\n"));
        // The tag is the whole rest of the line, blanks too; a line merely starting with it is text.
        assertEquals("ab\nEE\nE ", text("#<<E\nab\nEE\nE \nE\n"));
        assertEquals("ab", text("#<<EOF  x\nab\nEOF  x\n"));
    }

    static String text(String source) {
        return ((MString) read(source)).toString();
    }

    @Test
    void aHereStringNeedsItsTagLineEndedByANewline() {
        for (String text : List.of("#<<EOF\nab", "#<<EOF\nab\nEOF", "#<<EOF")) {
            SchemeError e = assertThrows(SchemeError.class, () -> read(text));
            assertEquals("Incomplete form, EOF reached", ((Condition) e.payload).message, text);
        }
        SchemeError e = assertThrows(SchemeError.class, () -> read("#<x"));
        assertEquals("Invalid token", ((Condition) e.payload).message);
    }

    @Test
    void homogeneousVectorLiteralsCheckTheirElementsWithGsisWords() {
        assertEquals("#s8(1 -2)", show("#s8(1 -2)"));
        assertEquals("#u64(18446744073709551615N)", show("#u64(18446744073709551615)")); // Show marks bignums with N
        for (String[] bad : new String[][] {{"#s8(200)", "Signed 8 bit exact integer expected"},
                {"#f64(1)", "Inexact real expected"}, {"#u16(-1)", "Unsigned 16 bit exact integer expected"}}) {
            SchemeError e = assertThrows(SchemeError.class, () -> read(bad[0]));
            assertEquals(bad[1], ((Condition) e.payload).message, bad[0]);
        }
    }

    @Test
    void characters() {
        assertEquals(SChar.of(' '), read("#\\ "));
    }

    @Test
    void symbolsThatLookAlmostLikeNumbers() {
        assertTrue(read("1.2.3") instanceof Symbol);
        assertTrue(read("1/0") instanceof Symbol);
    }

    @Test
    void barSymbolsAndKeywordsReadAsTheInternedObjects() {
        // |...| makes a symbol of anything, escapes included; a trailing colon makes a keyword.
        Object[][] cases = {
            {"|sym with space|", Symbol.of("sym with space")}, {"|a\\x41;b|", Symbol.of("aAb")},
            {"|a\\|b|", Symbol.of("a|b")}, {"|a\\tb|", Symbol.of("a\tb")}, {"||", Symbol.of("")},
            {"|a:|", Symbol.of("a:")}, {"|12|", Symbol.of("12")},
            {"key:", Keyword.of("key")}, {"ABC:", Keyword.of("ABC")}, {"::", Keyword.of(":")},
            {"foo::", Keyword.of("foo:")}, {"1:", Keyword.of("1")},
            {":", Symbol.of(":")}, {":foo", Symbol.of(":foo")}, {"a:b", Symbol.of("a:b")},
        };
        for (Object[] c : cases) assertSame(c[1], read((String) c[0]), (String) c[0]);
    }

    @Test
    void specials() {
        // #!eof reads as the very object read returns at end of input, as in gsi.
        Reader r = new Reader(InputPort.ofString("#!eof x"), "t.scm", new SourceMap());
        assertSame(Special.EOF, r.read());
        assertFalse(r.atEnd());
        assertSame(Symbol.of("x"), r.read());
        assertSame(Special.EOF, r.read());
        assertTrue(r.atEnd());
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
