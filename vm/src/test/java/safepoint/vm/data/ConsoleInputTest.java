package safepoint.vm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console's buffer: reads that never wait, the REPL's lines, and giving back a read that must wait. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsoleInputTest {
    @Test
    void linesEndAtLfCrOrCrLfAsInBufferedReaderAndThePortReadsWhatFollows() throws Exception {
        ConsoleInput c = new ConsoleInput(new StringReader("a\r\nb\rc\nlast"));
        assertEquals("a", c.readLine());
        assertEquals("b", c.readLine());
        assertEquals('c', c.take(), "the LF after a CR belongs to that line's end, not to the next reader");
        assertEquals('\n', c.take());
        assertEquals("last", c.readLine());
        assertNull(c.readLine());
        assertEquals(-1, c.take());
        assertTrue(c.ready(), "at the end of input a read does not wait");
    }

    @Test
    void nothingYetIsNoneNotTheEndAndComesWhenTheReaderThreadHasIt() throws Exception {
        Feed in = new Feed();
        ConsoleInput c = new ConsoleInput(in);
        CountDownLatch came = new CountDownLatch(1);
        c.onInput(came::countDown);
        assertEquals(ConsoleInput.NONE, c.take());
        assertFalse(c.ready());
        in.give("x");
        came.await();
        assertEquals('x', c.take());
        assertEquals(ConsoleInput.NONE, c.take());
        in.end();
    }

    @Test
    void aPortReadThatMustWaitGivesItsCharactersBackAndKeepsItsPosition() {
        Feed in = new Feed();
        in.give("ab");
        InputPort p = InputPort.of(in, "stdin");
        p.mark();
        assertEquals('a', p.read());
        assertEquals('b', p.read());
        assertThrows(InputPort.NotReady.class, p::read);
        p.rollback();
        assertEquals(1, p.column(), "the position is the one before the read");
        assertEquals('a', p.read(), "the characters are there again, in order");
        assertEquals('b', p.peek());
        in.end();
    }
}
