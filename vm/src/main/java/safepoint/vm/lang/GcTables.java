package safepoint.vm.lang;

import safepoint.tables.GcTable;

import safepoint.tables.TableOp;
import safepoint.vm.data.Condition;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.Serials;
import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Interp;

/**
 * Gerbil's gc-table runtime API (reference section 2.4; Gerbil's runtime {@code table.ss}, "gc
 * tables"): {@code make-gc-table}, {@code gc-table-ref}, {@code -set!}, {@code -update!},
 * {@code -delete!}, {@code -for-each}, {@code -copy}, {@code -clear!}, {@code -length}, over
 * {@link GcTable}, whose store hashes keys by their simulated address.
 *
 * <p>Locking rule: a gc-table keeps the mode of the {@code --locks} policy it was made under
 * ({@link GcTable.Mode#of}): {@code none} unlocked, {@code global} the seed's verify-and-retry
 * under one {@code __gc-table-lock}, any other policy a lock of its own per table. The lock words
 * are the machine's spinlocks, as the raw tables' (HashTables). Each step is a scheduling point.
 */
final class GcTables {
    private GcTables() {}

    /** A gc-table as Scheme sees it. */
    static final class GcTableObj extends HeapObj implements Printable {
        final GcTable gc;

        GcTableObj(GcTable gc) {
            this.gc = gc;
        }

        @Override
        public void printOn(StringBuilder out, boolean write, Serials vm) {
            out.append("#<gc-table").append(vm.tag(this)).append('>');
        }
    }

    /** One operation of the Scheme-visible gc-table API. */
    private interface OpOf {
        TableOp make(GcTable t, Object[] a);
    }

    static void install(LanguageHost vm) {
        // The seed's one __gc-table-lock (PR #1416), made on first use, one per machine.
        java.util.concurrent.atomic.AtomicReference<Object> seedLock = new java.util.concurrent.atomic.AtomicReference<>();
        vm.add(new ControlPrim("make-gc-table", 0, 3) {
            @Override
            public void invoke(Interp m, Object[] a) {
                long hint = 0;
                if (a.length > 0 && a[0] != Boolean.FALSE) {
                    if (!(a[0] instanceof Long l) || l < 0) throw Condition.typeError(name, 1, "FIXNUM", a);
                    hint = l;
                }
                if (hint > (1 << 27)) throw Condition.raise("gc table size hint too large", a[0]);
                m.val = make(vm, m, hint, seedLock);
            }
        });
        op(vm, "gc-table-ref", 3, (t, a) -> t.refOp(a[1], a[2]));
        op(vm, "gc-table-set!", 3, (t, a) -> t.setOp(a[1], a[2]));
        op(vm, "gc-table-delete!", 2, (t, a) -> t.deleteOp(a[1]));
        op(vm, "gc-table-clear!", 1, (t, a) -> t.clearOp());
        vm.add(new ControlPrim("gc-table-update!", 4, 4) {
            @Override
            public void invoke(Interp m, Object[] a) {
                GcTable t = table(a, name);
                if (!(a[2] instanceof Procedure)) throw Condition.typeError(name, 3, "PROCEDURE", a);
                run(vm, m, t.updateOp(a[1], a[3]), a[2]);
            }
        });
        vm.add(new ControlPrim("gc-table-for-each", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                GcTable t = table(a, name);
                if (!(a[1] instanceof Procedure)) throw Condition.typeError(name, 2, "PROCEDURE", a);
                run(vm, m, t.forEachOp(), a[1]);
            }
        });
        vm.add(new ControlPrim("gc-table-copy", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                GcTable t = table(a, name);
                Object lock = t.mode() == GcTable.Mode.PER_TABLE ? vm.tableHost().newLock("gc-table") : null;
                m.push(new Wrap());
                run(vm, m, t.copyOp(lock), null);
            }
        });
        vm.add(Primitive.of1("gc-table-length", true, (c, x) -> (long) table(new Object[] {x}, "gc-table-length").length()));
        vm.add(Primitive.of1("gc-table?", true, (c, x) -> x instanceof GcTableObj));
    }

    private static GcTableObj make(LanguageHost vm, Interp m, long hint, java.util.concurrent.atomic.AtomicReference<Object> seedLock) {
        HashTables.Host h = vm.tableHost().on(m, null, false);
        GcTable.Mode mode = GcTable.Mode.of(vm.tableLocks());
        Object lock = null;
        if (mode == GcTable.Mode.PER_TABLE) lock = h.newLock("gc-table");
        if (mode == GcTable.Mode.SEED_RETRY) {
            // two processors may both make one: the first stored is the lock
            if (seedLock.get() == null) seedLock.compareAndSet(null, h.newLock("__gc-table-lock"));
            lock = seedLock.get();
        }
        return m.alloc(new GcTableObj(GcTable.make(h, hint, mode, lock)), 3);
    }

    private static void op(LanguageHost vm, String name, int args, OpOf of) {
        vm.add(new ControlPrim(name, args, args) {
            @Override
            public void invoke(Interp m, Object[] a) {
                run(vm, m, of.make(table(a, name), a), null);
            }
        });
    }

    private static GcTable table(Object[] a, String who) {
        return Condition.cast(GcTableObj.class, a[0], who, 1, "GC-TABLE", a).gc;
    }

    /** Runs a gc-table op as the hash operations run (HashTables.drive): step by step, Scheme calls by frames. */
    private static void run(LanguageHost vm, Interp m, TableOp op, Object proc) {
        new HashTables.Call(vm, m, null, false, op, proc, null, false, null).begin(m);
    }

    /** gc-table-copy's result as a Scheme object. */
    static final class Wrap extends safepoint.vm.interp.Frame {
        @Override
        public void resume(Interp m) {
            m.val = m.alloc(new GcTableObj((GcTable) m.val), 3);
        }
    }

}
