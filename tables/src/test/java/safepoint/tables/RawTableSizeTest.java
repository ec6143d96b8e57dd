package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RawTableSizeTest {
    @Test
    void noHintGivesSixteenSlots() {
        assertEquals(16, RawTable.slotsForHint(0));
        assertEquals(16, RawTable.slotsForHint(-5));
    }

    @Test
    void hintGivesFourTimesAPowerOfTwo() {
        assertEquals(8, RawTable.slotsForHint(1)); // integer-length 1 -> max(2, 2) * 4
        assertEquals(16, RawTable.slotsForHint(2)); // integer-length 2 -> 4 * 4
        assertEquals(16, RawTable.slotsForHint(3));
        assertEquals(32, RawTable.slotsForHint(4));
        assertEquals(64, RawTable.slotsForHint(10)); // the reference's example
        assertEquals(64, RawTable.slotsForHint(15));
        assertEquals(128, RawTable.slotsForHint(16));
        assertEquals(4096, RawTable.slotsForHint(1000));
    }

    @Test
    void makeFillsWithUnusedAndHalvesFree() {
        RawTable t = RawTable.make(new FakeHost(), 10, HashSpec.EQUAL, TestSpec.EQUAL, 0);
        assertEquals(64, t.slots());
        assertEquals(0, t.count());
        assertEquals(32, t.free());
        for (Object o : t.vector()) assertSame(RawTable.UNUSED, o);
    }

    @Test
    void specializationsCarryGerbilsHashAndTest() {
        FakeHost h = new FakeHost();
        assertEquals(new HashSpec(HashKind.EQ, null), RawTable.makeEqTable(h, 0, 0).hash());
        assertEquals(TestSpec.EQV, RawTable.makeEqvTable(h, 0, 0).test());
        RawTable sym = RawTable.makeSymbolicTable(h, 0, 7);
        assertEquals(HashKind.SYMBOL, sym.hash().kind());
        assertEquals(TestKind.EQ, sym.test().kind());
        assertEquals(7, sym.seed());
        assertEquals(TestKind.STRING, RawTable.makeStringTable(h, 0, 0).test().kind());
        assertEquals(HashKind.IMMEDIATE, RawTable.makeImmediateTable(h, 0, 0).hash().kind());
        RawTable g = RawTable.makeGeneric(h, 0, "H", "T", 0);
        assertEquals("H", g.hash().procedure());
        assertEquals("T", g.test().procedure());
    }

    @Test
    void absurdHintIsRefused() {
        assertThrows(IllegalArgumentException.class,
            () -> RawTable.make(new FakeHost(), 1L << 40, HashSpec.EQ, TestSpec.EQ, 0));
    }

    @Test
    void specMustMatchItsKind() {
        assertThrows(IllegalArgumentException.class, () -> new HashSpec(HashKind.PROCEDURE, null));
        assertThrows(IllegalArgumentException.class, () -> new TestSpec(TestKind.EQ, "proc"));
    }
}
