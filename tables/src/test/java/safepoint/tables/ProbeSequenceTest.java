package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeSequenceTest {
    @Test
    void probeStepIsStartPlusIPlusISquared() {
        List<Integer> slots = new ArrayList<>();
        for (int i = 1; i < 8; i++) slots.add(ProbingOp.probeSlot(0, i, 16));
        // 2, 6, 12, 20, 30, 42, 56 mod 16: entries 1 3 6 2 7 5 4 (triangular numbers mod 8)
        assertEquals(List.of(2, 6, 12, 4, 14, 10, 8), slots);
    }

    @Test
    void triangularWalkVisitsEveryEntryOfAPowerOfTwoTable() {
        for (int entries = 1; entries <= 1024; entries *= 2) {
            int size = 2 * entries;
            for (int start = 0; start < size; start += 2) {
                boolean[] seen = new boolean[entries];
                seen[start / 2] = true;
                for (int i = 1; i < entries; i++) {
                    int slot = ProbingOp.probeSlot(start, i, size);
                    assertEquals(0, slot % 2, "probes hit key slots only");
                    assertFalse(seen[slot / 2], "entry visited twice, size " + size);
                    seen[slot / 2] = true;
                }
            }
        }
    }

    @Test
    void collidingKeysLandOnTheWalk() {
        FakeHost host = new FakeHost(k -> 0); // every key hashes to entry 0
        TableRunner r = new TableRunner(host);
        RawTable t = RawTable.makeEqvTable(host, 0, 0);
        for (long k = 0; k < 5; k++) r.set(t, k, "v" + k);
        Object[] v = t.vector();
        int[] expectedSlots = {0, 2, 6, 12, 4};
        for (int k = 0; k < 5; k++) {
            assertEquals((long) k, v[expectedSlots[k]]);
            assertEquals("v" + k, v[expectedSlots[k] + 1]);
        }
        for (long k = 0; k < 5; k++) assertEquals("v" + k, r.ref(t, k, null));
    }

    @Test
    void seedIsXoredIntoTheHash() {
        FakeHost host = new FakeHost(k -> 0);
        RawTable t = RawTable.makeEqvTable(host, 0, 5);
        new TableRunner(host).set(t, 1L, "one");
        assertEquals(1L, t.vector()[10]); // entry (0 xor 5) mod 8 = 5
    }
}
