package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Driven to completion one op at a time, a raw table behaves as a java.util.HashMap. */
class RawTablePropertyTest {
    enum Kind { REF, SET, UPDATE, DELETE, CLEAR, COPY }

    record Action(Kind kind, long key, int value) {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
            Tuple.of(20, Kind.REF), Tuple.of(30, Kind.SET), Tuple.of(15, Kind.UPDATE),
            Tuple.of(20, Kind.DELETE), Tuple.of(1, Kind.CLEAR), Tuple.of(2, Kind.COPY));
        Arbitrary<Long> keys = Arbitraries.longs().between(-5, 60);
        Arbitrary<Integer> values = Arbitraries.integers().between(0, 1000);
        return Combinators.combine(kinds, keys, values).as(Action::new).list().ofMaxSize(400);
    }

    @Property(tries = 150)
    void behavesAsAHashMap(@ForAll("actions") List<Action> actions,
                           @ForAll @IntRange(min = 1, max = 64) int modulus,
                           @ForAll @LongRange(min = 0, max = 100) long seed,
                           @ForAll @IntRange(min = 0, max = 12) int sizeHint) {
        FakeHost host = new FakeHost(k -> Math.floorMod((Long) k, modulus)); // few buckets: collisions
        check(actions, new TableRunner(host), RawTable.makeEqvTable(host, sizeHint, seed));
    }

    @Property(tries = 60)
    void behavesAsAHashMapWithProcedureHashAndTest(@ForAll("actions") List<Action> actions,
                                                   @ForAll @IntRange(min = 1, max = 9) int modulus) {
        Function<Object, Object> hash = k -> (long) Math.floorMod((Long) k, modulus);
        BiPredicate<Object, Object> test = Object::equals;
        ProcedureCaller caller = (proc, args) -> {
            if (proc == hash) return hash.apply(args[0]);
            if (proc == test) return test.test(args[0], args[1]);
            throw new AssertionError("unknown procedure");
        };
        FakeHost host = new FakeHost(); // throws if the table calls a PROCEDURE spec itself
        check(actions, new TableRunner(host, caller), RawTable.makeGeneric(host, 0, hash, test, 0));
    }

    private static void check(List<Action> actions, TableRunner r, RawTable t) {
        Map<Long, Object> model = new HashMap<>();
        int slots = t.slots();
        for (Action a : actions) {
            switch (a.kind()) {
                case REF -> assertEquals(model.getOrDefault(a.key(), "none"), r.ref(t, a.key(), "none"));
                case SET -> {
                    r.set(t, a.key(), a.value());
                    model.put(a.key(), a.value());
                }
                case UPDATE -> {
                    r.update(t, a.key(), v -> (Integer) v + a.value(), 0);
                    model.merge(a.key(), a.value(), (x, y) -> (Integer) x + (Integer) y);
                }
                case DELETE -> {
                    r.delete(t, a.key());
                    model.remove(a.key());
                }
                case CLEAR -> {
                    r.clear(t);
                    model.clear();
                }
                case COPY -> {
                    RawTable c = r.copy(t);
                    r.set(t, -100L, "only in the old one"); // the copy is independent
                    r.delete(t, -100L);
                    t = c;
                }
            }
            assertEquals(model.size(), t.count());
            assertEquals(FakeHost.live(t), t.count());
            assertEquals(FakeHost.unused(t), t.free(), "free counts the unused entries exactly");
            assertTrue(t.free() >= 1, "a walk always meets an unused entry");
            assertTrue(t.slots() >= slots, "never shrinks");
            assertEquals(0, Integer.bitCount(t.slots()) - 1, "a power of two");
            slots = t.slots();
        }
        Map<Object, Object> seen = new HashMap<>();
        r.forEach(t, (k, v) -> assertNull(seen.put(k, v), "for-each yields each key once"));
        assertEquals(model, seen);
    }
}
