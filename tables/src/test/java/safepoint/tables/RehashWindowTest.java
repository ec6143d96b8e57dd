package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference 1.3 and 5(d)3: the rehash installs the empty vector first, then re-inserts. */
class RehashWindowTest {
    final FakeHost host = new FakeHost();
    final TableRunner r = new TableRunner(host);
    final RawTable t = RawTable.makeEqvTable(host, 0, 0);

    {
        for (long k = 1; k <= 5; k++) r.set(t, k, "v" + k); // free 3: the next set rehashes
    }

    @Test
    void aReadDuringTheRehashSeesASpuriousMiss() {
        Object[] old = t.vector();
        TableOp writer = t.setOp(6L, "v6");
        writer.step(host); // check fails; the rehash allocates
        assertEquals("__raw-table-rehash! install", writer.describe());
        assertEquals(List.of("rehash 16->32"), host.events);
        assertSame(old, t.vector());
        writer.step(host); // the new empty vector is installed
        assertNotSame(old, t.vector());
        assertEquals(0, t.count());

        assertEquals("missing", r.ref(t, 3L, "missing"), "key 3 is in the table, but the reader misses it");

        while (!writer.isDone()) writer.step(host);
        assertEquals("v3", r.ref(t, 3L, "missing"));
        assertEquals(6, t.count());
    }

    @Test
    void aPartialTableShowsSomeKeysAndNotOthers() {
        TableOp writer = t.setOp(6L, "v6");
        host.stepUntil(writer, "__raw-table-rehash! install");
        writer.step(host);
        // re-insert exactly one entry (key 1 sits first in the old vector)
        host.stepUntil(writer, "__raw-table-set! write-counts");
        writer.step(host);
        assertEquals(1, t.count());
        assertEquals("v1", r.ref(t, 1L, null));
        assertNull(r.ref(t, 5L, null));
        while (!writer.isDone()) writer.step(host);
        assertEquals("v5", r.ref(t, 5L, null));
    }

    @Test
    void aDeleteIntoTheReplacedVectorIsLost() {
        TableOp deleter = t.deleteOp(1L);
        deleter.step(host); // captures the old vector and finds key 1 there
        assertEquals("raw-table-delete! write-key", deleter.describe());
        r.set(t, 6L, "v6"); // a whole rehash runs: key 1 is copied to the new vector
        while (!deleter.isDone()) deleter.step(host); // tombstones the OLD vector; count-- on the table
        assertEquals("v1", r.ref(t, 1L, null), "the delete is lost");
        assertEquals(5, t.count());
        assertEquals(6, FakeHost.live(t));
    }

    @Test
    void forEachWalksTheVectorCapturedAtCallTime() {
        TableOp each = t.forEachOp();
        each.step(host); // captures the vector
        r.set(t, 6L, "v6"); // rehash: a new vector
        r.set(t, 7L, "v7");
        List<Object> keys = new ArrayList<>();
        while (true) {
            Step s = each.step(host);
            if (s instanceof Step.Yield y) keys.add(y.key());
            if (s instanceof Step.Done) break;
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), keys);
    }

    @Test
    void aDeleteBetweenForEachsKeyAndValueReadsYieldsAbsent() {
        TableOp each = t.forEachOp();
        host.stepUntil(each, "raw-table-for-each read-value"); // has read key 1
        r.delete(t, 1L);
        Step s = each.step(host);
        assertEquals(new Step.Yield(1L, RawTable.ABSENT), s);
    }
}
