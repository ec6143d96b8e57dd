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

    /**
     * A gc-table as Scheme sees it: made by {@code make-gc-table}, or by {@code make-hash-table}
     * (Gerbil's gc-hash-table, dispatch rule 2), which prints as a hash table and may have a
     * {@code lock:} mutex.
     */
    static final class GcTableObj extends HeapObj implements Printable {
        final GcTable gc;
        /** Made by make-hash-table (a gc-hash-table). */
        final boolean hashTable;
        /** The {@code lock:} mutex (Gerbil's locked-hash-table around it), or null. */
        final Object locker;

        GcTableObj(GcTable gc) {
            this(gc, false, null);
        }

        GcTableObj(GcTable gc, boolean hashTable, Object locker) {
            this.gc = gc;
            this.hashTable = hashTable;
            this.locker = locker;
        }

        @Override
        public void printOn(StringBuilder out, boolean write, Serials vm) {
            out.append("#<").append(type(hashTable)).append(vm.tag(this)).append('>');
        }
    }

    /**
     * The type name a gc-table prints with, in every view: make-hash-table's is Gerbil's
     * {@code gc-hash-table::t}, whose type name is {@code hash-table}; make-gc-table's is
     * {@code __gc-table::t}, named {@code gc-table}.
     */
    static String type(boolean hashTable) {
        return hashTable ? "hash-table" : "gc-table";
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
                m.val = make(vm, m, hint, seedLock, false, null);
            }
        });
        // make-hash-table's gc-hash-table (dispatch rule 2): (##make-gc-hash-table size-hint lock-or-#f)
        vm.add(new ControlPrim("##make-gc-hash-table", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.val = make(vm, m, (Long) a[0], seedLock, true, a[1] == Boolean.FALSE ? null : a[1]);
            }
        });
        op(vm, "gc-table-ref", 3, false, (t, a) -> t.refOp(a[1], a[2]));
        op(vm, "gc-table-set!", 3, true, (t, a) -> t.setOp(a[1], a[2]));
        op(vm, "gc-table-delete!", 2, true, (t, a) -> t.deleteOp(a[1]));
        op(vm, "gc-table-clear!", 1, true, (t, a) -> t.clearOp());
        vm.add(new ControlPrim("gc-table-update!", 4, 4) {
            @Override
            public void invoke(Interp m, Object[] a) {
                GcTable t = table(a, name);
                if (!(a[2] instanceof Procedure)) throw Condition.typeError(name, 3, "PROCEDURE", a);
                run(vm, m, a[0], true, t.updateOp(a[1], a[3]), a[2]);
            }
        });
        vm.add(new ControlPrim("gc-table-for-each", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                GcTable t = table(a, name);
                if (!(a[1] instanceof Procedure)) throw Condition.typeError(name, 2, "PROCEDURE", a);
                run(vm, m, a[0], false, t.forEachOp(), a[1]);
            }
        });
        vm.add(new ControlPrim("gc-table-copy", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                GcTable t = table(a, name);
                m.push(new Wrap(vm, false));
                run(vm, m, a[0], false, t.copyOp(copyLock(vm, t)), null);
            }
        });
        vm.add(Primitive.of1("gc-table-length", true, (c, x) -> (long) table(new Object[] {x}, "gc-table-length").length()));
        vm.add(Primitive.of1("gc-table?", true, (c, x) -> x instanceof GcTableObj));
    }

    private static GcTableObj make(LanguageHost vm, Interp m, long hint, java.util.concurrent.atomic.AtomicReference<Object> seedLock,
            boolean hashTable, Object locker) {
        HashTables.Host h = vm.tableHost().on(m, null, false);
        GcTable.Mode mode = GcTable.Mode.of(vm.tableLocks());
        Object lock = null;
        if (mode == GcTable.Mode.PER_TABLE) lock = h.newLock("gc-table");
        if (mode == GcTable.Mode.SEED_RETRY) {
            // two processors may both make one: the first stored is the lock
            if (seedLock.get() == null) seedLock.compareAndSet(null, h.newLock("__gc-table-lock"));
            lock = seedLock.get();
        }
        GcTable t = GcTable.make(h, hint, mode, lock);
        h.tables.made(t, type(hashTable), vm.tableLocks(), locker != null);
        return m.alloc(new GcTableObj(t, hashTable, locker), 3);
    }

    private static void op(LanguageHost vm, String name, int args, boolean write, OpOf of) {
        vm.add(new ControlPrim(name, args, args) {
            @Override
            public void invoke(Interp m, Object[] a) {
                run(vm, m, a[0], write, of.make(table(a, name), a), null);
            }
        });
    }

    static GcTable table(Object[] a, String who) {
        return Condition.cast(GcTableObj.class, a[0], who, 1, "GC-TABLE", a).gc;
    }

    /**
     * Runs a gc-table op as the hash operations run (HashTables.drive): step by step, Scheme calls
     * by frames; {@code obj} (checked by the op's maker) is what the race detector sees accessed.
     */
    private static void run(LanguageHost vm, Interp m, Object obj, boolean write, TableOp op, Object proc) {
        new HashTables.Call(vm, m, null, null, null, obj, write, op, proc, null, false, null).begin(m);
    }

    /** A lock word for a copy of {@code t}: its own under PER_TABLE, none otherwise (the copy takes the seed's). */
    static Object copyLock(LanguageHost vm, GcTable t) {
        return t.mode() == GcTable.Mode.PER_TABLE ? vm.tableHost().newLock("gc-table") : null;
    }

    /** gc-table-copy's result as a Scheme object. */
    static final class Wrap extends safepoint.vm.interp.Frame {
        final LanguageHost vm;
        /** A hash-copy of a gc-hash-table: the copy is one too (without the lock:, as a raw table's copy). */
        final boolean hashTable;

        Wrap(LanguageHost vm, boolean hashTable) {
            this.vm = vm;
            this.hashTable = hashTable;
        }

        @Override
        public void resume(Interp m) {
            GcTable copy = (GcTable) m.val;
            vm.tableHost().tables.made(copy, type(hashTable), vm.tableLocks(), false);
            m.val = m.alloc(new GcTableObj(copy, hashTable, null), 3);
        }
    }

}
