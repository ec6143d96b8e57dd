package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user hash:/test: is a Scheme procedure: the table asks for it and never calls it. */
class ProcedureSpecTest {
    final FakeHost host = new FakeHost(); // throws if asked for a PROCEDURE hash or test
    final Object hashProc = "H";
    final Object testProc = "T";
    final RawTable t = RawTable.makeGeneric(host, 0, hashProc, testProc, 0);

    @Test
    void theTableAsksWithNeedHashAndNeedTest() {
        TableOp a = t.setOp("a", 1);
        assertEquals(new Step.NeedHash(hashProc, "a"), a.step(host));
        a.supply(3L);
        assertEquals(Step.CONTINUE, a.step(host)); // probes entry 3: unused
        Step s;
        while (!((s = a.step(host)) instanceof Step.Done)) assertEquals(Step.CONTINUE, s, "no more questions");
        assertEquals("a", t.vector()[6]);

        TableOp b = t.setOp("b", 2);
        assertEquals(new Step.NeedHash(hashProc, "b"), b.step(host));
        b.supply(3L);
        assertEquals(new Step.NeedTest(testProc, "b", "a"), b.step(host));
        b.supply(Boolean.FALSE);
        assertEquals(Step.CONTINUE, b.step(host)); // next probe, entry 4: unused
        while (!b.isDone()) b.step(host);
        assertEquals("b", t.vector()[8]);

        TableOp ref = t.refOp("b", null);
        assertTrue(ref.step(host) instanceof Step.NeedHash);
        ref.supply(3L);
        assertEquals(new Step.NeedTest(testProc, "b", "a"), ref.step(host));
        ref.supply(Boolean.FALSE);
        assertEquals(new Step.NeedTest(testProc, "b", "b"), ref.step(host));
        ref.supply("anything but #f is true");
        assertEquals(new Step.Done(2), ref.step(host));
        assertEquals(2, ref.result());
    }

    @Test
    void misuseOfTheProtocolIsRefused() {
        TableOp op = t.refOp("a", null);
        assertThrows(IllegalStateException.class, () -> op.supply(1L), "nothing asked yet");
        op.step(host);
        assertTrue(op.isAwaiting());
        assertThrows(IllegalStateException.class, () -> op.step(host), "answer first");
        assertThrows(IllegalArgumentException.class, () -> op.supply("not a fixnum"));
        op.supply(0L);
        assertFalse(op.isAwaiting());
        assertEquals(new Step.Done(null), op.step(host));
        assertEquals(new Step.Done(null), op.step(host), "a finished op stays done");
    }

    @Test
    void theRehashAsksAgainForEveryReinsertedKey() {
        List<Object> hashed = new ArrayList<>();
        ProcedureCaller caller = (proc, args) -> {
            if (proc == hashProc) {
                hashed.add(args[0]);
                return (long) args[0].hashCode();
            }
            return args[0].equals(args[1]);
        };
        TableRunner r = new TableRunner(host, caller);
        for (String k : List.of("a", "b", "c", "d", "e")) r.set(t, k, k);
        hashed.clear();
        r.set(t, "f", "f"); // rehash: 5 re-insertions, then "f"
        assertEquals(6, hashed.size());
        assertEquals("f", hashed.get(5));
        assertEquals(32, t.slots());
        for (String k : List.of("a", "b", "c", "d", "e", "f")) assertEquals(k, r.ref(t, k, null));
    }

    @Test
    void updateAsksForTheNewValue() {
        FakeHost h = new FakeHost();
        RawTable e = RawTable.makeEqvTable(h, 0, 0);
        TableOp up = e.updateOp(1L, 10L);
        Step s = up.step(h);
        while (!(s instanceof Step.NeedUpdate)) s = up.step(h);
        assertEquals(new Step.NeedUpdate(10L), s);
        // Gerbil wrote the key before calling update: the value slot is still unused meanwhile
        assertSame(RawTable.UNUSED, new TableRunner(h).ref(e, 1L, null));
        up.supply(11L);
        while (!up.isDone()) up.step(h);
        assertEquals(11L, new TableRunner(h).ref(e, 1L, null));

        TableOp again = e.updateOp(1L, 10L);
        s = again.step(h);
        while (!(s instanceof Step.NeedUpdate)) s = again.step(h);
        assertEquals(new Step.NeedUpdate(11L), s);
        again.supply(12L);
        while (!again.isDone()) again.step(h);
        assertEquals(12L, new TableRunner(h).ref(e, 1L, null));
        assertEquals(1, e.count());
    }

    @Test
    void aSuspendedOpHoldsItsKeyAndVectorAsRoots() {
        TableOp op = t.setOp("k", "v");
        op.step(host); // waits for the hash
        List<Object> roots = new ArrayList<>();
        op.roots(roots::add);
        assertTrue(roots.contains("k"));
        assertTrue(roots.contains("v"));
        assertTrue(roots.stream().anyMatch(o -> o == t.vector()));
        List<Object> tableRoots = new ArrayList<>();
        t.roots(tableRoots::add);
        assertEquals(List.of(t.vector(), hashProc, testProc), tableRoots);
    }
}
