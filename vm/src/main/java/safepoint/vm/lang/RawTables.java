package safepoint.vm.lang;

import safepoint.tables.HashKind;
import safepoint.tables.HashSpec;
import safepoint.tables.Locking;
import safepoint.tables.RawTable;
import safepoint.tables.TableOp;
import safepoint.tables.TestSpec;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Procedure;
import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Interp;

/**
 * Gerbil's raw-table runtime API (reference section 1.4, Gerbil's runtime {@code table.ss}; the user
 * level over it is doc/reference/gerbil/runtime/hash-tables.md): {@code make-raw-table} and the
 * generic operations, and the specializations {@code eq}, {@code eqv}, {@code symbolic},
 * {@code string} and {@code immediate}, each with {@code make-X-table}, {@code X-table-ref},
 * {@code X-table-set!}, {@code X-table-update!} and {@code X-table-delete!}.
 *
 * <p>A raw table here is the same object as a hash table made over it ({@link HashTables.Table}),
 * as in Gerbil, where the raw table implements the HashTable interface: {@code hash-ref} works on
 * it too. Each operation runs under the table's locking policy, like every hash operation
 * (HashTables' locking rule). A specialized operation refuses a table of another specialization:
 * Gerbil's inlines its hash and would silently probe the wrong entries.
 */
final class RawTables {
    private RawTables() {}

    /** The specializations: the Scheme name's stem and the hash they inline. */
    private static final String[] KINDS = {"eq", "eqv", "symbolic", "string", "immediate"};

    private static HashKind kindOf(String stem) {
        return switch (stem) {
            case "eq" -> HashKind.EQ;
            case "eqv" -> HashKind.EQV;
            case "symbolic" -> HashKind.SYMBOL;
            case "string" -> HashKind.STRING;
            default -> HashKind.IMMEDIATE;
        };
    }

    /** One operation as a table op of its arguments. */
    private interface OpOf {
        TableOp make(Locking l, Object[] a);
    }

