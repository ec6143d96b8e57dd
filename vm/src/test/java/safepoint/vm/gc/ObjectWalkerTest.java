package safepoint.vm.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Symbol;
import safepoint.vm.event.Events;

/** The one object walker: what a leaf is, the field tables, the walk's order and count, and the heap over it. */
class ObjectWalkerTest {
    static class Base {
        Object inherited;
        final Object fixed = null;
        int count;
        static Object ignored;
    }

    static class Sub extends Base {
        Object own;
        Roots machine;
    }

    static class Failure extends RuntimeException {
        Object payload;
    }

    private static List<String> names(Field[] fs) {
        return Arrays.stream(fs).map(Field::getName).toList();
    }

    @Test
    void atomsAreImmutableValuesAndCodeIsTheMachineAndItsCode() {
        for (Object a : new Object[] {1L, 2.0, BigInteger.TEN, true, 'c', "s", Symbol.of("x"), Thread.State.NEW, String.class}) {
            assertTrue(ObjectWalker.atom(a), a + " is an atom");
        }
        assertFalse(ObjectWalker.atom(new AtomicLong()), "an atomic counter changes: the rewind keeps it");
        assertFalse(ObjectWalker.atom(new Pair(1L, 2L)));
        Roots machine = visit -> {};
        assertTrue(ObjectWalker.code(machine), "the machine is not data");
        assertFalse(ObjectWalker.code(new Pair(1L, 2L)));
    }

    @Test
    void aShapeListsSafepointsOwnFieldsSubclassFirst() {
        ObjectWalker.Shape s = ObjectWalker.shape(Sub.class);
        assertEquals(ObjectWalker.Kind.FIELDS, s.kind());
        assertEquals(List.of("own", "machine", "inherited", "fixed"), names(s.refs()));
        assertEquals(List.of("own", "inherited", "fixed"), names(s.data()), "a field typed as the machine is not data");
        assertEquals(List.of("own", "machine", "inherited", "count"), names(s.mutable()), "final fields are not mutable");
        assertEquals(List.of("payload"), names(ObjectWalker.shape(Failure.class).refs()), "Java superclasses hold no Scheme data");
        assertTrue(ObjectWalker.shape(ArrayList.class).container());
        assertEquals(ObjectWalker.Kind.ARRAY, ObjectWalker.shape(String[].class).kind());
        assertEquals(0, ObjectWalker.shape(long[].class).refs().length);
    }

    @Test
    void aWalkVisitsNonNullReferencesInOrderAndCountsEverySlot() {
        List<Object> seen = new ArrayList<>();
        assertEquals(3, ObjectWalker.forEachRef(new Object[] {"a", null, "b"}, true, seen::add));
        assertEquals(List.of("a", "b"), seen);

        seen.clear();
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("k1", "v1");
        m.put("k2", null);
        assertEquals(4, ObjectWalker.forEachRef(m, true, seen::add));
        assertEquals(List.of("k1", "v1", "k2"), seen);

        Sub o = new Sub();
        o.own = "own";
        o.machine = visit -> {};
        o.inherited = "inherited";
        seen.clear();
        assertEquals(3, ObjectWalker.forEachRef(o, true, seen::add));
        assertEquals(List.of("own", "inherited"), seen);
        seen.clear();
        assertEquals(4, ObjectWalker.forEachRef(o, false, seen::add));
        assertEquals(List.of("own", o.machine, "inherited"), seen, "the rewind walks the machine's fields too");
    }

    /** A machine for the heap alone: its roots are whatever the test gives. */
    private static final class TestRoots implements Roots {
        final List<Object> roots = new ArrayList<>();

        @Override
        public void forEachRoot(java.util.function.Consumer<Object> visit) {
            roots.forEach(visit);
        }
    }

    @Test
    void theCollectorTracesWhatItsRootsGiveAndMovesSurvivorsInTraceOrder() {
        TestRoots machine = new TestRoots();
        Object[] shared = {1L, "name", null, machine}; // 5 words: fixnums, strings and the machine cost none
        Pair p = new Pair(Symbol.of("x"), shared); // 3 words, and the symbol 2
        List<Object> list = new ArrayList<>(List.of(p, shared)); // 4 words: a header, the list object, 2 slots
        machine.roots.add(list);
        machine.roots.add(p);
        machine.roots.add(null);
        Pair garbage = new Pair(p, list);
        Object monitor = new Object();
        Heap h = new Heap(machine, new GcRequests() {
            @Override
            public boolean pending() {
                return false;
            }

            @Override
            public void request(safepoint.vm.interp.Owner t) {}
        }, new Events());
        synchronized (monitor) {
            h.collect(null);
        }
        assertEquals(14, h.lastLive);
        assertEquals(1, h.collections);
        assertEquals(1L << 12, p.addr, "the last root pushed is the first traced, and gets the first address");
        assertEquals(0, garbage.addr, "what no root reaches is not moved");
        assertTrue(garbage.mark != p.mark, "nor marked");
    }
}
