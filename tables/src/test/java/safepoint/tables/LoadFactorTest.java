package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference 1.3: rehash before a set/update when free < slots/4; grow or purge; never shrink. */
class LoadFactorTest {
    final FakeHost host = new FakeHost();
    final TableRunner r = new TableRunner(host);
    final RawTable t = RawTable.makeEqvTable(host, 0, 0);

    @Test
    void sixthInsertIntoEightEntriesDoubles() {
        int[] freeAfter = new int[5];
        for (long k = 1; k <= 5; k++) {
            r.set(t, k, k * 10);
            freeAfter[(int) k - 1] = t.free();
        }
        assertArrayEquals(new int[] {7, 6, 5, 4, 3}, freeAfter);
        assertEquals(16, t.slots());
        assertEquals(List.of(), host.events);

        r.set(t, 6L, 60L); // 3 < 16/4: rehash; count 5 >= 4: double
        assertEquals(List.of("rehash 16->32", "rehashed 16->32"), host.events);
        assertEquals(32, t.slots());
        assertEquals(6, t.count());
        assertEquals(16 - 6, t.free());
        for (long k = 1; k <= 6; k++) assertEquals(k * 10, r.ref(t, k, null));
    }

    @Test
    void fewLiveEntriesPurgeTombstonesAtTheSameSize() {
        for (long k = 1; k <= 5; k++) r.set(t, k, k);
        for (long k = 1; k <= 4; k++) r.delete(t, k);
        assertEquals(1, t.count());
        assertEquals(3, t.free()); // deletes do not give free back
        r.set(t, 9L, 9L); // 3 < 4: rehash; count 1 < 4: same size
        assertEquals(List.of("rehash 16->16", "rehashed 16->16"), host.events);
        assertEquals(16, t.slots());
        assertEquals(2, t.count());
        assertEquals(6, t.free());
        for (Object o : t.vector()) assertNotSame(RawTable.DELETED, o);
        assertEquals(5L, r.ref(t, 5L, null));
        assertEquals(9L, r.ref(t, 9L, null));
    }

    @Test
    void reinsertingADeletedKeyResurrectsItsTombstone() {
        r.set(t, 1L, "a");
        assertEquals(7, t.free());
        r.delete(t, 1L);
        assertSame(RawTable.DELETED, t.vector()[2]);
        assertSame(RawTable.ABSENT, t.vector()[3]);
        assertEquals(0, t.count());
        assertEquals(7, t.free());
        r.set(t, 1L, "b");
        assertEquals(1L, t.vector()[2]);
        assertEquals("b", t.vector()[3]);
        assertEquals(1, t.count()); // count++
        assertEquals(7, t.free()); // free unchanged
    }

    @Test
    void anotherKeyResurrectsTheFirstTombstoneOnItsWalk() {
        FakeHost h = new FakeHost(k -> 0);
        TableRunner rr = new TableRunner(h);
        RawTable c = RawTable.makeEqvTable(h, 0, 0);
        rr.set(c, 1L, "a");
        rr.set(c, 2L, "b"); // entry 1
        rr.delete(c, 1L);
        rr.set(c, 3L, "c"); // walks past tombstone 0 and key 2, reaches unused entry 3, takes 0
        assertEquals(3L, c.vector()[0]);
        assertEquals(2, c.count());
        assertEquals(6, c.free());
        assertEquals("c", rr.ref(c, 3L, null));
        assertNull(rr.ref(c, 1L, null));
    }

    @Test
    void deletingAMissingKeyChangesNothing() {
        r.set(t, 1L, "a");
        r.delete(t, 2L);
        assertEquals(1, t.count());
        assertEquals(7, t.free());
    }

    @Test
    void neverShrinks() {
        for (long k = 0; k < 12; k++) r.set(t, k, k);
        int grown = t.slots();
        assertEquals(64, grown);
        for (long k = 0; k < 12; k++) r.delete(t, k);
        assertEquals(grown, t.slots());
        for (int round = 0; round < 50; round++) {
            long k = 100 + round;
            r.set(t, k, k);
            r.delete(t, k);
            assertEquals(grown, t.slots(), "purges keep the size");
        }
        assertTrue(host.events.contains("rehash 64->64"));
    }

    @Test
    void clearKeepsTheVectorAndItsSize() {
        for (long k = 0; k < 12; k++) r.set(t, k, k);
        Object[] before = t.vector();
        r.clear(t);
        assertSame(before, t.vector());
        assertEquals(64, t.slots());
        assertEquals(0, t.count());
        assertEquals(32, t.free());
        for (Object o : t.vector()) assertSame(RawTable.UNUSED, o);
        assertNull(r.ref(t, 3L, null));
    }

    @Test
    void copyIsShallowAndIndependent() {
        Object value = new Object();
        r.set(t, 1L, value);
        r.set(t, 2L, "two");
        RawTable c = r.copy(t);
        assertNotSame(t.vector(), c.vector());
        assertSame(value, r.ref(c, 1L, null));
        assertEquals(2, c.count());
        assertEquals(t.free(), c.free());
        assertEquals(t.seed(), c.seed());
        r.delete(c, 2L);
        assertEquals("two", r.ref(t, 2L, null));
        assertEquals(2, t.count());
    }

    @Test
    void updateAppliesToOldValueOrDefault() {
        r.update(t, 1L, v -> (Long) v + 1, 100L);
        assertEquals(101L, r.ref(t, 1L, null));
        r.update(t, 1L, v -> (Long) v + 1, 100L);
        assertEquals(102L, r.ref(t, 1L, null));
        assertEquals(1, t.count());
    }

    @Test
    void updateChecksTheLoadFactorToo() {
        for (long k = 1; k <= 5; k++) r.set(t, k, k);
        r.update(t, 6L, v -> v, 0L);
        assertEquals(32, t.slots());
    }

    @Test
    void forEachSkipsUnusedAndDeleted() {
        for (long k = 1; k <= 4; k++) r.set(t, k, k * 2);
        r.delete(t, 2L);
        java.util.Map<Object, Object> seen = new java.util.HashMap<>();
        r.forEach(t, seen::put);
        assertEquals(java.util.Map.of(1L, 2L, 3L, 6L, 4L, 8L), seen);
    }
}
