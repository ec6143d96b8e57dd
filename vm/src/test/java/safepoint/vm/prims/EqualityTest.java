package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.Record;
import safepoint.vm.data.RecordType;
import safepoint.vm.data.SChar;

/** eq?, eqv?, equal? as gsi 4.9.3 answers them. */
class EqualityTest extends PrimTest {
    @Test
    void eq() {
        assertTrue(Equality.eq(Long.valueOf(100000), Long.valueOf(100000)), "fixnums are immediates");
        assertTrue(Equality.eq(SChar.of(0x3BB), SChar.of(0x3BB)), "chars are immediates");
        assertTrue(Equality.eq(Nil.NIL, Nil.NIL));
        assertFalse(Equality.eq(Double.valueOf(1.5), Double.valueOf(1.5)), "flonums are boxed in gsi");
        assertFalse(Equality.eq(s(""), s("")));
        assertFalse(Equality.eq(1L, 1.0));
    }

    @Test
    void eqvOnNumbers() {
        assertTrue(Equality.eqv(Double.NaN, Double.NaN));
        assertFalse(Equality.eqv(0.0, -0.0));
        assertFalse(Equality.eqv(2L, 2.0));
        assertTrue(Equality.eqv(new BigInteger("100000000000000000000"), new BigInteger("100000000000000000000")));
        assertTrue(Equality.eqv(new Ratnum(BigInteger.ONE, BigInteger.TWO), new Ratnum(BigInteger.ONE, BigInteger.TWO)));
        assertFalse(Equality.eqv(s(""), s("")));
        assertTrue(Equality.eqv(1.5, 1.5));
    }

    @Test
    void equalOnStructures() {
        assertTrue(Equality.equal(s("ab"), s("ab")));
        assertFalse(Equality.equal(s("a"), sym("a")));
        assertTrue(Equality.equal(vec(1L, list(s("x"))), vec(1L, list(s("x")))));
        assertFalse(Equality.equal(vec(1L), vec(1L, 2L)));
        assertTrue(Equality.equal(new Bytevector(new byte[] {1, 2}), new Bytevector(new byte[] {1, 2})));
        assertTrue(Equality.equal(new Box(list(1L)), new Box(list(1L))));
        assertFalse(Equality.equal(2L, 2.0));
        assertTrue(Equality.equal(Double.NaN, Double.NaN));
        RecordType point = new RecordType("point", new String[] {"x", "y"});
        assertTrue(Equality.equal(new Record(point, new Object[] {1L, 2L}), new Record(point, new Object[] {1L, 2L})));
        assertFalse(Equality.equal(new Record(point, new Object[] {1L, 2L}), new Record(point, new Object[] {1L, 3L})));
        assertTrue(Equality.equal(cons(1L, cons(2L, 3L)), cons(1L, cons(2L, 3L))));
        assertFalse(Equality.equal(cons(1L, cons(2L, 3L)), cons(1L, cons(2L, 4L))));
        assertFalse(Equality.equal(list(1L, 2L), list(1L, 2L, 3L)));
    }

    @Test
    void primitivesAgree() {
        assertEquals(true, call("eq?", 5L, 5L));
        assertEquals(false, call("eqv?", 0.0, -0.0));
        assertEquals(true, call("equal?", list(s("a")), list(s("a"))));
    }

    @Property(tries = 200)
    void equalIsReflexiveOnNestedLists(@ForAll int seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        Object a = randomDatum(r, 4), b = copy(a);
        assertTrue(Equality.equal(a, b));
        assertEquals(SchemeTable.hash(a, SchemeTable.Test.EQUAL), SchemeTable.hash(b, SchemeTable.Test.EQUAL));
    }

    private static Object randomDatum(java.util.SplittableRandom r, int depth) {
        int k = depth == 0 ? r.nextInt(4) : r.nextInt(7);
        return switch (k) {
            case 0 -> (long) r.nextInt(-5, 5);
            case 1 -> s(Integer.toString(r.nextInt(100)));
            case 2 -> r.nextInt(3) == 0 ? Double.NaN : (double) r.nextInt(10) / 4;
            case 3 -> sym("s" + r.nextInt(5));
            case 4 -> cons(randomDatum(r, depth - 1), randomDatum(r, depth - 1));
            case 5 -> vec(randomDatum(r, depth - 1), randomDatum(r, depth - 1));
            default -> new Box(randomDatum(r, depth - 1));
        };
    }

    private static Object copy(Object o) {
        if (o instanceof safepoint.vm.data.Pair p) return cons(copy(p.car), copy(p.cdr));
        if (o instanceof safepoint.vm.data.SVector v) return vec(copy(v.items[0]), copy(v.items[1]));
        if (o instanceof Box b) return new Box(copy(b.value));
        if (o instanceof safepoint.vm.data.MString m) return s(m.toString());
        if (o instanceof Double d) return Double.valueOf(d.doubleValue());
        if (o instanceof Long l) return Long.valueOf(l.longValue() + 0);
        return o;
    }
}
