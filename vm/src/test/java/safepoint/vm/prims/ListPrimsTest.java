package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.Special;

/** Lists, with expected values and error texts taken from gsi 4.9.3. */
class ListPrimsTest extends PrimTest {
    @Test
    void pairsAndAccessors() {
        Object l = list(1L, list(2L, 3L), 4L);
        assertEquals(1L, call("car", l));
        assertEq(list(2L, 3L), call("cadr", l));
        assertEquals(2L, call("caadr", l));
        assertEquals(3L, call("cadr", call("cadr", l)));
        assertEquals(sym("x"), call("cdar", list(cons(1L, sym("x")))));
        assertEquals(4L, call("caddr", l));
        assertEq(list(4L), call("cddr", l));
        assertEquals(Nil.NIL, call("cdddr", l));
        assertEq(cons(1L, 2L), call("cons", 1L, 2L));
        Pair p = cons(1L, 2L);
        assertSame(Special.VOID, call("set-car!", p, 9L));
        call("set-cdr!", p, Nil.NIL);
        assertEq(list(9L), p);
        assertEquals(30, PRIMS.byName.keySet().stream().filter(n -> n.matches("c[ad]+r")).count());
    }

    @Test
    void accessorErrorsNameTheWholeCall() {
        typeErr("PAIR", 1, "car", 1L);
        typeErr("PAIR", 1, "cdr", Nil.NIL);
        typeErr("PAIR", 1, "cadr", list(1L));
        typeErr("PAIR", 1, "caddr", list(1L, 2L));
        typeErr("PAIR", 1, "set-car!", 1L, 2L);
    }

    @Test
    void predicates() {
        assertEquals(true, call("list?", list(1L)));
        assertEquals(false, call("list?", cons(1L, 2L)));
        Pair cyc = cons(1L, Nil.NIL);
        cyc.cdr = cons(2L, cyc);
        assertEquals(false, call("list?", cyc));
        assertEquals(true, call("null?", Nil.NIL));
        assertEquals(false, call("pair?", Nil.NIL));
    }

    @Test
    void constructors() {
        assertEquals(Nil.NIL, call("list"));
        assertEq(list(1L, 2L, 3L), call("cons*", 1L, 2L, list(3L)));
        assertEquals(1L, call("cons*", 1L));
        arityErr("cons*");
        assertEq(list(0L, 0L, 0L), call("make-list", 3L));
        assertEq(list(sym("x"), sym("x")), call("make-list", 2L, sym("x")));
        rangeErr(1, "make-list", -1L);
        typeErr("Exact INTEGER", 1, "make-list", sym("a"));
    }

    @Test
    void length() {
        assertEquals(0L, call("length", Nil.NIL));
        assertEquals(3L, call("length", list(1L, 2L, 3L)));
        typeErr("LIST", 1, "length", cons(1L, cons(2L, 3L)));
        typeErr("LIST", 1, "length", 5L);
        Pair cyc = cons(1L, Nil.NIL);
        cyc.cdr = cyc;
        typeErr("LIST", 1, "length", cyc); // gsi loops; we report it
    }

    @Test
    void append() {
        assertEquals(Nil.NIL, call("append"));
        assertEquals(5L, call("append", 5L));
        assertEq(list(1L), call("append", Nil.NIL, Nil.NIL, list(1L), Nil.NIL));
        assertEq(cons(1L, cons(2L, 3L)), call("append", list(1L), list(2L), 3L));
        assertEq(cons(1L, sym("a")), call("append", list(1L), sym("a")));
        typeErr("LIST", 2, "append", list(1L), 2L, list(3L));
        typeErr("LIST", 1, "append", cons(1L, 2L), list(3L));
        Object last = list(3L);
        assertSame(last, ((Pair) ((Pair) call("append", list(1L, 2L), last)).cdr).cdr, "last list is shared");
    }

    @Test
    void reverse() {
        assertEq(list(3L, 2L, 1L), call("reverse", list(1L, 2L, 3L)));
        typeErr("LIST", 1, "reverse", cons(1L, cons(2L, 3L)));
        typeErr("LIST", 1, "reverse", 3L);
        assertEq(list(3L, 2L, 1L), call("reverse!", list(1L, 2L, 3L)));
        typeErr("LIST", 1, "reverse!", cons(1L, 2L));
    }

