package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.OutputPort;
import safepoint.vm.data.Special;

/** String ports and the current ports; printed values are strings and chars only (the printer is another item's). */
class PortPrimsTest extends PrimTest {
    @Test
    void outputGoesToTheCurrentPortByDefault() {
        call("write-char", ch('a'));
        call("write-string", s("bcd"));
        call("newline");
        call("write-string", s("abc"), c.out, 1L, 2L);
        call("write-substring", s("abc"), 2L, 3L);
        assertEquals("abcd\nbc", c.out.contents());
        assertSame(c.out, call("current-output-port"));
        assertSame(c.err, call("current-error-port"));
        assertSame(c.in, call("current-input-port"));
    }

    @Test
    void stringOutputPortsResetOnGet() {
        OutputPort p = (OutputPort) call("open-output-string");
        call("display", s("ab"), p);
        call("write-char", ch('c'), p);
        assertEq(s("abc"), call("get-output-string", p));
        call("display", s("d"), p);
        assertEq(s("d"), call("get-output-string", p)); // gsi resets
        typeErr("String OUTPUT PORT", 1, "get-output-string", 1L);
        typeErr("String OUTPUT PORT", 1, "get-output-string", OutputPort.of(new java.io.StringWriter(), "stdout"));
    }

    @Test
    void portTypeErrorsUseGsiNames() {
        InputPort in = InputPort.ofString("");
        typeErr("Object OUTPUT PORT", 2, "write", 1L, 5L);
        typeErr("Character OUTPUT PORT", 2, "display", 1L, 5L);
        typeErr("Character OUTPUT PORT", 2, "display", s("a"), in);
        typeErr("Object OUTPUT PORT", 1, "newline", 5L);
        typeErr("CHARACTER", 1, "write-char", 1L);
        typeErr("Character OUTPUT PORT", 2, "write-char", ch('a'), 1L);
        typeErr("STRING", 1, "write-string", 1L);
        typeErr("Character OUTPUT PORT", 2, "write-string", s("a"), 5L);
        typeErr("Character INPUT PORT", 1, "read-char", 1L);
        typeErr("Character INPUT PORT", 1, "peek-char", OutputPort.string());
        typeErr("Character INPUT PORT", 1, "read-line", 5L);
        typeErr("Object INPUT PORT", 1, "read", 1L);
        typeErr("Object OUTPUT PORT", 1, "force-output", 1L);
        typeErr("Object OUTPUT PORT", 1, "flush-output-port", 1L);
        typeErr("STRING or port settings", 1, "open-input-string", 1L);
        typeErr("INPUT PORT", 1, "close-input-port", OutputPort.string());
        typeErr("OUTPUT PORT", 1, "close-output-port", in);
        typeErr("Exact INTEGER", 1, "read-string", in, 2L);
        rangeErr(1, "read-string", -1L, in);
    }

    @Test
    void closePortTypeErrorNamesThePortType() {
        // gsi: (Argument 1) Instance of #<type #2 port> expected; #n is the type's serial number
        long n = c.vm.serial(TypeDescriptor.PORT);
        typeErr("Instance of #<type #" + n + " port>", 1, "close-port", 5L);
    }

    @Test
    void readingChars() {
        InputPort p = (InputPort) call("open-input-string", s("abc"));
        assertEquals(ch('a'), call("read-char", p));
        assertEquals(ch('b'), call("read-char", p));
        assertEquals(ch('c'), call("peek-char", p));
        assertEquals(ch('c'), call("read-char", p));
        assertSame(Special.EOF, call("read-char", p));
        assertSame(Special.EOF, call("peek-char", p));
        assertEquals(true, call("char-ready?", p));
        c.in = InputPort.ofString("z");
        assertEquals(ch('z'), call("read-char"));
        assertSame(Special.EOF, call("read-char", call("open-input-string")));
    }

    @Test
    void readLineAndReadString() {
        assertEq(s("ab"), call("read-line", InputPort.ofString("ab\ncd")));
        assertSame(Special.EOF, call("read-line", InputPort.ofString("")));
        assertEq(s("ab\rcd"), call("read-line", InputPort.ofString("ab\rcd")));
        assertEq(s("ab"), call("read-line", InputPort.ofString("abXcd"), ch('X')));
        assertEq(s("abX"), call("read-line", InputPort.ofString("abXcd"), ch('X'), true));
        assertEq(s("ab"), call("read-line", InputPort.ofString("abcdef"), ch('\n'), false, 2L));
        assertEq(s("abc"), call("read-line", InputPort.ofString("abc"), 1L));
        InputPort p = InputPort.ofString("ab\ncd");
        call("read-line", p);
        assertEq(s("cd"), call("read-line", p));
        assertSame(Special.EOF, call("read-line", p));
        assertEq(s("ab"), call("read-string", 2L, InputPort.ofString("abc")));
        assertEq(s("abc"), call("read-string", 5L, InputPort.ofString("abc")));
        assertSame(Special.EOF, call("read-string", 5L, InputPort.ofString("")));
        assertSame(Special.EOF, call("read-string", 0L, InputPort.ofString("abc"))); // as gsi
    }

    @Test
    void predicatesAndEof() {
        assertSame(Special.EOF, call("eof-object"));
        assertEquals(true, call("eof-object?", Special.EOF));
        assertEquals(false, call("eof-object?", Special.VOID));
        assertEquals(true, call("input-port?", c.in));
        assertEquals(false, call("output-port?", c.in));
        assertEquals(true, call("output-port?", c.out));
        assertEquals(false, call("port?", 1L));
        assertEquals(true, call("textual-port?", c.out));
        assertSame(Special.VOID, call("close-port", InputPort.ofString("")));
        assertSame(Special.VOID, call("flush-output-port"));
        assertSame(Special.VOID, call("force-output"));
        arityErr("eof-object", 1L);
    }
}
