package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Reader;
import java.io.Writer;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import safepoint.vm.Machine;

/** The editor's parser: the VM's reader decides complete, incomplete (go on typing) or malformed (report now). */
class SchemeParserTest {
    static final Machine VM = new Machine(Writer.nullWriter(), Writer.nullWriter(), Reader.nullReader(), 0);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "(+ 1 2) => COMPLETE",
        "(+ 1 2) (* 3 4) => COMPLETE",
        "42 => COMPLETE",
        "`\"a (string\"` => COMPLETE",
        "(list #\\( #\\)) => COMPLETE",
        "`(+ 1 ; a comment (\\n 2)` => COMPLETE",
        "`(+ 1 #| ( [ |# 2)` => COMPLETE",
        "(+ 1 #;(unfinished 2) 3) => COMPLETE",
        "[1 2] => COMPLETE",
        "( => INCOMPLETE",
        "(define (f x) => INCOMPLETE",
        "[1 2 => INCOMPLETE",
        "{a b => INCOMPLETE",
        "`\"open string` => INCOMPLETE",
        "(list #\\( => INCOMPLETE",
        "(a #; => INCOMPLETE",
        "(list 'x ' => INCOMPLETE",
        "(a #| open comment => INCOMPLETE",
        "(a ; ) => INCOMPLETE",
        "' => INCOMPLETE",
        "(1 . 2 3) => MALFORMED",
        "(1 2] => MALFORMED",
        "[1 2) => MALFORMED",
        ") => MALFORMED",
    })
    void theReaderDecides(String text, SchemeParser.Shape shape) {
        assertEquals(shape, SchemeParser.shapeOf(VM, text.replace("\\n", "\n")));
    }

    @Test
    void incompleteInputContinuesIndentedByItsOpenBrackets() {
        SchemeParser p = new SchemeParser(t -> SchemeParser.shapeOf(VM, t));
        EOFError e = assertThrows(EOFError.class, () -> p.parse("(define (f x) [let", 18, ParseContext.ACCEPT_LINE));
        assertEquals(2, e.getOpenBrackets());
        assertEquals("]", e.getNextClosingBracket());
        p.parse("(1 2]", 5, ParseContext.ACCEPT_LINE); // malformed: accepted, the REPL reports it
        p.parse(",why (", 6, ParseContext.ACCEPT_LINE); // a command is one line, never Scheme
        p.parse("(unfinished", 11, ParseContext.COMPLETE); // completion never waits for more
    }

    @Test
    void wordsSplitAtSchemeDelimitersAndCommandsAtSpaces() {
        SchemeParser.Words w = SchemeParser.words("(string-app", 11);
        assertEquals("string-app", w.word());
        assertEquals(10, w.wordCursor());
        assertEquals("", SchemeParser.words("(car (", 6).word());
        assertEquals(":std/so", SchemeParser.words("(import :std/so", 15).word());
        SchemeParser.Words c = SchemeParser.words(",why wor", 8);
        assertEquals(1, c.wordIndex());
        assertEquals("wor", c.word());
    }
}