    @Test
    void tailsAndRefs() {
        Object l = list(1L, 2L);
        assertEquals(Nil.NIL, call("list-tail", l, 2L));
        typeErr("PAIR", 1, "list-tail", l, 3L);
        rangeErr(2, "list-tail", l, -1L);
        rangeErr(2, "list-tail", l, new BigInteger("100000000000000000000"));
        typeErr("Exact INTEGER", 2, "list-tail", l, sym("a"));
        assertEquals(2L, call("list-ref", l, 1L));
        typeErr("PAIR", 1, "list-ref", l, 2L);
        typeErr("Exact INTEGER", 2, "list-ref", l, 1.0);
        rangeErr(2, "list-ref", l, -1L);
        Object m = list(1L, 2L);
        call("list-set!", m, 1L, sym("a"));
        assertEq(list(1L, sym("a")), m);
        typeErr("PAIR", 1, "list-set!", list(1L, 2L), 2L, sym("x"));
        typeErr("Exact INTEGER", 2, "list-set!", list(1L), sym("a"), 1L);
        assertEq(cons(2L, 3L), call("last-pair", cons(1L, cons(2L, 3L))));
        typeErr("PAIR", 1, "last-pair", Nil.NIL);
    }

    @Test
    void listCopyKeepsImproperTails() {
        Object l = list(1L, 2L, 3L);
        Object k = call("list-copy", l);
        assertEq(l, k);
        assertEquals(false, k == l);
        assertEq(cons(1L, cons(2L, 3L)), call("list-copy", cons(1L, cons(2L, 3L))));
        assertEquals(5L, call("list-copy", 5L));
    }

    @Test
    void membership() {
        Object l = list(sym("b"), sym("a"), sym("c"));
        assertEq(list(sym("a"), sym("c")), call("memq", sym("a"), l));
        assertEquals(false, call("memq", sym("z"), l));
        assertEq(list(1.0), call("memv", 1.0, list(1L, 1.0)));
        assertEq(list(list(1L), 2L), call("member", list(1L), list(list(1L), 2L)));
        typeErr("LIST", 2, "memq", sym("a"), 5L);
        typeErr("LIST", 2, "memq", sym("a"), cons(sym("b"), sym("c")));
        typeErr("LIST", 2, "member", sym("a"), cons(sym("b"), sym("c")));
        Object al = list(cons(1L, sym("a")), cons(2L, sym("b")));
        assertEq(cons(2L, sym("b")), call("assv", 2L, al));
        assertEq(cons(s("b"), 2L), call("assoc", s("b"), list(cons(s("a"), 1L), cons(s("b"), 2L))));
        assertEquals(false, call("assq", sym("z"), al));
        typeErr("LIST", 2, "assq", sym("a"), 5L);
        typeErr("PAIR LIST", 2, "assq", sym("a"), list(5L));
        typeErr("PAIR LIST", 2, "assoc", sym("a"), list(cons(sym("b"), 1L), 5L));
    }

    @Test
    void iota() {
        assertEq(list(0L, 1L, 2L, 3L, 4L), call("iota", 5L));
        assertEq(list(1L, 2L, 3L, 4L, 5L), call("iota", 5L, 1L));
        assertEq(list(1L, 3L, 5L, 7L, 9L), call("iota", 5L, 1L, 2L));
        assertEq(list(1.5, 2.5, 3.5), call("iota", 3L, 1.5));
        assertEq(list(0L, 0.5, 1.0), call("iota", 3L, 0L, 0.5)); // exact 0 first, as gsi
        Ratnum half = new Ratnum(BigInteger.ONE, BigInteger.TWO);
        assertEq(list(half, new Ratnum(BigInteger.valueOf(3), BigInteger.TWO), new Ratnum(BigInteger.valueOf(5), BigInteger.TWO)),
                call("iota", 3L, half));
        rangeErr(1, "iota", -1L);
        typeErr("Exact INTEGER", 1, "iota", sym("a"));
        typeErr("NUMBER", 2, "iota", 3L, sym("a"));
        typeErr("NUMBER", 3, "iota", 3L, 0L, sym("a"));
    }
}
