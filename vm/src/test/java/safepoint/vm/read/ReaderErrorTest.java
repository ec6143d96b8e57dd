package safepoint.vm.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Condition;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Special;
import safepoint.vm.data.Src;

/**
 * Read errors: every expected message and position below is what gsi 4.9.3 printed for the same
 * text loaded from a file ({@code *** ERROR IN "c.scm"@line.col -- message}).
 */
class ReaderErrorTest {
    /** Reads every datum of text; returns the error raised, failing if there is none. */
    static SchemeError fail(String text) {
        Reader r = new Reader(InputPort.ofString(text), "c.scm", new SourceMap());
        // Not "until EOF": #!eof reads as the EOF object itself; past the end read keeps returning it.
        return assertThrows(SchemeError.class, () -> {
            for (int i = 0; i < 5; i++) r.read();
        });
    }

    static String describe(SchemeError e) {
        Condition c = (Condition) e.payload;
        assertSame(Condition.Kind.READ, c.kind);
        return e.where + " -- " + c.message;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        ~(a b~                       | @1.1 -- Incomplete form, EOF reached
        ~(a (b~                      | @1.4 -- Incomplete form, EOF reached
        ~(a (b)\n~                   | @1.1 -- Incomplete form, EOF reached
        ~\n  )~                      | @2.3 -- Datum or EOF expected
        ~ #!eof)~                    | @1.7 -- Datum or EOF expected
        ~ #!foo~                     | @1.2 -- Invalid '#!' name: "foo"
        ~ #!~                        | @1.2 -- Invalid '#!' name: ""
        ~#\\foo~                     | @1.1 -- Invalid '#\\' name: "foo"
        ~#\\(a~                      | @1.1 -- Invalid '#\\' name: "(a"
        ~#q~                         | @1.1 -- Invalid token
        ~#x1.5~                      | @1.1 -- Invalid token
        ~#e+inf.0~                   | @1.1 -- Invalid token
        ~#e1/0~                      | @1.1 -- Invalid token
        ~#t#f~                       | @1.1 -- Invalid token
        ~#tx~                        | @1.1 -- Invalid token
        ~"abc~                       | @1.1 -- Incomplete form, EOF reached
        ~|abc~                       | @1.1 -- Incomplete form, EOF reached
        ~  #| x~                     | @1.3 -- Incomplete form, EOF reached
        ~(a . )~                     | @1.6 -- Datum expected
        ~(a . b c)~                  | @1.1 -- Incomplete form
        ~(a . b . c)~                | @1.8 -- Improperly placed dot
        ~#(a . b)~                   | @1.5 -- Improperly placed dot
        ~#u8(256)~                   | @1.5 -- Unsigned 8 bit exact integer expected
        ~#u8((1))~                   | @1.5 -- Unsigned 8 bit exact integer expected
        ~"\\q"~                      | @1.1 -- Invalid escaped character: #\\q
        ~"\\\t"~                     | @1.1 -- Invalid escaped character: #\\tab
        ~(a ]~                       | @1.1 -- Incomplete form
        ~[a )~                       | @1.1 -- Incomplete form
        ~#(1 ]~                      | @1.1 -- Incomplete form
        ~'~                          | @1.2 -- Datum expected
        ~(a '~                       | @1.5 -- Datum expected
        ~(a ')~                      | @1.5 -- Datum expected
        ~(a #;)~                     | @1.6 -- Datum expected
        ~#&~                         | @1.3 -- Datum expected
        ~(a .~                       | @1.5 -- Datum expected
        ~.~                          | @1.1 -- Improperly placed dot
        ~#\\x110000~                 | @1.1 -- Character out of range
        ~#\\xd800~                   | @1.1 -- Character out of range
        ~"\\x41"~                    | @1.1 -- Invalid hexadecimal escape
        ~"\\x110000;"~               | @1.1 -- Character out of range
        ~#\\~                        | @1.1 -- Incomplete form, EOF reached
        ~\n\n   (a\n (b c)\n   "x~   | @5.4 -- Incomplete form, EOF reached
        """)
    void messagesAndPositionsMatchGsi(String text, String expected) {
        String unescaped = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
        assertEquals("\"c.scm\"" + expected.replace("\\\\", "\\"), describe(fail(unescaped)));
    }

    @Test
    void whereIsASrc() {
        SchemeError e = fail("(list 1\n  (2");
        assertEquals(new Src("c.scm", 2, 3), e.where);
        assertEquals("Incomplete form, EOF reached", e.getMessage());
    }

    @Test
    void defaultIsAcceptedThoughGsi493RejectsIt() {
        assertSame(Special.DEFAULT, new Reader(InputPort.ofString("#!default"), "c.scm", new SourceMap()).read());
    }

    @Test
    void backslashInASymbolIsGambitsInfixEscape() {
        assertEquals("Invalid infix syntax", fail("a\\b").getMessage());
    }

    @Test
    void errorsBeforeTheBadTokenStillReadNormally() {
        Reader r = new Reader(InputPort.ofString("ok )"), "c.scm", new SourceMap());
        assertEquals("ok", Show.of(r.read()));
        assertThrows(SchemeError.class, r::read);
    }
}
