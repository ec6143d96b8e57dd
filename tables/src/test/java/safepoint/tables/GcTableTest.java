package safepoint.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Gerbil's gc-table (reference section 2) on a plain-Java host whose "GC" moves every object. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GcTableTest {
    private final FakeHost host = new FakeHost();
    private final TableRunner run = new TableRunner(host);

    /** A key with a simulated address, as a heap object in the VM. */
    private Object key(String name) {
        Object k = new Object() {
            @Override
            public String toString() {
                return name;
            }
        };
        host.addresses.put(k, 1_000_000L + 16L * host.addresses.size());
        return k;
    }

    private GcTable table(GcTable.Mode mode) {
        return GcTable.make(host, 0, mode, mode == GcTable.Mode.UNLOCKED ? null : host.newLock("gc-lock"));
    }

    @Test
    void operationsOfTheRuntimeApi() {
        GcTable t = table(GcTable.Mode.PER_TABLE);
        Object a = key("a");
        Object b = key("b");
        run.run(t.setOp(a, 1L));
        run.run(t.setOp(b, 2L));
        run.run(t.updateOp(a, 0L), old -> (Long) old + 10, null);
        run.run(t.updateOp(5L, 100L), old -> (Long) old + 1, null); // an immediate key: no address, its eq-hash
        assertEquals(List.of(11L, 2L, 101L, "none"), List.of(run.run(t.refOp(a, "none")), run.run(t.refOp(b, "none")),
                run.run(t.refOp(5L, "none")), run.run(t.refOp(key("c"), "none"))));
        run.run(t.deleteOp(b));
        assertEquals(2, t.length());
        List<Object> seen = new ArrayList<>();
        run.run(t.forEachOp(), null, (k, v) -> seen.add(v));
        assertEquals(2, seen.size());
        assertTrue(seen.containsAll(List.of(11L, 101L)));
        GcTable c = (GcTable) run.run(t.copyOp(host.newLock("copy")));
        run.run(t.clearOp());
        assertEquals(List.of(0, 2, 11L), List.of(t.length(), c.length(), run.run(c.refOp(a, null))));
    }

    @Test
    void aMovingGcLeavesEntriesStaleUntilTheFirstAccessRehashesThemOnce() {
        GcTable t = table(GcTable.Mode.UNLOCKED);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Object k = key("k" + i);
            keys.add(k);
            run.run(t.setOp(k, (long) i));
        }
        host.events.clear();
        host.moveAll();
        // Stale: probing the store by the new addresses, without the rehash, misses keys that are there.
        GcStore s = t.store();
        long missed = keys.stream().filter(k -> !s.holds(host, s.find(host, k), k)).count();
        assertTrue(missed > 0, "no key moved to another entry");
        for (int i = 0; i < 40; i++) assertEquals((long) i, run.run(t.refOp(keys.get(i), null)));
        assertSame(s, t.store(), "a GC rehash is in place: the store stays");
        assertEquals(List.of("gc-rehash " + s.slots.length + "->" + s.slots.length), host.events);
        assertEquals(1, t.gcRehashes());
    }

    @Test
    void aResizeReplacesTheStoreWithANewObjectAtANewAddress() {
        GcTable t = table(GcTable.Mode.PER_TABLE);
        GcStore first = t.store();
        long addr = first.address(host);
        for (int i = 0; i < 3; i++) run.run(t.setOp(key("k" + i), (long) i));
        assertNotSame(first, t.store());
        assertNotEquals(addr, t.store().address(host));
        assertTrue(t.store().entries() > first.entries());
        assertEquals(1, t.resizes());
        assertEquals(List.of("gc-resize 10->14"), host.events);
        assertEquals(3, t.length());
    }

    /** Steps {@code op} until its innermost operation stands at {@code describe}. */
    private void stepTo(TableOp op, String describe) {
        host.stepUntil(op, describe);
    }

    /** Fills a fresh store (2 inserts leave it full: 5 entries, capacity 2) and returns the key to overwrite. */
    private Object filled(GcTable t) {
        Object k = key("k");
        run.run(t.setOp(k, "old"));
        run.run(t.setOp(key("x"), 0L));
        return k;
    }

    /** A set of k that has read and probed g0 while another set overfills g0 and installs g1; then k's value. */
    private Object setAcrossAWholeResize(GcTable.Mode mode) {
        GcTable t = table(mode);
        Object k = filled(t);
        TableOp set = t.setOp(k, "new");
        stepTo(set, "gc-table-set! write-key"); // read g0 and probed it
        run.run(t.setOp(key("y"), 1L)); // overfills g0: resize, install g1, the re-done set
        run.run(set); // writes "new" into g0
        return run.run(t.refOp(k, null));
    }

    @Test
    void unlockedASetIntoTheOldStoreDuringAResizeIsLost() {
        assertEquals("old", setAcrossAWholeResize(GcTable.Mode.UNLOCKED));
    }

    @Test
    void theSeedsRetryCatchesAResizeThatInstalledBeforeItsCheck() {
        // g0 is not the store any more when the set checks: it sets again, into g1
        assertEquals("new", setAcrossAWholeResize(GcTable.Mode.SEED_RETRY));
    }

    @Test
    void theSeedsRetryMissesAResizeThatInstallsAfterItsCheck() {
        GcTable t = table(GcTable.Mode.SEED_RETRY);
        Object k = filled(t);
        TableOp resizing = t.setOp(key("y"), 1L);
        stepTo(resizing, "gc-table-rehash! install"); // every entry of g0 copied into g1, not installed yet
        run.run(t.setOp(k, "new")); // into g0; the check sees g0 still installed: no retry
        run.run(resizing);
        assertEquals("old", run.run(t.refOp(k, null)));
    }

    @Test
    void perTableTheResizerHoldsTheLockSoTheSetWaitsAndLandsInTheNewStore() {
        GcTable t = table(GcTable.Mode.PER_TABLE);
        Object k = filled(t);
        TableOp resizing = t.setOp(key("y"), 1L);
        stepTo(resizing, "gc-table-rehash! install");
        host.caller = "other";
        TableOp set = t.setOp(k, "new");
        assertTrue(set.step(host) instanceof Step.Spin, "the set must wait for the table's lock");
        host.caller = "main";
        run.run(resizing);
        host.caller = "other";
        run.run(set);
        assertEquals("new", run.run(t.refOp(k, null)));
    }
}
