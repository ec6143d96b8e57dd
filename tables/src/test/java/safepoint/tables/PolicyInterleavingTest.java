package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The interleavings of reference 5(d) and 5(e), stepped by hand under the policies. */
class PolicyInterleavingTest {
    final FakeHost host = new FakeHost(k -> 0); // every key starts its walk at entry 0
    final TableLocks locks = new TableLocks();
    final TableRunner r = new TableRunner(host);
    final Object owner = new Object();

    Locking table(Policy p) {
        return Locking.of(p, RawTable.makeEqvTable(host, 0, 0), owner, locks, host, "t");
    }

    /** Steps {@code op} as caller {@code who}; returns the step. */
    Step step(TableOp op, String who) {
        host.caller = who;
        return op.step(host);
    }

    void finish(TableOp op, String who) {
        while (!op.isDone()) assertFalse(step(op, who) instanceof Step.Spin, who + " spins on a lock nobody will release");
    }

    @Test
    void perTableMakesTheSecondWriterSpinUntilTheFirstIsDone() {
        Locking t = table(Policy.PER_TABLE);
        TableOp t1 = t.setOp(1L, "v1");
        TableOp t2 = t.setOp(2L, "v2");
        step(t1, "T1"); // lock taken, first probe
        Step s = step(t2, "T2");
        assertInstanceOf(Step.Spin.class, s, "T2 waits for T1's lock");
        assertEquals(WaitPolls.ALWAYS, ((Step.Spin) s).polls());
        assertEquals("raw-table-set! acquire", t2.describe(), "a backtrace says the set waits for its lock");
        assertTrue(t1.holdsLock() && !t2.holdsLock());
        finish(t1, "T1");
        finish(t2, "T2");
        assertEquals("v1", r.run(t.refOp(1L, null)));
        assertEquals("v2", r.run(t.refOp(2L, null)));
        assertEquals(2, t.table().count());
    }

    @Test
    void perTableAllocatesTheRehashVectorBeforeLocking() {
        Locking t = table(Policy.PER_TABLE);
        for (long k = 0; k < 5; k++) r.run(t.setOp(k, k)); // free 3 < 16/4: the next set rehashes
        int before = host.allocations;
        TableOp set = t.setOp(9L, 9L);
        step(set, "T1"); // prepare: allocates unlocked
        assertEquals(before + 1, host.allocations);
        assertNull(host.locks.get(0).holder, "allocated before the lock is taken");
        finish(set, "T1");
        assertEquals(before + 1, host.allocations, "nothing allocated under the lock");
        assertEquals(32, t.table().slots());
    }

    @Test
    void globalIsOneLockForEveryTable() {
        Locking a = table(Policy.GLOBAL);
        Locking b = table(Policy.GLOBAL);
        TableOp onA = a.setOp(1L, "v");
        step(onA, "T1"); // T1 holds the global lock, and has probed
        Step s = step(b.refOp(1L, null), "T2");
        assertInstanceOf(Step.Spin.class, s, "a read of another table waits too");
        assertEquals(WaitPolls.AS_COMPILED, ((Step.Spin) s).polls());
    }

    @Test
    void lockFreeReadsSeeTheOldVectorWhileARehashBuildsAside() {
        Locking t = table(Policy.LOCK_FREE_READS);
        for (long k = 0; k < 5; k++) r.run(t.setOp(k, "v" + k));
        TableOp grow = t.setOp(9L, "v9");
        Object[] old = t.table().vector();
        for (int n = 0; n < 8; n++) step(grow, "W"); // well inside the rehash
        assertSame(old, t.table().vector(), "not published yet");
        for (long k = 0; k < 5; k++) assertEquals("v" + k, r.run(t.refOp(k, null)), "no spurious miss");
        finish(grow, "W");
        assertNotSame(old, t.table().vector());
        for (long k = 0; k < 5; k++) assertEquals("v" + k, r.run(t.refOp(k, null)));
        assertEquals("v9", r.run(t.refOp(9L, null)));
    }

    @Test
    void underNoneAReaderInTheRehashWindowMisses() {
        Locking t = table(Policy.NONE);
        for (long k = 0; k < 5; k++) r.run(t.setOp(k, "v" + k));
        TableOp grow = t.setOp(9L, "v9");
        step(grow, "W"); // allocate
        step(grow, "W"); // install the empty vector
        assertNull(r.run(t.refOp(0L, null)), "the spurious miss of 5(d)3");
    }

    @Test
    void lockAfterProbeRetriesWhenAWriteCameBetweenProbeAndLock() {
        Locking t = table(Policy.LOCK_AFTER_PROBE);
        TableOp t1 = t.setOp(1L, "v1");
        TableOp t2 = t.setOp(2L, "v2");
        step(t1, "T1"); // begin
        step(t1, "T1"); // probe: entry 0 unused
        step(t2, "T2");
        step(t2, "T2"); // T2 probed the same unused entry
        finish(t1, "T1");
        finish(t2, "T2"); // its verify fails, it probes again and takes the next entry
        assertEquals("v1", r.run(t.refOp(1L, null)));
        assertEquals("v2", r.run(t.refOp(2L, null)), "no lost insert");
    }

    @Test
    void stripedAddressReleasesTheWrongStripeWhenTheTableMoved() {
        Locking t = table(Policy.STRIPED_ADDRESS);
        host.addresses.put(owner, 0L); // stripe 0
        TableOp set = t.setOp(1L, "v1");
        step(set, "T1"); // stripe 0 taken
        host.addresses.put(owner, 64L); // a GC inside the critical section moved the table: stripe 1
        finish(set, "T1");
        assertEquals("T1", ((FakeHost.FakeLock) locks.stripe(0, host)).holder, "stripe 0 stays locked for ever");
        host.addresses.put(owner, 0L);
        assertInstanceOf(Step.Spin.class, step(t.refOp(1L, null), "T2"), "the next access to stripe 0 spins");
    }

    @Test
    void lockAfterProbeTakesTheStripeOfTheAddressItFindsOnceHeld() {
        Locking t = table(Policy.LOCK_AFTER_PROBE);
        host.addresses.put(owner, 0L);
        r.run(t.setOp(1L, "v1"));
        host.addresses.put(owner, 64L);
        r.run(t.setOp(2L, "v2"));
        for (FakeHost.FakeLock l : host.locks) assertNull(l.holder);
    }
}
