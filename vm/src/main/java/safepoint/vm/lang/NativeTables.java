package safepoint.vm.lang;

import safepoint.vm.data.Condition;
import safepoint.vm.data.Special;
import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Interp;
import safepoint.vm.prims.SchemeTable;

/**
 * Gerbil's hash API on Gambit's own tables (doc/reference/gerbil/runtime/hash-tables.md; reference
 * section 1.6: Gambit native tables implement the HashTable interface, and {@code make-hash-table}
 * with {@code weak-keys:} or {@code weak-values:} makes one, as its first dispatch rule says). The
 * collector clears such a table's entries whose weak side nothing else reaches (gc.Heap).
 *
 * <p>Each {@code hash-} procedure is wrapped once at install: a Gambit table is served here, any
 * other argument goes to the raw-table procedure installed before (HashTables), unchanged. A
 * Gambit table's operations are single primitives (one scheduling point each), so none of the
 * raw tables' interleavings apply to them.
 */
final class NativeTables {
    private NativeTables() {}

    /** Gerbil's dispatch rule 1: a Gambit table with the test named by {@code test} (equal? when null). */
    static SchemeTable make(LanguageHost vm, Interp m, Object test, boolean weakKeys, boolean weakValues) {
        String tn = test == null ? "equal?" : test instanceof safepoint.vm.data.Procedure p ? p.name() : null;
        SchemeTable.Test t = tn == null ? null : SchemeTable.Test.named(tn);
        if (t == null) throw Condition.raise("make-hash-table: a weak table's test must be eq?, eqv?, equal?, string=? or string-ci=?", test);
        SchemeTable table = new SchemeTable(t, weakKeys, weakValues, null);
        vm.tableHost().tables.made(table, "table", safepoint.tables.Policy.NONE, false); // listed by ,tables as a Gambit table
        return m.alloc(table, 8);
    }

    /** What one hash procedure does to a Gambit table ({@code at}: where the table is among the arguments). */
    private interface Native {
        void run(Interp m, SchemeTable t, Object[] a);
    }

    static void install(LanguageHost vm) {
        wrap(vm, "hash-ref", 2, 3, 0, (m, t, a) -> {
            Object v = t.get(a[1], null);
            if (v == null && a.length == 2) throw HashTables.unboundKey(a[1]);
            m.val = v != null ? v : a[2];
        });
        wrap(vm, "hash-get", 2, 2, 0, (m, t, a) -> m.val = t.get(a[1], Boolean.FALSE));
        wrap(vm, "hash-key?", 2, 2, 0, (m, t, a) -> m.val = t.containsKey(a[1]));
        wrap(vm, "hash-put!", 3, 3, 0, (m, t, a) -> put(m, t, a[1], a[2]));
        vm.alias("hash-set!", "hash-put!");
        wrap(vm, "hash-update!", 3, 4, 0, (m, t, a) -> m.apply(vm.lookup("##native-hash-update!"),
                new Object[] {t, a[1], a[2], a.length == 4 ? a[3] : Special.VOID}));
        wrap(vm, "hash-remove!", 2, 2, 0, (m, t, a) -> {
            t.remove(a[1]);
            m.val = Special.VOID;
        });
        wrap(vm, "hash-for-each", 2, 2, 1, (m, t, a) -> m.apply(vm.lookup("table-for-each"), new Object[] {a[0], t}));
        wrap(vm, "hash-copy", 1, 1, 0, (m, t, a) -> m.val = m.alloc(t.copy(), 8));
        wrap(vm, "hash-clear!", 1, 1, 0, (m, t, a) -> {
            for (Object[] e : t.entries()) t.remove(e[0]);
            m.val = Special.VOID;
        });
        wrap(vm, "hash-length", 1, 1, 0, (m, t, a) -> m.val = (long) t.size());
        wrap(vm, "hash-table?", 1, 1, 0, (m, t, a) -> m.val = Boolean.TRUE);
    }

    private static void put(Interp m, SchemeTable t, Object key, Object value) {
        int before = t.size();
        t.put(key, value);
        if (t.size() > before) m.allocated += 3; // a new entry is heap data
        m.val = Special.VOID;
    }

    private static void wrap(LanguageHost vm, String name, int min, int max, int at, Native on) {
        Object raw = vm.lookup(name);
        vm.add(new ControlPrim(name, min, max) {
            @Override
            public void invoke(Interp m, Object[] a) {
                if (a[at] instanceof SchemeTable t) {
                    on.run(m, t, a);
                } else if (raw instanceof ControlPrim c) {
                    c.invoke(m, a);
                } else {
                    m.apply(raw, a);
                }
            }
        });
    }
}
