package safepoint.vm.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Number syntax; the expected values are what gsi 4.9.3 reads for the same text. */
class NumberParserTest {
    static String show(String text) {
        Object x = NumberParser.parse(text, 10);
        return x == null ? "#f" : Show.of(x);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        0                       | 0
        -0                      | 0
        +5                      | 5
        -42                     | -42
        007                     | 7
        9223372036854775807     | 9223372036854775807
        -9223372036854775808    | -9223372036854775808
        9223372036854775808     | 9223372036854775808N
        -9223372036854775809    | -9223372036854775809N
        123456789012345678901234567890 | 123456789012345678901234567890N
        1/3                     | 1/3
        4/2                     | 2
        -6/4                    | -3/2
        +1/2                    | 1/2
        0/5                     | 0
        1.5                     | 1.5d
        .5                      | 0.5d
        -.5                     | -0.5d
        +.5                     | 0.5d
        100.                    | 100.0d
        -0.0                    | -0.0d
        -0.                     | -0.0d
        1e10                    | 1.0E10d
        1.5e10                  | 1.5E10d
        1E5                     | 100000.0d
        1d5                     | 100000.0d
        1s5                     | 100000.0d
        1f5                     | 100000.0d
        1l5                     | 100000.0d
        1.5e+3                  | 1500.0d
        1.5E-3                  | 0.0015d
        123.456e-7              | 1.23456E-5d
        1e400                   | Infinityd
        1e-400                  | 0.0d
        4.9e-324                | 4.9E-324d
        1.7976931348623157e309  | Infinityd
        1#                      | 10.0d
        1#.#                    | 10.0d
        1.#                     | 1.0d
        12#/4                   | 30.0d
        +inf.0                  | Infinityd
        -inf.0                  | -Infinityd
        +nan.0                  | NaNd
        +Inf.0                  | Infinityd
        +NaN.0                  | NaNd
        #xFF                    | 255
        #XfF                    | 255
        #x-ff                   | -255
        #x+f                    | 15
        #x1e2                   | 482
        #xabc/de                | 458/37
        #x-8000000000000000     | -9223372036854775808
        #x10000000000000000     | 18446744073709551616N
        #b101                   | 5
        #b-1111111111111111111111111111111111111111111111111111111111111111 | -18446744073709551615N
        #o17                    | 15
        #o777                   | 511
        #d10                    | 10
        #d1e2                   | 100.0d
        #e1.5                   | 3/2
        #E1.5                   | 3/2
        #e-1.5                  | -3/2
        #e.5                    | 1/2
        #e1e20                  | 100000000000000000000N
        #e1.2e-3                | 3/2500
        #e-0.0                  | 0
        #e1#                    | 10
        #e1#.#                  | 10
        #e1/2                   | 1/2
        #x#e1                   | 1
        #e#x10                  | 16
        #i#x10                  | 16.0d
        #x#i10                  | 16.0d
        #i5                     | 5.0d
        #i-0                    | 0.0d
        #i1/3                   | 0.3333333333333333d
        #i1/0                   | Infinityd
        #i-1/0                  | -Infinityd
        #i0/0                   | NaNd
        #x1#                    | 16.0d
        """)
    void numbers(String text, String expected) {
        assertEquals(expected, show(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", ".", "..", "...", "1+", "i", "1+i+i", "1@", "@1", "1+2j", "1e-2i", "1.2.3", "1/0", "#e1/0",
        "1/-2", "1.5/2", "1/2e3", "1e", "1e+", "1e2.5", "1.5e", "+.e1", ".e1", "e1", "-nan.0", "+inf.1", "inf.0",
        "#x1.5", "#e+inf.0", "#x#x1", "#e#i1", "#b102", "#b-101.1", "#x1e+2", "1#.5", "#", "#e", "#x", "#q1",
        "abc", "1_000", "0x10", "+-1", "1:", "١٢"})
    void notNumbers(String text) {
        assertNull(NumberParser.parse(text, 10), text);
    }

    /** Complex syntax as gsi reads it, shown as gsi writes the number back. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        +i                      | +i
        -i                      | -i
        1+2i                    | 1+2i
        +1i                     | +i
        -2.5i                   | -2.5i
        1/2-3/4i                | 1/2-3/4i
        #d1.0+1.0i              | 1.+1.i
        #e1.5+2.5i              | 3/2+5/2i
        #i1+i                   | 1.+1.i
        #x1+ai                  | 1+10i
        1e2-1e-2i               | 100.-.01i
        +inf.0-inf.0i           | +inf.0-inf.0i
        3+0i                    | 3
        1@0                     | 1
        1@2                     | -.4161468365471424+.9092974268256817i
        """)
    void complexNumbers(String text, String written) {
        assertEquals(written, safepoint.vm.print.Printer.numberToString(NumberParser.parse(text, 10), 10));
    }

    @Test
    void defaultRadixIsUsedWithoutAPrefix() {
        assertEquals(255L, NumberParser.parse("ff", 16));
        assertEquals(482L, NumberParser.parse("1e2", 16));
        assertEquals(5L, NumberParser.parse("101", 2));
        assertEquals(10L, NumberParser.parse("#d10", 16));
        assertNull(NumberParser.parse("1.5", 16));
        assertNull(NumberParser.parse("2", 2));
        assertEquals(new BigInteger("ffffffffffffffffff", 16), NumberParser.parse("ffffffffffffffffff", 16));
    }

    @Test
    void exactDecimalsAreExact() {
        assertEquals(new BigInteger("15" + "0".repeat(399)), NumberParser.parse("#e1.5e400", 10));
        assertEquals("3/2" + "0".repeat(400), show("#e1.5e-400"));
    }

    @Test
    void ratiosToFlonumsRoundCorrectlyIncludingSubnormals() {
        BigInteger two1074 = BigInteger.TWO.pow(1074);
        assertEquals(Double.MIN_VALUE, NumberParser.parse("#i1/" + two1074, 10));
        assertEquals(0.0, NumberParser.parse("#i1/" + two1074.shiftLeft(1), 10));          // tie: to even, 0
        assertEquals(Double.MIN_VALUE, NumberParser.parse("#i3/" + two1074.shiftLeft(2), 10)); // 0.75 ulp
        assertEquals(2 * Double.MIN_VALUE, NumberParser.parse("#i3/" + two1074.shiftLeft(1), 10)); // tie 1.5: to 2
        assertEquals(Double.MAX_VALUE, NumberParser.parse("#i" + new java.math.BigDecimal(Double.MAX_VALUE).toBigInteger() + "/1", 10));
        assertEquals(Double.POSITIVE_INFINITY, NumberParser.parse("#i" + BigInteger.TWO.pow(1024) + "/1", 10));
        assertEquals(-0.1, NumberParser.parse("#i-1/10", 10));
        assertEquals(2.0 / 3.0, NumberParser.parse("#i2/3", 10));
    }

    @Test
    void infinitiesAndNanReadAsOneSharedObjectEachAsInGsi() {
        // gsi: (eq? +nan.0 +nan.0) and (eq? -inf.0 -inf.0) are #t for literals
        for (String t : new String[] {"+nan.0", "+inf.0", "-inf.0"}) {
            org.junit.jupiter.api.Assertions.assertSame(NumberParser.parse(t, 10), NumberParser.parse(t, 10), t);
        }
    }
}
