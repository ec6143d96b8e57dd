package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Under every locking policy, a table driven one whole operation at a time behaves as a java.util.HashMap. */
class PolicyPropertyTest {
    enum Kind { REF, SET, UPDATE, DELETE, CLEAR, COPY, FOR_EACH }

    record Action(Kind kind, long key, int value) {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
            Tuple.of(20, Kind.REF), Tuple.of(30, Kind.SET), Tuple.of(15, Kind.UPDATE),
            Tuple.of(20, Kind.DELETE), Tuple.of(1, Kind.CLEAR), Tuple.of(2, Kind.COPY), Tuple.of(2, Kind.FOR_EACH));
        Arbitrary<Long> keys = Arbitraries.longs().between(-5, 60);
        Arbitrary<Integer> values = Arbitraries.integers().between(0, 1000);
        return Combinators.combine(kinds, keys, values).as(Action::new).list().ofMaxSize(300);
    }

    @Property(tries = 60)
    void everyPolicyBehavesAsAHashMap(@ForAll Policy policy, @ForAll("actions") List<Action> actions,
                                      @ForAll @IntRange(min = 1, max = 64) int modulus,
                                      @ForAll @LongRange(min = 0, max = 100) long seed,
                                      @ForAll @IntRange(min = 0, max = 12) int sizeHint) {
        FakeHost host = new FakeHost(k -> Math.floorMod((Long) k, modulus)); // few buckets: collisions
        TableLocks locks = new TableLocks();
        TableRunner r = new TableRunner(host);
        Object owner = new Object();
        Locking t = Locking.of(policy, RawTable.makeEqvTable(host, sizeHint, seed), owner, locks, host, "t");
        Map<Long, Object> model = new HashMap<>();
        int slots = t.table().slots();
        for (Action a : actions) {
            switch (a.kind()) {
                case REF -> assertEquals(model.getOrDefault(a.key(), "none"), r.run(t.refOp(a.key(), "none")));
                case SET -> {
                    r.run(t.setOp(a.key(), a.value()));
                    model.put(a.key(), a.value());
                }
                case UPDATE -> {
                    r.run(t.updateOp(a.key(), 0), v -> (Integer) v + a.value(), null);
                    model.merge(a.key(), a.value(), (x, y) -> (Integer) x + (Integer) y);
                }
                case DELETE -> {
                    r.run(t.deleteOp(a.key()));
                    model.remove(a.key());
                }
                case CLEAR -> {
                    r.run(t.clearOp());
                    model.clear();
                }
                case COPY -> {
                    RawTable c = (RawTable) r.run(t.copyOp());
                    r.run(t.setOp(-100L, "only in the old one")); // the copy is independent
                    r.run(t.deleteOp(-100L));
                    t = Locking.of(policy, c, owner, locks, host, "copy");
                }
                case FOR_EACH -> {
                    Map<Object, Object> seen = new HashMap<>();
                    r.run(t.forEachOp(), null, (k, v) -> assertNull(seen.put(k, v), "for-each yields each key once"));
                    assertEquals(model, seen);
                }
            }
            RawTable raw = t.table();
            assertEquals(model.size(), raw.count());
            assertEquals(FakeHost.live(raw), raw.count());
            assertTrue(raw.free() >= 1, "a walk always meets an unused entry");
            assertTrue(raw.slots() >= slots, "never shrinks");
            slots = raw.slots();
            for (FakeHost.FakeLock l : host.locks) assertNull(l.holder, "every lock is released after each operation: " + l);
        }
    }
}
