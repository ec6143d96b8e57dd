package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * A probe that can never end on its own (demo (d)'s counter drift): it says so only after its
 * walk has read every key slot, and only while no slot is unused and none holds its key.
 */
class ProbesForeverTest {
    final FakeHost host = new FakeHost();
    /** 8 slots, 4 entries, every key slot taken (as lost updates of free leave it). */
    final RawTable t = RawTable.makeEqvTable(host, 1, 0);

    ProbesForeverTest() {
        Object[] v = t.vector();
        assertEquals(8, v.length);
        for (int s = 0; s < v.length; s += 2) {
            v[s] = (long) s + 1;
            v[s + 1] = "v";
        }
    }

    @Test
    void aLookupOfAMissingKeyIsEndlessOnlyAfterItsFullWalk() {
        TableOp op = t.refOp(99L, null);
        for (int probes = 1; probes < 4; probes++) {
            assertSame(Step.CONTINUE, op.step(host));
            assertEquals(0, op.probesForever(host), "after " + probes + " probes not every slot was read");
        }
        assertSame(Step.CONTINUE, op.step(host));
        assertEquals(8, op.probesForever(host));
        for (int n = 0; n < 100; n++) assertSame(Step.CONTINUE, op.step(host)); // round and round
        assertEquals(8, op.probesForever(host));
    }

    @Test
    void aTombstoneIsNoWayOutButTheKeyWrittenByAnotherThreadIs() {
        t.vector()[4] = RawTable.DELETED;
        TableOp op = t.refOp(99L, null);
        for (int n = 0; n < 8; n++) op.step(host);
        assertEquals(8, op.probesForever(host));
        t.vector()[4] = 99L; // another writer puts the key there: the walk will find it
        t.vector()[5] = "found";
        assertEquals(0, op.probesForever(host));
        Step s = Step.CONTINUE;
        for (int n = 0; n < 8 && !(s instanceof Step.Done); n++) s = op.step(host);
        assertEquals("found", ((Step.Done) s).result());
    }

    @Test
    void aTableWithAnUnusedSlotNeverProbesForEver() {
        t.vector()[6] = RawTable.UNUSED;
        TableOp op = t.refOp(99L, "absent");
        Step s = Step.CONTINUE;
        for (int n = 0; n < 8 && !(s instanceof Step.Done); n++) {
            assertEquals(0, op.probesForever(host));
            s = op.step(host);
        }
        assertEquals("absent", ((Step.Done) s).result());
    }
}
