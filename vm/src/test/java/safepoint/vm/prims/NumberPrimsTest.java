package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Behaviour the gsi transcript cannot show: our 64-bit fixnums, errors where gsi answers with
 * a complex number, random numbers, and the primitives' arity shapes.
 */
class NumberPrimsTest {
    private final NumTestKit kit = new NumTestKit();

    private String run(String src) {
        return kit.run(src);
    }

    @Test
    void fixnumOverflowAtTheLongBoundary() {
        // gsi's text for the same error at its 62-bit boundary is "FIXNUM overflow\n(fx+ ...)".
        assertEquals("ERR: FIXNUM overflow\n(fx+ 9223372036854775807 1)\n", run("(fx+ 9223372036854775807 1)"));
        assertEquals("ERR: FIXNUM overflow\n(fx* 4294967296 4294967296)\n", run("(fx* 4294967296 4294967296)"));
        assertEquals("ERR: FIXNUM overflow\n(fx- -9223372036854775808)\n", run("(fx- -9223372036854775808)"));
        assertEquals("ERR: FIXNUM overflow\n(fxabs -9223372036854775808)\n", run("(fxabs -9223372036854775808)"));
        assertEquals("ERR: FIXNUM overflow\n(fxarithmetic-shift 1 63)\n", run("(fxarithmetic-shift 1 63)"));
        assertEquals("4611686018427387904 ", run("(fxarithmetic-shift 1 62)"));
        assertEquals("9223372036854775807 ", run("(fx+ 9223372036854775806 1)"));
        assertEquals("ERR: (Argument 1) FIXNUM expected\n(fx+ 9223372036854775808 1)\n", run("(fx+ 9223372036854775808 1)"));
    }

    @Test
    void complexResultsRaiseAClearError() {
        // gsi: (sqrt -4) => +2i, (sqrt -4.) => +2.i, (log -1) => +3.141592653589793i
        assertEquals("ERR: Complex numbers are not supported; result would be complex: (sqrt -4)\n", run("(sqrt -4)"));
        assertEquals("ERR: Complex numbers are not supported; result would be complex: (sqrt -4.)\n", run("(sqrt -4.)"));
        assertEquals("ERR: Complex numbers are not supported; result would be complex: (log -1)\n", run("(log -1)"));
        assertEquals("ERR: Complex numbers are not supported; result would be complex: (expt -8 1/3)\n", run("(expt -8 1/3)"));
        assertEquals("ERR: Complex numbers are not supported; result would be complex: (asin 2)\n", run("(asin 2)"));
    }

    @Test
    void hugeResultsAreHeapOverflowNotAJavaError() {
        // gsi: (arithmetic-shift 1 (expt 2 70)) => "Heap overflow"
        assertEquals("ERR: Heap overflow\n", run("(arithmetic-shift 1 (expt 2 70))"));
        assertEquals("ERR: Heap overflow\n", run("(expt 3 (expt 10 30))"));
        assertEquals("ERR: Heap overflow\n", run("(expt 3 1000000000)"));
    }

    @Test
    void bignumArithmeticAcrossTheLongBoundary() {
        assertEquals("9223372036854775808 ", run("(- -9223372036854775808)"));
        assertEquals("-9223372036854775808 ", run("(- (- -9223372036854775808))"));
        assertEquals("9223372036854775808 ", run("(quotient -9223372036854775808 -1)"));
        assertEquals("0 ", run("(remainder -9223372036854775808 -1)"));
        assertEquals("0 ", run("(modulo -9223372036854775808 -1)"));
        assertEquals("85070591730234615847396907784232501249 ", run("(* 9223372036854775807 9223372036854775807)"));
        assertEquals("-9223372036854775808 ", run("(* -4294967296 2147483648)"));
        assertEquals("9223372036854775807 ", run("(- (expt 2 63) 1)"));
        assertEquals(Long.class, kit.call("-", new BigInteger("9223372036854775808"), 1L).getClass());
    }

    @Test
    void variadicShapes() {
        assertEquals("ERR: Wrong number of arguments passed to procedure\n(-)\n", run("(-)"));
        assertEquals("ERR: Wrong number of arguments passed to procedure\n(/)\n", run("(/)"));
        assertEquals("10 ", run("(+ 1 2 3 4)"));
        assertEquals("-8 ", run("(- 1 2 3 4)"));
        assertEquals("24 ", run("(* 1 2 3 4)"));
        assertEquals("1/24 ", run("(/ 1 2 3 4)"));
        assertEquals("#t ", run("(= 1 1 1 1)"));
        assertEquals("ERR: (Argument 4) NUMBER expected\n(+ 1 2 3 'x)\n", run("(+ 1 2 3 'x)"));
        assertEquals("ERR: Divide by zero\n(/ 1 2 0 4)\n", run("(/ 1 2 0 4)"));
        assertEquals("+inf.0 ", run("(/ 1 2 0. 4)"));
        assertEquals("3 ", kit.callN("+", 1L, 2L));
    }

    @Test
    void randomIntegerStaysInRange() {
        BigInteger big = BigInteger.TEN.pow(30);
        for (int i = 0; i < 200; i++) {
            Object r = kit.call("random-integer", big);
            BigInteger v = r instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) r;
            assertTrue(v.signum() >= 0 && v.compareTo(big) < 0, v::toString);
            if (r instanceof BigInteger) assertTrue(v.bitLength() >= 64, "normalized");
            long s = (Long) kit.call("random-integer", 7L);
            assertTrue(s >= 0 && s < 7);
            double d = (Double) kit.call("random-real");
            assertTrue(d > 0 && d < 1);
        }
        assertEquals("0 ", run("(random-integer 1)"));
    }

    @Test
    void randomIntegerCoversSmallRanges() {
        boolean[] seen = new boolean[5];
        for (int i = 0; i < 200; i++) seen[(int) (long) (Long) kit.call("random-integer", 5L)] = true;
        for (boolean b : seen) assertTrue(b);
    }

    @Test
    void numberToStringAndBack() {
        assertEquals("\"-7fffffffffffffff\" ", run("(number->string -9223372036854775807 16)"));
        assertEquals("\"-1000000000000000000000000000000000000000000000000000000000000000\" ",
                run("(number->string -9223372036854775808 2)"));
        assertEquals("-9223372036854775808 ", run("(string->number \"-8000000000000000\" 16)"));
        assertEquals("18446744073709551616 ", run("(string->number \"10000000000000000\" 16)"));
    }
}
