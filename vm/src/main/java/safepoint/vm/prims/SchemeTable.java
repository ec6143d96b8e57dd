package safepoint.vm.prims;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Condition;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.MString;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.Record;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Serials;

/**
 * A Gambit table ({@code make-table}): a hash map whose key equivalence is the table's test.
 * Entries keep insertion order and {@code table->list} lists the newest first, a deterministic
 * stand-in for Gambit's hash order (which matches it for small symbol tables).
 *
 * <p>Weak keys and values are recorded but held strongly for now; the heap model makes them weak.
 * Not thread-safe: the SMP runtime serializes access as Gambit's table locks do.
 */
public final class SchemeTable extends HeapObj implements Printable {
    /** The key equivalences a table can use, named as Scheme writes them. */
    public enum Test {
        EQ("eq?"), EQV("eqv?"), EQUAL("equal?"), STRING("string=?"), STRING_CI("string-ci=?");

        public final String schemeName;

        Test(String schemeName) {
            this.schemeName = schemeName;
        }

        public static Test named(String name) {
            for (Test t : values()) if (t.schemeName.equals(name)) return t;
            return null;
        }
    }

    public final Test test;
    public final boolean weakKeys;
    public final boolean weakValues;
    /** {@code init:} value returned by a failed lookup without default, or null for none. */
    public final Object init;
    private final LinkedHashMap<Key, Object> map = new LinkedHashMap<>();

    public SchemeTable(Test test, boolean weakKeys, boolean weakValues, Object init) {
        this.test = test;
        this.weakKeys = weakKeys;
        this.weakValues = weakValues;
        this.init = init;
    }

    public SchemeTable(Test test) {
        this(test, false, false, null);
    }

    /** The value for {@code key}, or {@code dflt} (which may be null) when absent. */
    public Object get(Object key, Object dflt) {
        Object v = map.get(key(key));
        return v != null ? v : dflt;
    }

    public void put(Object key, Object value) {
        map.put(key(key), value);
    }

    public void remove(Object key) {
        map.remove(key(key));
    }

    public boolean containsKey(Object key) {
        return map.containsKey(key(key));
    }

    public int size() {
        return map.size();
    }

    /**
     * A snapshot of the entries as {key, value} arrays, newest first: what {@code table->list}
     * lists and what {@code table-for-each} iterates (a snapshot, so the Scheme procedure it calls
     * may change the table).
     */
    /**
     * After a collection's mark phase: drop entries whose weak key (or weak value) is a heap
     * object the collector did not mark with this collection's {@code mark}. Returns how many went.
     */
    public int clearDead(int mark) {
        int before = map.size();
        map.entrySet().removeIf(e -> (weakKeys && dead(e.getKey().obj(), mark)) || (weakValues && dead(e.getValue(), mark)));
        return before - map.size();
    }

    private static boolean dead(Object o, int mark) {
        return o instanceof safepoint.vm.data.HeapObj h && h.mark != mark;
    }

    public List<Object[]> entries() {
        ArrayList<Object[]> out = new ArrayList<>(map.size());
        for (Map.Entry<Key, Object> e : map.entrySet()) out.add(new Object[] {e.getKey().obj(), e.getValue()});
        java.util.Collections.reverse(out);
        return out;
    }

    /** A new table with the same test, flags and entries. */
    public SchemeTable copy() {
        SchemeTable t = new SchemeTable(test, weakKeys, weakValues, init);
        t.map.putAll(map);
        return t;
    }

    /** Part of {@code equal?}: same test and keys; value pairs are pushed for the caller to compare. */
    boolean sameContents(SchemeTable u, ArrayDeque<Object> todo) {
        if (u.test != test || u.map.size() != map.size()) return false;
        for (Map.Entry<Key, Object> e : map.entrySet()) {
            Object w = u.map.get(e.getKey());
            if (w == null) return false;
            Equality.pushPair(todo, e.getValue(), w);
        }
        return true;
    }

    @Override
    public void printOn(StringBuilder out, boolean write, Serials vm) {
        out.append("#<table").append(vm.tag(this)).append('>');
    }

    private Key key(Object k) {
        if ((test == Test.STRING || test == Test.STRING_CI) && !(k instanceof MString)) {
            throw Condition.typeError(test.schemeName + "-hash", 1, "STRING", k);
        }
        return new Key(k, test, hash(k, test, this));
    }

    /** Heap objects first hashed by this table: a per-table sequence, deterministic per run. */
    private int firstUse;

    /** A key under the table's equivalence; {@code hash} is computed once, when it is made. */
    private record Key(Object obj, Test test, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k)) return false;
            Object b = k.obj();
            return switch (test) {
                case EQ -> Equality.eq(obj, b);
                case EQV -> Equality.eqv(obj, b);
                case EQUAL -> Equality.equal(obj, b);
                case STRING -> ((MString) obj).compareTo((MString) b) == 0;
                case STRING_CI -> CharStringPrims.fold(obj.toString()).equals(CharStringPrims.fold(b.toString()));
            };
        }
    }

    static int hash(Object o, Test test) {
        return hash(o, test, null);
    }

    static int hash(Object o, Test test, SchemeTable table) {
        return switch (test) {
            case EQ -> atomHash(o, false, table);
            case EQV -> atomHash(o, true, table);
            case EQUAL -> equalHash(o, table);
            case STRING -> o.toString().hashCode();
            case STRING_CI -> CharStringPrims.fold(o.toString()).hashCode();
        };
    }

    private static int atomHash(Object o, boolean numbers, SchemeTable table) {
        if (o instanceof Long || o instanceof SChar || o instanceof Boolean) return o.hashCode();
        if (numbers && (o instanceof Double || o instanceof BigInteger || o instanceof Ratnum || o instanceof safepoint.vm.data.Cpxnum)) return o.hashCode();
        if (o instanceof safepoint.vm.data.HeapObj h) {
            // A fixed per-object hash, drawn in allocation-independent but run-deterministic order
            // (never Java's identity hash, which changes from run to run and with it table order).
            if (h.eqHash == 0 && table != null) h.eqHash = (++table.firstUse) * 0x9E3779B1 | 1;
            return h.eqHash;
        }
        return o == null ? 0 : o.hashCode();
    }

    /** Consistent with equal?: the shared walk, with this table's hash for atoms. */
    private static int equalHash(Object root, SchemeTable table) {
        return Long.hashCode(Hashing.equal(root, o -> atomHash(o, true, table)));
    }
}
