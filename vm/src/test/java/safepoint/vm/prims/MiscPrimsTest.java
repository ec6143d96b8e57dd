package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import safepoint.vm.data.Special;

class MiscPrimsTest extends PrimTest {
    @Test
    void booleans() {
        assertEquals(true, call("not", false));
        assertEquals(false, call("not", 1L));
        assertEquals(false, call("not", nil()));
        assertEquals(false, call("boolean?", nil()));
        assertEquals(true, call("boolean?", false));
        assertEquals(true, call("boolean=?", true, true, true));
        assertEquals(true, call("boolean=?", true));
        assertEquals(false, call("boolean=?", true, false));
        typeErr("BOOLEAN", 2, "boolean=?", true, 1L);
    }

    private static Object nil() {
        return safepoint.vm.data.Nil.NIL;
    }

    @Test
    void voidAndProcedures() {
        assertSame(Special.VOID, call("void"));
        assertSame(Special.VOID, call("void", 1L, 2L)); // Gerbil's void ignores its arguments
        assertEquals(true, call("procedure?", PRIMS.get("car")));
        assertEquals(false, call("procedure?", sym("car")));
        assertEquals(1L, call("identity", 1L));
    }

    @Test
    void serialNumbersCountFromOne() {
        Object a = sym("a"), b = s("b");
        long n = (Long) call("object->serial-number", a);
        assertEquals(n + 1, call("object->serial-number", b));
        assertEquals(n, call("object->serial-number", a));
    }

    @Test
    void clocks() {
        assertEquals(1_000_000L, call("jiffies-per-second"));
        long j1 = (Long) call("current-jiffy");
        long j2 = (Long) call("current-jiffy");
        assertTrue(j2 >= j1);
        assertTrue(call("current-second") instanceof Double);
        assertTrue((Double) call("real-time") >= 0);
        assertTrue((Double) call("cpu-time") >= 0);
    }
}
