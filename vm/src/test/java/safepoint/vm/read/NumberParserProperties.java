package safepoint.vm.read;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Positive;

/** NumberParser reads back what Java prints, and keeps the numeric tower's normal forms. */
class NumberParserProperties {
    @Property
    boolean longsRoundTrip(@ForAll long n) {
        return Long.valueOf(n).equals(NumberParser.parse(Long.toString(n), 10));
    }

    @Property
    boolean longsRoundTripInEveryRadix(@ForAll long n, @ForAll("radixes") int radix) {
        return Long.valueOf(n).equals(NumberParser.parse(Long.toString(n, radix), radix));
    }

    @Property
    boolean bigIntegersRoundTripAndNormalize(@ForAll("bigIntegers") BigInteger b) {
        Object x = NumberParser.parse(b.toString(), 10);
        return b.bitLength() < 64 ? Long.valueOf(b.longValue()).equals(x) : b.equals(x);
    }

    @Property
    boolean doublesRoundTrip(@ForAll("finiteDoubles") double d) {
        return Double.valueOf(d).equals(NumberParser.parse(Double.toString(d), 10));
    }

    @Property
    boolean doublesRoundTripWithTheirExactValue(@ForAll("finiteDoubles") double d) {
        // new BigDecimal(d) is the double's exact binary value: #i of it must give d back.
        String exact = new BigDecimal(d).toPlainString();
        return Double.valueOf(d == 0 ? 0.0 : d).equals(NumberParser.parse("#i" + exact, 10));
    }

    @Property
    boolean ratiosAreInLowestTerms(@ForAll long n, @ForAll @Positive long d) {
        Object x = NumberParser.parse(n + "/" + d, 10);
        BigInteger bn = BigInteger.valueOf(n);
        BigInteger bd = BigInteger.valueOf(d);
        BigInteger g = bn.gcd(bd);
        if (bd.divide(g).equals(BigInteger.ONE)) return Long.valueOf(n / d).equals(x);
        safepoint.vm.data.Ratnum r = (safepoint.vm.data.Ratnum) x;
        return r.num.gcd(r.den).equals(BigInteger.ONE) && r.den.signum() > 0
                && r.num.multiply(bd).equals(bn.multiply(r.den));
    }

    @Property
    boolean inexactRatiosRoundToNearest(@ForAll("bigIntegers") BigInteger n,
                                        @ForAll @BigRange(min = "1", max = "1000000000000000000000000000000") BigInteger d) {
        Object x = NumberParser.parse("#i" + n + "/" + d, 10);
        double expected = new BigDecimal(n).divide(new BigDecimal(d), new MathContext(200)).doubleValue();
        return Double.valueOf(expected).equals(x) || (expected == 0 && x.equals(0.0));
    }

    @Provide
    Arbitrary<Integer> radixes() {
        return Arbitraries.of(2, 8, 10, 16);
    }

    @Provide
    Arbitrary<BigInteger> bigIntegers() {
        return Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40));
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble)
                .filter(d -> !d.isNaN() && !d.isInfinite());
        return Arbitraries.oneOf(anyBits, Arbitraries.doubles());
    }
}
