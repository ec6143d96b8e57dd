package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Reference 5(d): two unsynchronized writers whose steps interleave on one table. */
class ConcurrentWritersTest {
    final FakeHost host = new FakeHost(k -> 0); // k1 and k2 collide: both walks start at entry 0
    final TableRunner r = new TableRunner(host);
    final RawTable t = RawTable.makeEqvTable(host, 0, 0);

    private void finish(TableOp op) {
        while (!op.isDone()) op.step(host);
    }

    @Test
    void bothWritersClaimTheSameUnusedSlotAndOneInsertIsLost() {
        TableOp t1 = t.setOp(1L, "v1");
        TableOp t2 = t.setOp(2L, "v2");
        t1.step(host); // T1 probes entry 0: unused
        assertEquals("raw-table-set! write-key", t1.describe());
        t2.step(host); // T2 probes entry 0: still unused
        assertEquals("raw-table-set! write-key", t2.describe());
        finish(t1);
        finish(t2);

        assertNull(r.ref(t, 1L, null), "k1 was overwritten by k2: a lost insert");
        assertEquals("v2", r.ref(t, 2L, null));
        // the counters moved twice for one entry
        assertEquals(2, t.count());
        assertEquals(6, t.free());
        assertEquals(1, FakeHost.live(t));
        assertEquals(7, FakeHost.unused(t));
    }

    @Test
    void tornWritesMapOneKeyToTheOtherWritersValue() {
        TableOp t1 = t.setOp(1L, "v1");
        TableOp t2 = t.setOp(2L, "v2");
        t1.step(host); // probe
        t2.step(host); // probe
        t1.step(host); // key k1
        t2.step(host); // key k2
        t2.step(host); // value v2
        t1.step(host); // value v1
        assertEquals("v1", r.ref(t, 2L, null), "k2 -> v1");
        finish(t1);
        finish(t2);
        assertEquals(2, t.count());
    }

    @Test
    void bothWritersResurrectTheSameTombstone() {
        r.set(t, 9L, "x");
        r.delete(t, 9L); // entry 0 is a tombstone
        TableOp t1 = t.setOp(1L, "v1");
        TableOp t2 = t.setOp(2L, "v2");
        host.stepUntil(t1, "raw-table-set! write-key"); // walked past the tombstone to unused entry 1
        host.stepUntil(t2, "raw-table-set! write-key");
        finish(t1);
        finish(t2);
        assertNull(r.ref(t, 1L, null));
        assertEquals("v2", t.vector()[1]);
        assertEquals(2, t.count(), "resurrected twice");
        assertEquals(1, FakeHost.live(t));
        assertEquals(7, t.free());
    }

    @Test
    void lostCounterUpdatesLetTheTableFillAndAMissProbesForever() {
        FakeHost h = new FakeHost(k -> (Long) k); // key k starts at entry k: no collisions
        TableRunner rr = new TableRunner(h);
        RawTable c = RawTable.makeEqvTable(h, 0, 0);
        for (long k = 0; k < 8; k += 2) {
            TableOp t1 = c.setOp(k, k);
            TableOp t2 = c.setOp(k + 1, k + 1);
            h.stepUntil(t1, "raw-table-set! write-counts"); // T1 has read count and free
            h.stepUntil(t2, "raw-table-set! write-counts"); // T2 has read the same values
            while (!t1.isDone()) t1.step(h);
            while (!t2.isDone()) t2.step(h); // writes over T1's update: one free-- is lost
        }
        assertEquals(8, FakeHost.live(c));
        assertEquals(0, FakeHost.unused(c), "no unused entry is left");
        assertEquals(4, c.count());
        assertEquals(4, c.free(), "free overstates reality, so no rehash ever triggers");
        for (long k = 0; k < 8; k++) assertEquals(k, rr.ref(c, k, null));

        TableOp miss = c.refOp(8L, null); // the corrupted probe sequence: the walk never meets unused
        for (int n = 0; n < 10_000; n++) miss.step(h);
        assertFalse(miss.isDone());
        assertEquals("raw-table-ref probe", miss.describe());

        TableOp insert = c.setOp(8L, 8L); // free 4 is not < 16/4: no rehash, and it walks forever too
        for (int n = 0; n < 10_000; n++) insert.step(h);
        assertFalse(insert.isDone());
        assertEquals(16, c.slots());
    }
}
