package safepoint.vm.gc;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import safepoint.vm.data.Symbol;
import safepoint.vm.interp.Lambda;
import safepoint.vm.interp.Node;

/**
 * The one reflective walk over the VM's objects, for the collector ({@link Heap}), what a program
 * can reach (analysis {@code Reach}) and explore's rewind (search {@code Checkpoint}). It says once
 * what a leaf is, what is code rather than data, and how an object refers to others (array slots,
 * collection elements, map keys and values, the fields of Safepoint's own classes, each class's
 * table computed once); each user adds only its own rules. Java lambdas' captured values are
 * fields like any other here: the collector must see them (a weak table's key may hang off one),
 * while reachability and the rewind decline them, each for its own reason.
 *
 * <p>Concurrency: the tables are filled on first use from any thread and never change; a walk
 * copies a collection's or map's contents before visiting them, so its callback may do anything.
 */
public final class ObjectWalker {
    private ObjectWalker() {}

    /**
     * Immutable values that refer to nothing worth walking: numbers (not the atomic counters,
     * which change), booleans, characters, strings, symbols, enum constants and classes. Nothing
     * inside them is walked or rewound, though the heap still counts the boxed ones.
     */
    public static boolean atom(Object o) {
        return o instanceof Number && !(o instanceof AtomicLong || o instanceof AtomicInteger) || o instanceof Boolean
                || o instanceof Character || o instanceof String || o instanceof Symbol || o instanceof Enum<?>
                || o instanceof Class<?>;
    }

    /**
     * Code and the machine, which no program holds as data: compiled nodes, lambdas, and the
     * machine itself (the {@link Roots} it implements). The collector and reachability stop at
     * them; the rewind walks them, for their constants and caches.
     */
    public static boolean code(Object o) {
        // The source map is compiler metadata, and a Java-weak map whose size Java's GC decides.
        return o instanceof Node || o instanceof Lambda || o instanceof Roots || o instanceof safepoint.vm.data.SourceMap;
    }

    /** A field of this declared type holds code or the machine (typed with any layer's view of it: Machinery). */
    private static boolean codeType(Class<?> t) {
        return Node.class.isAssignableFrom(t) || Lambda.class.isAssignableFrom(t) || safepoint.vm.data.Machinery.class.isAssignableFrom(t)
                || t == safepoint.vm.data.SourceMap.class;
    }

    /** How a class's instances refer to others. */
    public enum Kind { ARRAY, COLLECTION, MAP, FIELDS }

    /**
     * What the walker knows of a class, found once (an interface test per object costs more): its
     * kind, and its instance fields declared by Safepoint's own classes (Java superclasses hold no
     * Scheme data), in a fixed order: the class's own first, then its superclasses'.
     *
     * @param refs the fields that hold references
     * @param data those of {@code refs} whose declared type is not code (see {@link #code})
     * @param mutable the fields that are not final, references or not
     */
    public record Shape(Kind kind, Field[] refs, Field[] data, Field[] mutable) {
        /** A collection or map: an object of its own besides its slots. */
        public boolean container() {
            return kind == Kind.COLLECTION || kind == Kind.MAP;
        }
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    public static Shape shape(Class<?> c) {
        Shape s = SHAPES.get(c);
        return s != null ? s : SHAPES.computeIfAbsent(c, ObjectWalker::compute);
    }

    private static Shape compute(Class<?> c) {
        List<Field> refs = new ArrayList<>();
        List<Field> data = new ArrayList<>();
        List<Field> mutable = new ArrayList<>();
        for (Class<?> x = c; x != null && x != Object.class; x = x.getSuperclass()) {
            if (!x.getName().startsWith("safepoint.")) continue;
            for (Field f : x.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod)) continue;
                try {
                    f.setAccessible(true);
                } catch (RuntimeException e) {
                    continue; // not ours to read: holds no Scheme data
                }
                if (!f.getType().isPrimitive()) {
                    refs.add(f);
                    if (!codeType(f.getType())) data.add(f);
                }
                if (!Modifier.isFinal(mod)) mutable.add(f);
            }
        }
        Kind kind = Object[].class.isAssignableFrom(c) ? Kind.ARRAY
                : Collection.class.isAssignableFrom(c) ? Kind.COLLECTION
                : Map.class.isAssignableFrom(c) ? Kind.MAP : Kind.FIELDS;
        return new Shape(kind, refs.toArray(new Field[0]), data.toArray(new Field[0]), mutable.toArray(new Field[0]));
    }

    /** The value of field {@code f} of {@code o} (a field of {@link #shape}, so readable). */
    public static Object read(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("reading " + f + " of " + o.getClass().getName(), e);
        }
    }

    /**
     * Visit every non-null object {@code o} refers to, in a fixed order: an object array's slots,
     * a collection's elements, a map's keys and values, or the fields of one of Safepoint's own
     * classes (only the {@link Shape#data} ones when {@code dataOnly}). Other objects refer to
     * nothing. Returns how many slots there were, nulls included (a measure of size).
     */
    public static int forEachRef(Object o, boolean dataOnly, Consumer<Object> visit) {
        return forEachRef(o, shape(o.getClass()), dataOnly, visit);
    }

    /** The same, with {@code o}'s shape already in hand. */
    public static int forEachRef(Object o, Shape s, boolean dataOnly, Consumer<Object> visit) {
        switch (s.kind) {
            case ARRAY -> {
                Object[] a = (Object[]) o;
                for (Object x : a) if (x != null) visit.accept(x);
                return a.length;
            }
            case COLLECTION -> {
                Object[] items = ((Collection<?>) o).toArray();
                for (Object x : items) if (x != null) visit.accept(x);
                return items.length;
            }
            case MAP -> {
                List<Map.Entry<?, ?>> entries = new ArrayList<>(((Map<?, ?>) o).entrySet());
                for (Map.Entry<?, ?> e : entries) {
                    if (e.getKey() != null) visit.accept(e.getKey());
                    if (e.getValue() != null) visit.accept(e.getValue());
                }
                return 2 * entries.size();
            }
            default -> {
                Field[] fields = dataOnly ? s.data : s.refs;
                for (Field f : fields) {
                    Object v = read(f, o);
                    if (v != null) visit.accept(v);
                }
                return fields.length;
            }
        }
    }
}