    static void install(LanguageHost vm) {
        vm.add(new ControlPrim("make-raw-table", 3, 4) {
            @Override
            public void invoke(Interp m, Object[] a) {
                long hint = hint(a, 0, this);
                if (!(a[1] instanceof Procedure)) throw Condition.typeError(name, 2, "PROCEDURE", a);
                if (!(a[2] instanceof Procedure)) throw Condition.typeError(name, 3, "PROCEDURE", a);
                long seed = a.length == 4 ? fixnum(a, 3, this) : 0;
                RawTable r = builtin(vm, a[1], a[2], hint, seed);
                if (r == null) r = RawTable.make(vm.tableHost(), hint, HashSpec.procedure(a[1]), TestSpec.procedure(a[2]), seed);
                m.val = HashTables.made(vm, m, r, null);
            }
        });
        operations(vm, "raw-table", null);
        vm.add(new ControlPrim("raw-table-for-each", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                HashTables.Table t = HashTables.access(vm, m, a, 0, name, false);
                if (!(a[1] instanceof Procedure)) throw Condition.typeError(name, 2, "PROCEDURE", a);
                HashTables.start(vm, m, t, false, t.locking.forEachOp(), a[1], null, false, null);
            }
        });
        vm.add(new ControlPrim("raw-table-copy", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                HashTables.Table t = HashTables.access(vm, m, a, 0, name, false);
                m.push(new HashTables.WrapTable(vm));
                HashTables.start(vm, m, t, false, t.locking.copyOp(), null, null, false, null);
            }
        });
        vm.add(new ControlPrim("raw-table-clear!", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                HashTables.Table t = HashTables.access(vm, m, a, 0, name, true);
                HashTables.start(vm, m, t, true, t.locking.clearOp(), null, null, false, null);
            }
        });
        vm.add(safepoint.vm.data.Primitive.of1("&raw-table-count", true,
                (c, x) -> (long) HashTables.table(x, "&raw-table-count", x).raw.count()));
        for (String stem : KINDS) {
            HashKind kind = kindOf(stem);
            vm.add(new ControlPrim("make-" + stem + "-table", 0, 2) {
                @Override
                public void invoke(Interp m, Object[] a) {
                    long hint = a.length > 0 ? hint(a, 0, this) : 0;
                    long seed = a.length > 1 ? fixnum(a, 1, this) : 0;
                    m.val = HashTables.made(vm, m, make(vm, kind, hint, seed), null);
                }
            });
            operations(vm, stem + "-table", kind);
        }
    }

    /** ref, set!, update! and delete! of one family; {@code kind} null for the generic ones. */
    private static void operations(LanguageHost vm, String family, HashKind kind) {
        op(vm, family + "-ref", 3, false, kind, (l, a) -> l.refOp(a[1], a[2]));
        op(vm, family + "-set!", 3, true, kind, (l, a) -> l.setOp(a[1], a[2]));
        op(vm, family + "-delete!", 2, true, kind, (l, a) -> l.deleteOp(a[1]));
        vm.add(new ControlPrim(family + "-update!", 4, 4) {
            @Override
            public void invoke(Interp m, Object[] a) {
                HashTables.Table t = checked(vm, m, a, name, true, kind);
                if (!(a[2] instanceof Procedure)) throw Condition.typeError(name, 3, "PROCEDURE", a);
                HashTables.start(vm, m, t, true, t.locking.updateOp(a[1], a[3]), a[2], null, false, a[1]);
            }
        });
    }

    private static void op(LanguageHost vm, String name, int args, boolean write, HashKind kind, OpOf of) {
        vm.add(new ControlPrim(name, args, args) {
            @Override
            public void invoke(Interp m, Object[] a) {
                HashTables.Table t = checked(vm, m, a, name, write, kind);
                HashTables.start(vm, m, t, write, of.make(t.locking, a), null, null, false, a[1]);
            }
        });
    }

    /** The table argument; for a specialized operation, a table of that specialization. */
    private static HashTables.Table checked(LanguageHost vm, Interp m, Object[] a, String name, boolean write, HashKind kind) {
        HashTables.Table t = HashTables.access(vm, m, a, 0, name, write);
        if (kind != null && t.raw.hash().kind() != kind) {
            throw Condition.typeError(name, 1, name.substring(0, name.lastIndexOf('-')).toUpperCase(), a);
        }
        return t;
    }

    private static RawTable make(LanguageHost vm, HashKind kind, long hint, long seed) {
        HashTables.Host h = vm.tableHost();
        return switch (kind) {
            case EQ -> RawTable.makeEqTable(h, hint, seed);
            case EQV -> RawTable.makeEqvTable(h, hint, seed);
            case SYMBOL -> RawTable.makeSymbolicTable(h, hint, seed);
            case STRING -> RawTable.makeStringTable(h, hint, seed);
            default -> RawTable.makeImmediateTable(h, hint, seed);
        };
    }

    /**
     * The builtin pair a {@code make-raw-table} names with the machine's own procedures
     * (eq-hash and eq?, ...): the table hashes and tests in Java, as the Scheme procedures would.
     * Null for any other pair: those are Scheme calls.
     */
    private static RawTable builtin(LanguageHost vm, Object hash, Object test, long hint, long seed) {
        HashTables.Host h = vm.tableHost();
        if (is(vm, hash, "eq-hash") && is(vm, test, "eq?")) return RawTable.makeEqTable(h, hint, seed);
        if (is(vm, hash, "eqv-hash") && is(vm, test, "eqv?")) return RawTable.makeEqvTable(h, hint, seed);
        if (is(vm, hash, "equal-hash") && is(vm, test, "equal?")) return RawTable.makeEqualTable(h, hint, seed);
        if (is(vm, hash, "string-hash") && is(vm, test, "string=?")) return RawTable.makeStringTable(h, hint, seed);
        return null;
    }

    private static boolean is(LanguageHost vm, Object proc, String global) {
        return proc == vm.lookup(global);
    }

    /** A size hint: #f (none) or a fixnum. */
    private static long hint(Object[] a, int i, ControlPrim who) {
        if (a[i] == Boolean.FALSE) return 0;
        long h = fixnum(a, i, who);
        if (RawTable.slotsForHint(h) > RawTable.MAX_SLOTS) throw Condition.raise("raw table size hint too large", a[i]);
        return h;
    }

    private static long fixnum(Object[] a, int i, ControlPrim who) {
        if (!(a[i] instanceof Long l)) throw Condition.typeError(who.name, i + 1, "FIXNUM", a);
        return l;
    }
}
