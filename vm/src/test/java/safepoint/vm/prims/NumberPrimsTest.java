package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;
import safepoint.vm.CaseFile;

/**
 * Behaviour the gsi transcript cannot show: our 64-bit fixnums, errors where gsi answers with
 * a complex number, random numbers, and the primitives' arity shapes.
 */
class NumberPrimsTest {
    private final NumTestKit kit = new NumTestKit();

    private String run(String src) {
        return kit.run(src);
    }

    /** /cases/NumberPrimsTest.cases: each expression's values, each followed by a space, or "ERR: " and the error's text. */
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CaseFile.OfTestClass.class)
    void evaluatesAsShown(CaseFile.Section section) {
        for (CaseFile.Step s : section.steps()) {
            assertEquals(CaseFile.Expect.VALUE, s.expect(), s.where());
            String e = s.expected();
            assertEquals(e.startsWith("ERR: ") ? e + "\n" : e + " ", run(s.input()), s.where());
        }
    }

    @Test
    void aBignumDifferenceThatFitsIsAFixnum() {
        assertEquals(Long.class, kit.call("-", new BigInteger("9223372036854775808"), 1L).getClass());
    }

    @Test
    void variadicPlusCalledDirectly() {
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
}
