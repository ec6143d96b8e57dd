package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Condition;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Special;

/** Vectors, u8vectors/bytevectors and boxes; expectations from gsi 4.9.3. */
class VectorPrimsTest extends PrimTest {
    static Bytevector bytes(int... xs) {
        byte[] b = new byte[xs.length];
        for (int i = 0; i < xs.length; i++) b[i] = (byte) xs[i];
        return new Bytevector(b);
    }

    @Test
    void vectors() {
        assertEq(vec(0L, 0L), call("make-vector", 2L));
        assertEq(vec(sym("a"), sym("a")), call("make-vector", 2L, sym("a")));
        rangeErr(1, "make-vector", -1L);
        typeErr("Exact INTEGER", 1, "make-vector", sym("a"));
        assertEq(vec(), call("vector"));
        assertEquals(2L, call("vector-ref", vec(1L, 2L), 1L));
        rangeErr(2, "vector-ref", vec(1L, 2L), 2L);
        rangeErr(2, "vector-ref", vec(1L), new BigInteger("100000000000000000000"));
        typeErr("VECTOR", 1, "vector-ref", list(1L), 0L);
        typeErr("Exact INTEGER", 2, "vector-ref", vec(1L, 2L), 1.0);
        SVector v = vec(1L, 2L);
        assertSame(Special.VOID, call("vector-set!", v, 0L, 9L));
        assertEq(vec(9L, 2L), v);
        typeErr("VECTOR", 1, "vector-length", 1L);
        assertEquals(2L, call("vector-length", v));
    }

    @Test
    void vectorConversionsAndCopies() {
        SVector v = vec(1L, 2L, 3L);
        assertEq(list(1L, 2L, 3L), call("vector->list", v));
        assertEq(list(2L, 3L), call("vector->list", v, 1L));
        assertEq(list(2L), call("vector->list", v, 1L, 2L));
        rangeErr(3, "vector->list", v, 2L, 1L);
        rangeErr(2, "vector->list", v, 4L);
        typeErr("Exact INTEGER", 2, "vector->list", v, sym("a"));
        assertEq(vec(1L, 2L), call("list->vector", list(1L, 2L)));
        typeErr("LIST", 1, "list->vector", cons(1L, 2L));
        SVector f = vec(0L, 0L, 0L);
        call("vector-fill!", f, 1L, 1L, 2L);
        assertEq(vec(0L, 1L, 0L), f);
        rangeErr(3, "vector-fill!", vec(1L, 2L), 0L, 3L);
        Object c2 = call("vector-copy", v);
        assertEq(v, c2);
        assertNotSame(v, c2);
        assertEq(vec(2L, 3L), call("vector-copy", v, 1L));
        rangeErr(3, "vector-copy", v, 1L, 4L);
        assertEq(vec(2L), call("subvector", v, 1L, 2L));
        rangeErr(3, "subvector", v, 2L, 1L);
        arityErr("subvector", v, 1L);
        SVector to = vec(0L, 0L, 0L);
        call("vector-copy!", to, 1L, v, 1L);
        assertEq(vec(0L, 2L, 3L), to);
        rangeErr(2, "vector-copy!", vec(0L, 0L, 0L), 1L, v);
        rangeErr(5, "vector-copy!", vec(0L, 0L), 1L, v, 0L, 4L);
        rangeErr(5, "vector-copy!", vec(0L, 0L), 1L, v, 2L, 1L);
        typeErr("Exact INTEGER", 4, "vector-copy!", vec(1L, 2L, 3L), 0L, vec(9L), sym("a"));
        SVector self = vec(1L, 2L, 3L, 4L);
        call("vector-copy!", self, 1L, self, 0L, 3L);
        assertEq(vec(1L, 1L, 2L, 3L), self);
        assertEq(vec(1L, 2L), call("vector-append", vec(1L), vec(2L)));
        assertEq(vec(), call("vector-append"));
        typeErr("VECTOR", 3, "vector-append", vec(1L), vec(2L), 3L);
    }

