package safepoint.vm.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.Machine;

/**
 * Ctrl-C stops the printing of a huge value: the digits of 2^100000000 (30 million of them) take
 * minutes in one Java call, so without a stoppable conversion this test would hit its timeout. The
 * interrupt is asked for again and again until the evaluation ends, so whenever it starts printing,
 * the end is the interrupt error, not a finished print.
 */
class HugePrintInterruptTest {

    private static Machine.Outcome runInterrupted(String program) throws Exception {
        StringWriter out = new StringWriter();
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), 0);
        Machine.Outcome[] result = new Machine.Outcome[1];
        Thread t = new Thread(() -> result[0] = vm.load(program, "huge.ss"));
        t.start();
        while (t.isAlive()) {
            vm.interrupt();
            t.join(50);
        }
        return result[0];
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void displayOfAHugeBignumStopsOnCtrlC() throws Exception {
        Machine.Outcome o = runInterrupted("(display (expt 2 100000000))");
        assertEquals(Machine.Status.ERROR, o.status());
        assertTrue(o.errorText().contains("User interrupt"), o.errorText());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void numberToStringOfAHugeBignumStopsOnCtrlC() throws Exception {
        Machine.Outcome o = runInterrupted("(string-length (number->string (expt 3 60000000)))");
        assertEquals(Machine.Status.ERROR, o.status());
        assertTrue(o.errorText().contains("User interrupt"), o.errorText());
    }

    @Test
    void bigDigitsAgreeWithJava() {
        java.math.BigInteger n = java.math.BigInteger.valueOf(7).pow(200_000).negate();
        safepoint.vm.data.Ctx none = null;
        assertEquals(n.toString(), BigDigits.toString(n, 10, none));
        StringWriter out = new StringWriter();
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), 0);
        vm.load("(display (- (expt 7 200000)))(display (number->string (expt 7 200000) 16))", "d.ss");
        assertEquals(n.toString() + n.negate().toString(16), out.toString());
    }
}
