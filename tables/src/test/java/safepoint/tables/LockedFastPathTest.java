package safepoint.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The uncontended path of the whole-operation policies: the lock is taken in the operation's
 * first step and given back in its last, so the operation has exactly the steps it has under
 * {@code none}, allocates nothing when no rehash is due, and leaves the lock free once done.
 */
class LockedFastPathTest {
    private static final Policy[] WHOLE_OP = {Policy.GLOBAL, Policy.PER_TABLE, Policy.STRIPED_ADDRESS};

    /** The lock word held after each step of {@code op}, until it is done. */
    private static List<Object> holdersPerStep(FakeHost h, TableOp op) {
        List<Object> holders = new ArrayList<>();
        for (int n = 0; n < 100 && !op.isDone(); n++) {
            op.step(h);
            Object held = null;
            for (FakeHost.FakeLock l : h.locks) if (l.holder != null) held = l.holder;
            holders.add(held);
        }
        assertTrue(op.isDone(), "the operation ends");
        return holders;
    }

    private static Locking filled(Policy p, FakeHost h) {
        RawTable t = RawTable.makeEqvTable(h, 0, 1);
        Locking l = Locking.of(p, t, new Object(), new TableLocks(), h, "t");
        for (long i = 0; i < 40; i++) new TableRunner(h).run(l.setOp(i, i));
        return l;
    }

    @Test
    void anUncontendedOperationHasTheStepsOfNoneAndReleasesInItsLastStep() {
        FakeHost plain = new FakeHost();
        Locking none = filled(Policy.NONE, plain);
        int setSteps = holdersPerStep(plain, none.setOp(5L, 50L)).size();
        int refSteps = holdersPerStep(plain, none.refOp(7L, null)).size();
        assertTrue(setSteps > 1 && refSteps > 1, "replacing and finding take several steps");
        for (Policy p : WHOLE_OP) {
            FakeHost h = new FakeHost();
            Locking l = filled(p, h);
            int allocations = h.allocations;
            for (TableOp op : new TableOp[] {l.setOp(5L, 50L), l.refOp(7L, null)}) {
                List<Object> holders = holdersPerStep(h, op);
                assertEquals(op.name().contains("set") ? setSteps : refSteps, holders.size(), p + " " + op.name() + ": the steps of none");
                for (int i = 0; i < holders.size() - 1; i++) assertSame("main", holders.get(i), p + ": held from the first step on");
                assertNull(holders.get(holders.size() - 1), p + ": released in the last step");
                assertTrue(!op.holdsLock(), p + ": a finished op holds nothing");
            }
            assertEquals(allocations, h.allocations, p + ": nothing allocated when no rehash is due");
            assertEquals(50L, new TableRunner(h).run(l.refOp(5L, null)), p + ": the set took effect");
        }
    }
}