    @Test
    void bytevectorsAreU8vectorsUnderTheirGsiNames() {
        assertSame(PRIMS.get("u8vector-ref"), PRIMS.get("bytevector-u8-ref"));
        assertArrayEquals(new byte[2], ((Bytevector) call("make-bytevector", 2L)).bytes);
        assertEq(bytes(7, 7), call("make-u8vector", 2L, 7L));
        // gsi reports the u8vector name, whichever name was called
        Condition k = err("make-bytevector", 2L, 256L);
        assertEquals("make-u8vector", k.proc);
        assertEquals("Unsigned 8 bit exact INTEGER expected", k.message);
        assertEquals(2, k.argIndex);
        typeErr("Unsigned 8 bit exact INTEGER", 2, "make-u8vector", 2L, -1L);
        typeErr("Unsigned 8 bit exact INTEGER", 2, "u8vector", 1L, sym("a"));
        assertEquals(255L, call("bytevector-u8-ref", bytes(1, 255), 1L));
        rangeErr(2, "u8vector-ref", bytes(1, 2), 2L);
        typeErr("U8VECTOR", 1, "u8vector-ref", list(1L), 0L);
        typeErr("U8VECTOR", 1, "u8vector-length", 1L);
        Bytevector b = bytes(1);
        call("bytevector-u8-set!", b, 0L, 200L);
        assertEquals(200L, call("u8vector-ref", b, 0L));
        typeErr("Unsigned 8 bit exact INTEGER", 3, "u8vector-set!", bytes(1), 0L, 256L);
        assertEq(bytes(2, 3), call("bytevector-copy", bytes(1, 2, 3), 1L));
        rangeErr(2, "u8vector-copy", bytes(1), 2L);
        Bytevector t = bytes(1, 2, 3);
        call("bytevector-copy!", t, 0L, bytes(9));
        assertEq(bytes(9, 2, 3), t);
        rangeErr(2, "u8vector-copy!", bytes(1), 0L, bytes(1, 2));
        assertEq(bytes(1, 2), call("bytevector-append", bytes(1), bytes(2)));
        typeErr("U8VECTOR", 2, "u8vector-append", bytes(1), 2L);
        assertEq(list(2L), call("u8vector->list", bytes(1, 2, 3), 1L, 2L));
        assertEq(bytes(1, 2), call("list->u8vector", list(1L, 2L)));
        typeErr("Unsigned 8 bit exact INTEGER LIST", 1, "list->u8vector", list(1L, 300L));
        typeErr("LIST", 1, "list->u8vector", cons(1L, 2L));
        assertEq(bytes(2), call("subu8vector", bytes(1, 2, 3), 1L, 2L));
        Bytevector z = bytes(1, 2);
        call("u8vector-fill!", z, 0L);
        assertEq(bytes(0, 0), z);
        assertEquals(true, call("bytevector?", bytes()));
        assertEquals(false, call("u8vector?", vec()));
    }

    @Test
    void utf8() {
        assertEq(s("AB"), call("utf8->string", bytes(65, 66)));
        assertEq(s("BC"), call("utf8->string", bytes(65, 66, 67), 1L));
        assertEq(s("\u00e9\u03bb"), call("utf8->string", bytes(0xC3, 0xA9, 0xCE, 0xBB)));
        Condition k = err("utf8->string", bytes(255));
        assertEquals(Condition.Kind.INVALID_UTF8, k.kind);
        assertEquals("Invalid UTF-8 encoding", k.message);
        rangeErr(2, "utf8->string", bytes(1), 2L);
        assertEq(bytes(98, 99), call("string->utf8", s("abc"), 1L));
        assertEq(bytes(0xC3, 0xA9), call("string->utf8", s("\u00e9")));
        typeErr("STRING", 1, "string->utf8", 1L);
        rangeErr(3, "string->utf8", s("abc"), 2L, 1L);
        typeErr("Exact INTEGER", 2, "string->utf8", s("abc"), sym("a"));
    }

    @Test
    void boxes() {
        Box b = (Box) call("box", 1L);
        assertEquals(1L, call("unbox", b));
        call("set-box!", b, 2L);
        assertEquals(2L, b.value);
        assertEquals(true, call("box?", b));
        assertEquals(false, call("box?", 1L));
        typeErr("BOX", 1, "unbox", 1L);
        typeErr("BOX", 1, "set-box!", 1L, 2L);
    }
}
