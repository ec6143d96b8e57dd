package safepoint.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.InOrder;

/**
 * The calls a policy makes on its host, seen through a Mockito mock of {@link TableHost}: where a
 * wait polls, whether an allocation (which may request a GC) happens while a lock is held, and
 * the rehash notices with their sizes. The mock's answers keep the lock state, so "allocated
 * under a lock" is counted where the allocation happens.
 */
@Timeout(10)
class HostCallsTest {
    private TableHost host;
    /** Locks held now (by the one caller of these tests), and allocations made while one was. */
    private int held;
    private int allocatedHolding;
    private int allocations;
    private final java.util.Map<Object, Integer> addressed = new java.util.IdentityHashMap<>();

    @BeforeEach
    void mockHost() {
        host = mock(TableHost.class);
        when(host.hash(any(), any())).thenAnswer(i -> ((Long) i.getArgument(1)) & 0xffffffffL);
        when(host.test(any(), any(), any())).thenAnswer(i -> i.getArgument(1).equals(i.getArgument(2)));
        when(host.allocate(anyInt())).thenAnswer(i -> {
            allocations++;
            if (held > 0) allocatedHolding++;
            return new Object[(int) i.getArgument(0)];
        });
        when(host.allocateObject(anyInt())).thenAnswer(i -> new Object());
        // heap objects (not fixnums) have addresses: a gc-table's store holds those keys
        when(host.immediate(any())).thenAnswer(i -> i.getArgument(0) instanceof Long);
        when(host.address(any())).thenAnswer(i -> i.getArgument(0) instanceof Long ? 0L : 4096L + 64L * addressed.computeIfAbsent(i.getArgument(0), k -> addressed.size()));
        when(host.newLock(anyString())).thenAnswer(i -> new Object());
        when(host.tryLock(any())).thenAnswer(i -> {
            held++;
            return true;
        });
        doAnswer(i -> {
            held--;
            return null;
        }).when(host).unlock(any());
    }

    /** Runs {@code op} to its end (one caller: every lock try succeeds). */
    private Object run(TableOp op) {
        return new TableRunner(host).run(op);
    }

    /** A 16-slot eqv table under {@code policy} with five entries: the next insert rehashes to 32 slots. */
    private Locking fullish(Policy policy, TableLocks locks) {
        RawTable tab = RawTable.makeEqvTable(host, 0, 0);
        Locking l = Locking.of(policy, tab, new Object(), locks, host, "t");
        for (long k = 1; k <= 5; k++) run(l.setOp(k, k));
        assertEquals(16, tab.slots());
        clearInvocations(host);
        allocations = 0;
        return l;
    }

    @Test
    void perTableAllocatesTheRehashsVectorBeforeTakingItsLockAndReportsTheRehashWithItsSizes() {
        Locking l = fullish(Policy.PER_TABLE, new TableLocks());
        Object lock = l.lock();
        run(l.setOp(6L, 6L));
        assertEquals(32, l.table().slots());
        InOrder order = inOrder(host);
        order.verify(host).allocate(32);
        order.verify(host).tryLock(lock);
        order.verify(host).rehashStarted(l.table(), 16, 32);
        order.verify(host).stepped(l.table(), new TableStep.Publish(16, 32));
        order.verify(host).rehashFinished(l.table(), 16, 32);
        order.verify(host).unlock(lock);
        assertEquals(1, allocations);
        assertEquals(0, allocatedHolding, "nothing that holds the table's lock allocates");
        assertEquals(0, held);
    }

    @Test
    void globalAllocatesInsideItsCriticalSectionAsTheSeedDoes() {
        TableLocks locks = new TableLocks();
        Locking l = fullish(Policy.GLOBAL, locks);
        Object global = locks.global(host);
        run(l.setOp(6L, 6L));
        InOrder order = inOrder(host);
        order.verify(host).tryLock(global);
        order.verify(host).allocate(32);
        order.verify(host).unlock(global);
        assertEquals(1, allocatedHolding, "the seed's rehash allocates holding __raw-table-lock (bug 5a)");
    }

    @Test
    void aFailedTryIsASpinThatPollsAsThePolicySays() {
        for (Policy p : new Policy[] {Policy.PER_TABLE, Policy.GLOBAL, Policy.LOCK_AFTER_PROBE}) {
            TableLocks locks = new TableLocks();
            RawTable tab = RawTable.makeEqvTable(host, 0, 0);
            Locking l = Locking.of(p, tab, new Object(), locks, host, "t");
            when(host.tryLock(any())).thenReturn(false);
            TableOp op = l.setOp(1L, 1L);
            Step s = op.step(host);
            while (!(s instanceof Step.Spin) && !(s instanceof Step.Done)) s = op.step(host);
            assertTrue(s instanceof Step.Spin, p + ": " + s);
            WaitPolls expected = p == Policy.PER_TABLE ? WaitPolls.ALWAYS : p == Policy.GLOBAL ? WaitPolls.AS_COMPILED : WaitPolls.NEVER;
            assertEquals(expected, ((Step.Spin) s).polls(), p.toString());
            verify(host, never()).unlock(any()); // a lock not taken is not released
            mockHost();
        }
    }

