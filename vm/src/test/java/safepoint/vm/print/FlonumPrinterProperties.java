package safepoint.vm.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** FlonumPrinter reads back to the same double and is never longer than Java's Double.toString. */
class FlonumPrinterProperties {

    @Property(tries = 2000)
    void randomBitPatternsRoundTrip(@ForAll long bits) {
        check(Double.longBitsToDouble(bits));
    }

    @Property(tries = 1000)
    void niceDecimalsRoundTrip(@ForAll("niceDecimals") double d) {
        check(d);
    }

    @Provide
    Arbitrary<Double> niceDecimals() {
        return Arbitraries.longs().between(-99_999_999_999L, 99_999_999_999L)
                .flatMap(m -> Arbitraries.integers().between(-20, 25)
                        .map(e -> new BigDecimal(m).scaleByPowerOfTen(e).doubleValue()));
    }

    static void check(double d) {
        String s = FlonumPrinter.format(d);
        if (Double.isNaN(d)) {
            assertEquals("+nan.0", s);
            return;
        }
        if (Double.isInfinite(d)) {
            assertEquals(d > 0 ? "+inf.0" : "-inf.0", s);
            return;
        }
        assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Double.parseDouble(javaSyntax(s))), s);
        assertTrue(significantDigits(s) <= significantDigits(Double.toString(d)),
                s + " is longer than " + Double.toString(d));
    }

    /** Gambit's {@code .5}, {@code -.5} and {@code 100.} in a form Double.parseDouble takes. */
    static String javaSyntax(String s) {
        if (s.startsWith("-.")) s = "-0" + s.substring(1);
        else if (s.startsWith(".")) s = "0" + s;
        return s.endsWith(".") ? s + "0" : s;
    }

    static int significantDigits(String s) {
        String m = s.replace("-", "").split("[eE]")[0].replace(".", "");
        m = m.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(m.length(), 1);
    }
}
