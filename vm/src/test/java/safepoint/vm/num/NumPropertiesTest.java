package safepoint.vm.num;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.SchemeError;

/** Exact arithmetic against a plain BigInteger-fraction reference, and conversion round trips. */
class NumPropertiesTest {

    /** Reference fraction n/d, d &gt; 0, not necessarily reduced. */
    record Frac(BigInteger n, BigInteger d) {
        static Frac of(Object x) {
            if (x instanceof Long l) return new Frac(BigInteger.valueOf(l), BigInteger.ONE);
            if (x instanceof BigInteger b) return new Frac(b, BigInteger.ONE);
            Ratnum r = (Ratnum) x;
            return new Frac(r.num, r.den);
        }

        boolean sameValue(Frac o) {
            return n.multiply(o.d).equals(o.n.multiply(d));
        }

        Frac add(Frac o) { return new Frac(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d)); }
        Frac sub(Frac o) { return new Frac(n.multiply(o.d).subtract(o.n.multiply(d)), d.multiply(o.d)); }
        Frac mul(Frac o) { return new Frac(n.multiply(o.n), d.multiply(o.d)); }
        Frac div(Frac o) {
            BigInteger nn = n.multiply(o.d), dd = d.multiply(o.n);
            return dd.signum() < 0 ? new Frac(nn.negate(), dd.negate()) : new Frac(nn, dd);
        }
    }

    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE), MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /** Integers clustered around 0 and the long boundaries, plus larger bignums. */
    @Provide
    Arbitrary<BigInteger> integers() {
        Arbitrary<BigInteger> near = Arbitraries.bigIntegers().between(BigInteger.valueOf(-3), BigInteger.valueOf(3));
        return Arbitraries.oneOf(
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.integers().between(-1000, 1000).map(BigInteger::valueOf),
                near.map(MAX::add), near.map(MIN::add), near.map(b -> MAX.negate().add(b)),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(130).negate(), BigInteger.TWO.pow(130)));
    }

    @Provide
    Arbitrary<Object> exacts() {
        Arbitrary<Object> ints = integers().map(Num::norm);
        Arbitrary<Object> ratios = integers().flatMap(n -> integers().filter(d -> d.signum() != 0)
                .map(d -> Num.ratio(n, d)));
        return Arbitraries.oneOf(ints, ratios);
    }

    @Provide
    Arbitrary<Object> exactIntegers() {
        return integers().map(Num::norm);
    }

    private static void assertNormalized(Object x) {
        if (x instanceof BigInteger b) assertTrue(b.bitLength() >= 64, "bignum in long range: " + b);
        else if (x instanceof Ratnum r) {
            assertTrue(r.den.compareTo(BigInteger.ONE) > 0, "denominator must exceed 1");
            assertEquals(BigInteger.ONE, r.num.gcd(r.den), "not in lowest terms");
        } else assertTrue(x instanceof Long, "unexpected " + x);
    }

    private static void assertSame(Frac expected, Object actual) {
        assertNormalized(actual);
        assertTrue(expected.sameValue(Frac.of(actual)), () -> expected + " vs " + actual);
    }

    @Property
    void addAgrees(@ForAll("exacts") Object a, @ForAll("exacts") Object b) {
        assertSame(Frac.of(a).add(Frac.of(b)), Num.add(a, b));
    }

    @Property
    void subAgrees(@ForAll("exacts") Object a, @ForAll("exacts") Object b) {
        assertSame(Frac.of(a).sub(Frac.of(b)), Num.sub(a, b));
    }

    @Property
    void mulAgrees(@ForAll("exacts") Object a, @ForAll("exacts") Object b) {
        assertSame(Frac.of(a).mul(Frac.of(b)), Num.mul(a, b));
    }

    @Property
    void divAgrees(@ForAll("exacts") Object a, @ForAll("exacts") Object b) {
        if (Num.isZero(b)) {
            try {
                Num.div(a, b);
                throw new AssertionError("no divide-by-zero");
            } catch (SchemeError e) {
                return;
            }
        }
        assertSame(Frac.of(a).div(Frac.of(b)), Num.div(a, b));
    }

    @Property
    void negateAgrees(@ForAll("exacts") Object a) {
        assertSame(Frac.of(0L).sub(Frac.of(a)), Num.negate(a));
    }

    @Property
    void compareAgrees(@ForAll("exacts") Object a, @ForAll("exacts") Object b) {
        Frac x = Frac.of(a), y = Frac.of(b);
        int expected = x.n.multiply(y.d).compareTo(y.n.multiply(x.d));
        assertEquals(expected, Num.compare(a, b));
        assertEquals(expected < 0, Num.lt(a, b));
        assertEquals(expected > 0, Num.gt(a, b));
        assertEquals(expected <= 0, Num.le(a, b));
        assertEquals(expected >= 0, Num.ge(a, b));
        assertEquals(expected == 0, Num.numEq(a, b));
    }

    @Property
    void integerDivisionAgrees(@ForAll("exactIntegers") Object a, @ForAll("exactIntegers") Object b) {
        BigInteger x = Frac.of(a).n, y = Frac.of(b).n;
        Assume.that(y.signum() != 0);
        BigInteger[] qr = x.divideAndRemainder(y);
        BigInteger mod = x.mod(y.abs());
        if (y.signum() < 0 && mod.signum() != 0) mod = mod.add(y);
        Object q = Num.quotient(a, b), r = Num.remainder(a, b), m = Num.modulo(a, b);
        assertNormalized(q);
        assertNormalized(r);
        assertNormalized(m);
        assertEquals(qr[0], Frac.of(q).n);
        assertEquals(qr[1], Frac.of(r).n);
        assertEquals(mod, Frac.of(m).n);
        Object fq = Num.intDiv(a, b, Num.FLOOR_Q, "floor-quotient");
        assertEquals(x.subtract(mod).divide(y), Frac.of(fq).n);
    }

    @Property
    void exactOfInexactRoundTrips(@ForAll double d) {
        Assume.that(Double.isFinite(d));
        Object e = Num.exact(d);
        assertNormalized(e);
        Frac f = Frac.of(e);
        BigDecimal exact = new BigDecimal(d);
        assertEquals(0, new BigDecimal(f.n).compareTo(exact.multiply(new BigDecimal(f.d))), "exact value");
        double back = (Double) Num.inexact(e);
        assertEquals(d == 0 ? 0.0 : d, back, 0.0);
        assertTrue(back == d);
    }

    /** toDouble picks the nearest double (ties to even) for ratios, including subnormals. */
    @Property
    void inexactIsCorrectlyRounded(@ForAll("exacts") Object a, @ForAll int scale) {
        Object x = Num.mul(a, Num.ratio(BigInteger.ONE, BigInteger.TWO.pow(Math.floorMod(scale, 1200))));
        double v = Num.toDouble(x);
        Assume.that(Double.isFinite(v));
        Frac f = Frac.of(x);
        Frac err = distance(f, v);
        assertTrue(compareFrac(err, distance(f, Math.nextUp(v))) <= 0, () -> x + " -> " + v);
        assertTrue(compareFrac(err, distance(f, Math.nextDown(v))) <= 0, () -> x + " -> " + v);
    }

    private static Frac distance(Frac f, double v) {
        if (!Double.isFinite(v)) return new Frac(BigInteger.TEN.pow(400), BigInteger.ONE);
        Frac d = f.sub(Frac.of(Num.exact(v)));
        return new Frac(d.n.abs(), d.d);
    }

    private static int compareFrac(Frac a, Frac b) {
        return a.n.multiply(b.d).compareTo(b.n.multiply(a.d));
    }

    @Property
    void mixedComparisonIsExact(@ForAll("exacts") Object a, @ForAll double d) {
        Assume.that(Double.isFinite(d));
        Frac x = Frac.of(a), y = Frac.of(Num.exact(d));
        assertEquals(Integer.signum(compareFrac(x, y)), Num.compare(a, d));
    }
}
