package safepoint.vm.lang;

import safepoint.tables.GcTable;
import safepoint.tables.TableOp;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.Special;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;
import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Interp;
import safepoint.vm.lang.GcTables.GcTableObj;

/**
 * Gerbil's hash API on gc-tables (doc/reference/gerbil/runtime/hash-tables.md; reference section
 * 1.6: gc tables implement the HashTable interface, and {@code make-hash-table} with test
 * {@code eq?}, no hash but the eq one and no {@code seed:} makes one, as its second dispatch rule
 * says; the doc's {@code make-hash-table-eq} is that call). A gc-hash-table hashes its keys by
 * their simulated addresses, so it is rehashed after every moving GC ({@link GcTable}).
 *
 * <p>Each {@code hash-} procedure is wrapped once at install: a gc-table is served here, any
 * other argument goes to the procedure installed before (raw and Gambit tables), unchanged. Its
 * operations run as the gc-table API's, step by step (HashTables.drive), under the gc-table's
 * mode; a {@code lock:} mutex is taken around each one, as around a raw table's.
 */
final class GcHashTables {
    private GcHashTables() {}

    /** One hash procedure on a gc-table: the operation, and its frame's answers. */
    private interface Op {
        void run(LanguageHost vm, Interp m, GcTableObj t, Object[] a);
    }

    static void install(LanguageHost vm) {
        wrap(vm, "hash-ref", 2, 3, 0, false, (v, m, t, a) -> start(v, m, t, false, t.gc.refOp(a[1], HashTables.ABSENT_MARK), null,
                a.length == 3 ? a[2] : null, a.length == 2, a[1]));
        wrap(vm, "hash-get", 2, 2, 0, false, (v, m, t, a) -> start(v, m, t, false, t.gc.refOp(a[1], Boolean.FALSE), null, Boolean.FALSE, false, a[1]));
        wrap(vm, "hash-key?", 2, 2, 0, false, (v, m, t, a) -> {
            m.push(new HashTables.IsPresent());
            start(v, m, t, false, t.gc.refOp(a[1], HashTables.ABSENT_MARK), null, HashTables.ABSENT_MARK, false, a[1]);
        });
        wrap(vm, "hash-put!", 3, 3, 0, true, (v, m, t, a) -> start(v, m, t, true, t.gc.setOp(a[1], a[2]), null, null, false, a[1]));
        vm.alias("hash-set!", "hash-put!");
        wrap(vm, "hash-update!", 3, 4, 0, true, (v, m, t, a) -> {
            if (!(a[2] instanceof Procedure)) throw Condition.typeError("hash-update!", 3, "PROCEDURE", a);
            start(v, m, t, true, t.gc.updateOp(a[1], a.length == 4 ? a[3] : Special.VOID), a[2], null, false, a[1]);
        });
        wrap(vm, "hash-remove!", 2, 2, 0, true, (v, m, t, a) -> start(v, m, t, true, t.gc.deleteOp(a[1]), null, null, false, a[1]));
        wrap(vm, "hash-for-each", 2, 2, 1, false, (v, m, t, a) -> {
            if (!(a[0] instanceof Procedure)) throw Condition.typeError("hash-for-each", 1, "PROCEDURE", a);
            start(v, m, t, false, t.gc.forEachOp(), a[0], null, false, null);
        });
        wrap(vm, "hash-copy", 1, 1, 0, false, (v, m, t, a) -> {
            m.push(new GcTables.Wrap(v, true));
            start(v, m, t, false, t.gc.copyOp(GcTables.copyLock(v, t.gc)), null, null, false, null);
        });
        wrap(vm, "hash-clear!", 1, 1, 0, true, (v, m, t, a) -> start(v, m, t, true, t.gc.clearOp(), null, null, false, null));
        wrap(vm, "hash-length", 1, 1, 0, false, (v, m, t, a) -> m.val = (long) t.gc.length());
        wrap(vm, "hash-table?", 1, 1, 0, false, (v, m, t, a) -> m.val = Boolean.TRUE);
    }

    /** Runs {@code op} on {@code t} as a hash operation: inside the lock: wind, step by step. */
    private static void start(LanguageHost vm, Interp m, GcTableObj t, boolean write, TableOp op, Object proc, Object dflt,
            boolean errorIfAbsent, Object key) {
        HashTables.start(vm, m, new HashTables.Call(vm, m, null, t.locker, t, t, write, op, proc, dflt, errorIfAbsent, key));
    }

    private static void wrap(LanguageHost vm, String name, int min, int max, int at, boolean write, Op on) {
        Object before = vm.lookup(name);
        vm.add(new ControlPrim(name, min, max) {
            @Override
            public void invoke(Interp m, Object[] a) {
                if (a[at] instanceof GcTableObj t) {
                    m.touched(t, write);
                    // as HashTables.access: recorded runs only, the operation as a row of the interleaving
                    if (vm.events().recording()) {
                        Ref.TableRef r = vm.tableHost().gcRef(t.gc);
                        vm.event(m.thread, new What.TableAccess(r, vm.threadRef(m.thread), name, write));
                    }
                    on.run(vm, m, t, a);
                } else if (before instanceof ControlPrim c) {
                    c.invoke(m, a);
                } else {
                    m.apply(before, a);
                }
            }
        });
    }
}
