package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SVector;

/** A million elements, and deep nesting, must not overflow the Java stack. */
class LongListTest extends PrimTest {
    static final int N = 1_000_000;

    Object iota() {
        return call("iota", (long) N);
    }

    @Test
    void lengthReverseAppend() {
        Object l = iota();
        assertEquals((long) N, call("length", l));
        Object r = call("reverse", l);
        assertEquals((long) N - 1, ((Pair) r).car);
        Object a = call("append", l, r);
        assertEquals(2L * N, call("length", a));
        assertEquals(0L, call("list-ref", a, (long) N * 2 - 1));
        assertEquals(true, call("list?", a));
        assertEquals((long) N, call("length", call("list-copy", l)));
        assertEquals((long) N, call("length", call("reverse!", call("list-copy", l))));
    }

    @Test
    void listVectorRoundTrip() {
        Object l = iota();
        SVector v = (SVector) call("list->vector", l);
        assertEquals(N, v.items.length);
        assertEquals(12345L, v.items[12345]);
        assertTrue(Equality.equal(l, call("vector->list", v)));
    }

    @Test
    void equalOnLongAndDeepData() {
        assertTrue(Equality.equal(iota(), iota()));
        Object a = iota(), b = iota();
        Pair p = (Pair) call("list-tail", b, (long) N - 1);
        p.car = -1L;
        assertFalse(Equality.equal(a, b));
        // nested in the car direction: ((((...))))
        Object x = Nil.NIL, y = Nil.NIL;
        for (int i = 0; i < N; i++) {
            x = new Pair(x, Nil.NIL);
            y = new Pair(y, Nil.NIL);
        }
        assertTrue(Equality.equal(x, y));
        assertTrue(SchemeTable.hash(x, SchemeTable.Test.EQUAL) == SchemeTable.hash(y, SchemeTable.Test.EQUAL));
    }

    @Test
    void membership() {
        Object l = iota();
        assertEquals((long) N - 1, ((Pair) call("memv", (long) N - 1, l)).car);
        assertEquals(false, call("member", -1L, l));
    }
}
