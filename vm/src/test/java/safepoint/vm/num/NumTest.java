package safepoint.vm.num;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Symbol;

/** The binary API the interpreter calls directly; expected values checked against gsi 4.9.3. */
class NumTest {
    private static final Symbol A = Symbol.of("a");

    private static Condition error(Runnable r) {
        return (Condition) assertThrows(SchemeError.class, r::run).payload;
    }

    @Test
    void fastPathsOverflowToBignums() {
        assertEquals(new BigInteger("9223372036854775808"), Num.add(Long.MAX_VALUE, 1L));
        assertEquals(new BigInteger("-9223372036854775809"), Num.sub(Long.MIN_VALUE, 1L));
        assertEquals(new BigInteger("18446744073709551616"), Num.mul(4294967296L, 4294967296L));
        assertEquals(Long.MIN_VALUE, Num.mul(-4294967296L, 2147483648L));
        assertEquals(0L, Num.sub(new BigInteger("18446744073709551616"), new BigInteger("18446744073709551616")));
        assertEquals(2.5, Num.add(1.0, 1.5));
    }

    @Test
    void gambitExactZeroRules() {
        assertEquals(0L, Num.mul(0L, 1.5));               // (* 0 1.5) => 0
        assertEquals(0L, Num.mul(Double.NaN, 0L));        // (* +nan.0 0) => 0
        assertEquals(-0.0, Num.add(-0.0, 0L));            // (+ -0. 0) => -0.
        assertEquals(-0.0, Num.sub(0L, 0.0));             // (- 0 0.) => -0.
        assertEquals(-0.0, Num.div(0L, -1.5));            // (/ 0 -1.5) => -0.
        assertEquals(Double.POSITIVE_INFINITY, Num.div(1L, 0.0));
    }

    @Test
    void binaryErrorsNameTheCall() {
        Condition c = error(() -> Num.add(1L, A));        // (+ 1 'a): (Argument 2) NUMBER expected
        assertEquals(Condition.Kind.TYPE, c.kind);
        assertEquals("+", c.proc);
        assertEquals(2, c.argIndex);
        assertEquals("NUMBER expected", c.message);
        assertEquals(List.of(1L, A), c.args);
        assertEquals(1, error(() -> Num.lt(A, 1L)).argIndex);   // (< 'a 1): Argument 1 REAL
        assertEquals("REAL expected", error(() -> Num.lt(1L, A)).message);
        assertEquals(1, error(() -> Num.gt(1L, A)).argIndex);   // (> 1 'a): gsi says Argument 1
        assertEquals(2, error(() -> Num.gt(A, 1L)).argIndex);   // (> 'a 1): Argument 2
        assertEquals(2, error(() -> Num.le(A, 1L)).argIndex);   // (<= 'a 1): Argument 2
        assertEquals(2, error(() -> Num.ge(1L, A)).argIndex);
        assertEquals("NUMBER expected", error(() -> Num.numEq(1L, A)).message);
        Condition z = error(() -> Num.div(1L, 0L));              // (/ 1 0): Divide by zero
        assertEquals(Condition.Kind.DIVIDE_BY_ZERO, z.kind);
        assertEquals("/", z.proc);
        assertEquals(Condition.Kind.DIVIDE_BY_ZERO, error(() -> Num.div(1.5, 0L)).kind);
        assertEquals(Condition.Kind.DIVIDE_BY_ZERO, error(() -> Num.quotient(1L, 0L)).kind);
        assertEquals("INTEGER expected", error(() -> Num.remainder(1.5, 2L)).message);
        assertEquals("-", error(() -> Num.negate(A)).proc);
    }

    @Test
    void comparisons() {
        assertFalse(Num.numEq(new Ratnum(BigInteger.ONE, BigInteger.valueOf(3)), 1.0 / 3));
        assertTrue(Num.numEq(1L, 1.0));
        assertTrue(Num.lt(Long.MAX_VALUE, 9.223372036854775807e18)); // 2^63 - 1 < 2^63 exactly
        assertEquals(Num.UNORDERED, Num.compare(1L, Double.NaN));
        assertFalse(Num.le(Double.NaN, Double.NaN));
        assertTrue(Num.le(-0.0, 0L));
        assertTrue(Num.gt(Double.POSITIVE_INFINITY, BigInteger.TWO.pow(2000)));
    }

    @Test
    void exactnessConversions() {
        assertEquals(new Ratnum(BigInteger.valueOf(3602879701896397L), BigInteger.valueOf(36028797018963968L)),
                Num.exact(0.1));                                     // (exact .1)
        assertEquals(0L, Num.exact(-0.0));
        assertEquals(Condition.Kind.RANGE, error(() -> Num.exact(Double.POSITIVE_INFINITY)).kind);
        assertEquals("inexact->exact", error(() -> Num.exact(Double.NaN, "inexact->exact")).proc);
        assertEquals(1.0 / 3, Num.inexact(new Ratnum(BigInteger.ONE, BigInteger.valueOf(3))));
        assertEquals(Double.POSITIVE_INFINITY, Num.toDouble(BigInteger.TEN.pow(400)));
        assertEquals(0.0, Num.toDouble(Num.ratio(BigInteger.ONE, BigInteger.TEN.pow(400))));
        assertEquals(Double.MIN_VALUE, Num.toDouble(Num.ratio(BigInteger.ONE, BigInteger.TWO.pow(1074))));
        assertEquals(0.0, Num.toDouble(Num.ratio(BigInteger.ONE, BigInteger.TWO.pow(1075)))); // tie to even: 0
        assertEquals(Double.MIN_VALUE, Num.toDouble(Num.ratio(BigInteger.valueOf(3), BigInteger.TWO.pow(1076))));
    }

    @Test
    void predicates() {
        assertTrue(Num.isInteger(2.0));
        assertFalse(Num.isInteger(Double.POSITIVE_INFINITY));
        assertFalse(Num.isRational(Double.NaN));
        assertTrue(Num.isExact(new Ratnum(BigInteger.ONE, BigInteger.TWO)));
        assertEquals("exact?", error(() -> Num.isExact(A)).proc);
        assertTrue(Num.isZero(-0.0));
        assertFalse(Num.isNumber(A));
        assertTrue(Num.isExactInteger(BigInteger.TWO.pow(70)));
    }

    @Test
    void radixText() {
        assertEquals("ff", Num.toString(255L, 16));
        assertEquals("-a/3", Num.toString(new Ratnum(BigInteger.valueOf(-10), BigInteger.valueOf(3)), 16));
        assertEquals("10000000000000000000000000", Num.toString(BigInteger.TWO.pow(100), 16));
    }

    @Test
    void truncateOfASmallNonzeroFlonumIsPositiveZeroAsInGsi() {
        // gsi: (map truncate '(-.4 -.9 -0. 0. .3 -1.5 -1e-300)) => (0. 0. -0. 0. 0. -1. 0.)
        double[] in = {-0.4, -0.9, -0.0, 0.0, 0.3, -1.5, -1e-300};
        double[] out = {0.0, 0.0, -0.0, 0.0, 0.0, -1.0, 0.0};
        for (int i = 0; i < in.length; i++) {
            assertEquals(out[i], Rounding.round(in[i], Rounding.TRUNCATE, "truncate"), "truncate " + in[i]);
        }
        assertEquals(-0.0, Rounding.round(-0.4, Rounding.CEILING, "ceiling")); // ceiling keeps -0.
        assertEquals(-0.0, Rounding.round(-0.4, Rounding.ROUND, "round"));     // round keeps -0.
    }
}