    @Test
    void aStripedReleaseAfterTheTableMovedReportsTheStrandedStripe() {
        TableLocks locks = new TableLocks();
        Object owner = new Object();
        when(host.address(owner)).thenReturn(0L, 64L); // a GC moves the table from stripe 0 to stripe 1
        RawTable tab = RawTable.makeEqvTable(host, 0, 0);
        Locking l = Locking.of(Policy.STRIPED_ADDRESS, tab, owner, locks, host, "t");
        run(l.refOp(1L, Boolean.FALSE));
        Object stripe0 = locks.stripe(0, host);
        Object stripe1 = locks.stripe(1, host);
        verify(host).tryLock(stripe0);
        verify(host).unlock(stripe1);
        verify(host).strandedStripe(owner, stripe0, stripe1, 0L, 64L);
        verify(host).stepped(owner, new TableStep.StrandedRelease(0, 1, 0L, 64L));
        verify(host, never()).unlock(stripe0);
    }

    /** A gc-table of {@code mode} filled until the next new key overfills its store. */
    private GcTable fullGcTable(GcTable.Mode mode, Object lock) {
        GcTable t = GcTable.make(host, 0, mode, lock);
        while (t.store().free > 0) run(t.setOp(new Object(), 1L));
        clearInvocations(host);
        allocations = 0;
        allocatedHolding = 0;
        return t;
    }

    @Test
    void aPerTableGcTableAllocatesItsResizesStoreWithItsLockLetGo() {
        Object lock = new Object();
        GcTable t = fullGcTable(GcTable.Mode.PER_TABLE, lock);
        int before = t.store().entries();
        Object key = new Object();
        run(t.setOp(key, 1L));
        assertTrue(t.store().entries() > before, "resized");
        assertEquals(1L, run(t.refOp(key, Boolean.FALSE)));
        InOrder order = inOrder(host);
        order.verify(host).tryLock(lock);
        order.verify(host).unlock(lock);
        order.verify(host).allocate(anyInt());
        order.verify(host).allocateObject(anyInt());
        order.verify(host).tryLock(lock);
        order.verify(host).gcTableRehashed(eq(t), eq(true), eq(2 * before), eq(t.store().entries() * 2));
        order.verify(host).unlock(lock);
        assertEquals(0, allocatedHolding, "no holder of the table's lock allocates");
    }

    @Test
    void theSeedsGcTableLockIsHeldWhileItsResizeAllocates() {
        GcTable t = fullGcTable(GcTable.Mode.SEED_RETRY, new Object());
        run(t.setOp(new Object(), 1L));
        assertEquals(1, allocatedHolding, "PR #1416's resize allocates under __gc-table-lock");
    }

    @Test
    void perTableGcClearAndCopyAllocateBeforeLocking() {
        Object lock = new Object();
        GcTable t = fullGcTable(GcTable.Mode.PER_TABLE, lock);
        run(t.setOp(7L, 49L)); // an immediate key: the gc-table's raw immediate-table is made for it
        allocations = 0;
        GcTable copy = (GcTable) run(t.copyOp(new Object()));
        assertEquals(t.length(), copy.length());
        assertEquals(49L, run(copy.refOp(7L, Boolean.FALSE)));
        run(t.clearOp());
        assertEquals(0, t.length());
        assertEquals(3, allocations, "the copy's store and immediate vector, the clear's store");
        assertEquals(0, allocatedHolding);
    }

    @Test
    void immediateKeysLiveInARawImmediateTableOfTheirOwnMadeAndGrownWithTheLockLetGo() {
        Object lock = new Object();
        GcTable t = GcTable.make(host, 0, GcTable.Mode.PER_TABLE, lock);
        Object heapKey = new Object();
        run(t.setOp(heapKey, "heap"));
        assertEquals(null, t.immediates(), "no immediate key yet, no immediate table");
        for (long k = 1; k <= 20; k++) run(t.setOp(k, k * k)); // grows the immediate table twice
        assertEquals(1, t.store().count(), "the store holds only the heap key");
        assertEquals(20, t.immediates().count());
        assertEquals(21, t.length());
        assertEquals(144L, run(t.refOp(12L, Boolean.FALSE)));
        assertEquals("heap", run(t.refOp(heapKey, Boolean.FALSE)));
        assertEquals(0, allocatedHolding, "the immediate table and its rehash vectors are allocated unlocked");
        run(t.deleteOp(12L));
        assertEquals(Boolean.FALSE, run(t.refOp(12L, Boolean.FALSE)));
        assertEquals(20, t.length());
    }
}
