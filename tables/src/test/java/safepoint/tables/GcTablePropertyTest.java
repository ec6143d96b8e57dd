package safepoint.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The gc-table in each of its modes against a {@link HashMap}, under random single-threaded
 * operation sequences with moving GCs between them: keys hashed by address stay found after every
 * move, through resizes, clears and copies, and the immediate keys (no address) too.
 */
class GcTablePropertyTest {
    enum Kind { REF, SET, UPDATE, DELETE, CLEAR, COPY, GC }

    record Action(Kind kind, int key, int value) {}

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
            Tuple.of(20, Kind.REF), Tuple.of(30, Kind.SET), Tuple.of(10, Kind.UPDATE), Tuple.of(15, Kind.DELETE),
            Tuple.of(1, Kind.CLEAR), Tuple.of(2, Kind.COPY), Tuple.of(4, Kind.GC));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 1000))
                .as(Action::new).list().ofMaxSize(300);
    }

    @Property(tries = 60)
    void everyModeBehavesAsAHashMapAcrossMovingGcs(@ForAll("actions") List<Action> actions, @ForAll GcTable.Mode mode) {
        FakeHost host = new FakeHost();
        TableRunner run = new TableRunner(host);
        // keys 0..49 are heap objects (an address each, moved by every GC); 50..59 immediates, Longs
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Object k = new Object();
            host.addresses.put(k, 1_000_000L + 16L * i);
            keys.add(k);
        }
        for (long i = 50; i < 60; i++) keys.add(i);
        GcTable t = GcTable.make(host, 0, mode, mode == GcTable.Mode.UNLOCKED ? null : host.newLock("gc"));
        Map<Object, Object> model = new HashMap<>();
        for (Action a : actions) {
            Object k = keys.get(a.key());
            Long v = (long) a.value();
            switch (a.kind()) {
                case REF -> assertEquals(model.getOrDefault(k, "none"), run.run(t.refOp(k, "none")), a.toString());
                case SET -> {
                    run.run(t.setOp(k, v));
                    model.put(k, v);
                }
                case UPDATE -> {
                    run.run(t.updateOp(k, 0L), old -> (Long) old + v, null);
                    model.merge(k, v, (old, add) -> (Long) old + (Long) add);
                }
                case DELETE -> {
                    run.run(t.deleteOp(k));
                    model.remove(k);
                }
                case CLEAR -> {
                    run.run(t.clearOp());
                    model.clear();
                }
                case COPY -> t = (GcTable) run.run(t.copyOp(mode == GcTable.Mode.PER_TABLE ? host.newLock("copy") : null));
                case GC -> host.moveAll();
            }
            assertEquals(model.size(), t.length(), a.toString());
        }
        Map<Object, Object> seen = new HashMap<>();
        run.run(t.forEachOp(), null, seen::put);
        assertEquals(model, seen);
    }
}
