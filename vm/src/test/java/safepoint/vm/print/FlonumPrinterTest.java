package safepoint.vm.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected texts checked against gsi 4.9.3's {@code (write x)}. */
class FlonumPrinterTest {
    static void is(String expected, double d) {
        assertEquals(expected, FlonumPrinter.format(d), Double.toString(d));
    }

    @Test
    void gambitLayout() {
        is(".5", .5);
        is("-.5", -.5);
        is("100.", 100.);
        is("0.", 0.);
        is("-0.", -0.);
        is("1.5", 1.5);
        is("123.456", 123.456);
        is(".1", .1);
        is(".30000000000000004", .1 + .2);
        is("+inf.0", Double.POSITIVE_INFINITY);
        is("-inf.0", Double.NEGATIVE_INFINITY);
        is("+nan.0", Double.NaN);
    }

    @Test
    void exponentFormAtOrAbove1e10() {
        is("1000000000.", 1e9);
        is("9999999999.5", 9999999999.5);
        is("9999999999.999998", 9999999999.999998);
        is("1234567890.1234567", 1234567890.1234567);
        is("1e10", 1e10);
        is("1.2e10", 1.2e10);
        is("1.2345678901e10", 12345678901.);
        is("1e20", 1e20);
        is("1e21", 1e21);
        is("1e22", 1e22);
        is("-1e21", -1e21);
        is("1.2345678901234567e19", 1.2345678901234567e19);
        is("1.2345678901234568e22", 12345678901234567890123.);
        is("1e100", 1e100);
        is("1.7976931348623157e308", Double.MAX_VALUE);
    }

    @Test
    void exponentFormBelow1e3() {
        is(".001", .001);
        is("-.001", -.001);
        is(".0012", .0012);
        is(".001234567", .001234567);
        is(".0025", .0025);
        is("1e-4", 1e-4);
        is("1.2e-4", .00012);
        is("9.9999e-4", .00099999);
        is("1e-7", 1e-7);
        is("-1e-7", -1e-7);
        is("1.5e-7", 1.5e-7);
        is("1.23e-5", 1.23e-5);
        is("1e-300", 1e-300);
        is("2.2250738585072014e-308", Double.MIN_NORMAL);
        is("5e-324", Double.MIN_VALUE);
    }

    @Test
    void shorterThanJavaToString() {
        // Java 17 prints 2.0E-3 as "0.002" but 1.0E23 as "1.0E23" and 2^-44 with extra digits
        is("1e23", 1e23);
        is("5.684341886080802e-14", Math.scalb(1.0, -44));
        is("9.007199254740992e15", 9007199254740992.);
    }

    @Test
    void powersOfTwoWhereTheNearestDecimalIsNotShortest() {
        // 2^-1017: the nearest 16-digit decimal falls outside the narrow lower half-interval, but
        // the one above still reads back; gsi prints the 16-digit form.
        is("7.120236347223045e-307", Math.scalb(1.0, -1017));
        is("5.858190679279809e-244", Double.parseDouble("5.8581906792798084e-244"));
    }

    @Test
    void matchesEveryLineGsiPrinted() throws IOException {
        InputStream in = getClass().getResourceAsStream("/print/flonums-gsi.txt");
        assertNotNull(in, "golden file");
        int checked = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith(";")) continue;
                String[] parts = line.split("\t");
                double d = Double.parseDouble(parts[0]);
                assertEquals(parts[1], FlonumPrinter.format(d), "input " + parts[0]);
                checked++;
            }
        }
        assertTrue(checked >= 300, "golden lines: " + checked);
    }
}
