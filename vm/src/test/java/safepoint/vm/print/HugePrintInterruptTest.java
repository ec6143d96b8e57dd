package safepoint.vm.print;

import safepoint.vm.run.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.Machine;

/**
 * Ctrl-C stops the printing of a huge value: the digits of 2^20000000 (6 million of them) take
 * Java's toString most of a minute in one call, which nothing could stop before: then the digits
 * would be printed before the interrupt was taken. The interrupt is asked for again and again
 * until the evaluation ends, from the moment the program says it starts printing.
 */
class HugePrintInterruptTest {

    /**
     * Runs {@code (define x BIG) (display "go") (force-output) PRINT}: Ctrl-C is asked for only
     * once "go" is out, so it lands while x is printed, and nothing of x may be printed.
     */
    private static Outcome runInterrupted(String big, String print) throws Exception {
        StringWriter out = new StringWriter();
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), 0);
        Outcome[] result = new Outcome[1];
        String program = "(define x " + big + ") (display \"go\") (force-output) " + print;
        Thread t = new Thread(() -> result[0] = vm.load(program, "huge.ss"));
        t.start();
        while (t.isAlive() && !out.toString().equals("go")) t.join(5);
        while (t.isAlive()) {
            vm.interrupt();
            t.join(50);
        }
        assertEquals("go", out.toString(), "no digit printed");
        return result[0];
    }

    /** Printing {@code print} of the huge {@code big} ends with the interrupt, nothing of it printed. */
    private static void stopsOnCtrlC(String big, String print) throws Exception {
        Outcome o = runInterrupted(big, print);
        assertEquals(Outcome.Status.ERROR, o.status());
        assertTrue(o.errorText().contains("User interrupt"), o.errorText());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void displayOfAHugeBignumStopsOnCtrlC() throws Exception {
        stopsOnCtrlC("(expt 2 20000000)", "(display x)");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void numberToStringOfAHugeBignumStopsOnCtrlC() throws Exception {
        stopsOnCtrlC("(expt 3 12000000)", "(display (string-length (number->string x)))");
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
