package safepoint.vm.prims;

import java.util.Arrays;
import java.util.List;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;

/**
 * Gambit's tables ({@link SchemeTable}). Only the tests a table can run without calling Scheme are
 * supported: {@code eq? eqv? equal? string=? string-ci=?}; any other {@code test:} procedure is
 * an error here. {@code table-for-each} and {@code table-search} call Scheme and belong to the
 * interpreter, which iterates {@link SchemeTable#entries()}.
 */
public final class TablePrims {
    private TablePrims() {}

    public static void install(PrimitiveSink sink) {
        sink.add(Primitive.ofN("make-table", 0, -1, true, (c, args) -> c.alloc(make(c, args, 0, "make-table", args), 8)));
        sink.add(Primitive.of1("table?", true, (c, x) -> x instanceof SchemeTable));
        sink.add(Primitive.ofN("table-ref", 2, 3, true, (c, args) -> {
            SchemeTable t = table(c, args, 0, "table-ref");
            Object v = t.get(args[1], null);
            if (v != null) return v;
            if (args.length > 2) return args[2];
            if (t.init != null) return t.init;
            throw new SchemeError(new Condition(Condition.Kind.UNBOUND_TABLE_KEY, "Unbound table key", List.of(),
                    "table-ref", List.of(args), 0));
        }));
        sink.add(Primitive.ofN("table-set!", 2, 3, true, (c, args) -> {
            SchemeTable t = table(c, args, 0, "table-set!");
            if (args.length == 2) {
                t.remove(args[1]);
            } else {
                int before = t.size();
                t.put(args[1], args[2]);
                if (t.size() > before) c.allocated(3); // a new entry is heap data
            }
            return Special.VOID;
        }));
        sink.add(Primitive.of1("table-length", true, (c, x) -> (long) table(c, new Object[] {x}, 0, "table-length").size()));
        sink.add(Primitive.of1("table->list", true, (c, x) -> {
            SchemeTable t = table(c, new Object[] {x}, 0, "table->list");
            Object r = Nil.NIL;
            List<Object[]> es = t.entries();
            for (int i = es.size() - 1; i >= 0; i--) r = c.cons(c.cons(es.get(i)[0], es.get(i)[1]), r);
            return r;
        }));
        sink.add(Primitive.of1("table-copy", true, (c, x) -> c.alloc(table(c, new Object[] {x}, 0, "table-copy").copy(), 8)));
        sink.add(Primitive.ofN("list->table", 1, -1, true, (c, args) -> {
            Object l = args[0];
            if (Args.listLength(l) < 0) throw Condition.typeError("list->table", 1, "LIST", args);
            for (Object x = l; x instanceof Pair p; x = p.cdr) {
                if (!(p.car instanceof Pair)) throw Condition.typeError("list->table", 1, "PAIR LIST", args);
            }
            SchemeTable t = make(c, args, 1, "make-table", Arrays.copyOfRange(args, 1, args.length));
            for (Object x = l; x instanceof Pair p; x = p.cdr) {
                Pair e = (Pair) p.car;
                if (!t.containsKey(e.car)) t.put(e.car, e.cdr); // the first entry for a key wins, as in gsi
            }
            return c.alloc(t, 8);
        }));
        sink.add(Primitive.ofN("table-merge", 2, 3, true, (c, args) -> c.alloc(merge(c, args, "table-merge", true), 8)));
        sink.add(Primitive.ofN("table-merge!", 2, 3, true, (c, args) -> merge(c, args, "table-merge!", false)));
    }

    static SchemeTable table(Ctx c, Object[] args, int at, String name) {
        if (args[at] instanceof SchemeTable t) return t;
        throw Condition.typeError(name, at + 1, TypeDescriptor.TABLE.expected(c.serials()), args);
    }

    /** (table-merge t1 t2 [t2-wins?]): t1's entries plus those of t2's keys t1 lacks (or all of t2's). */
    private static SchemeTable merge(Ctx c, Object[] args, String name, boolean copy) {
        SchemeTable t1 = table(c, args, 0, name);
        SchemeTable t2 = table(c, args, 1, name);
        boolean t2Wins = args.length > 2 && args[2] != Boolean.FALSE;
        SchemeTable r = copy ? t1.copy() : t1;
        for (Object[] e : t2.entries()) {
            if (t2Wins || !r.containsKey(e[0])) r.put(e[0], e[1]);
        }
        return r;
    }

    /**
     * A table from keyword arguments {@code args[from..]}. Errors name {@code name} and show
     * {@code shown} as the call's arguments, with indices counted within {@code shown}.
     */
    private static SchemeTable make(Ctx c, Object[] args, int from, String name, Object[] shown) {
        if ((args.length - from) % 2 != 0) throw Condition.wrongArgs(name, shown);
        SchemeTable.Test test = SchemeTable.Test.EQUAL;
        boolean weakKeys = false, weakValues = false;
        Object init = null;
        for (int i = from; i < args.length; i += 2) {
            if (!(args[i] instanceof Keyword k)) throw Condition.wrongArgs(name, shown);
            Object v = args[i + 1];
            int vIndex = i - from + 2;
            switch (k.name) {
                case "size" -> Args.index(v, name, vIndex, shown);
                case "test" -> {
                    test = v instanceof Primitive p ? SchemeTable.Test.named(p.name) : null;
                    if (test == null) throw Condition.raise("Unsupported table test (only eq? eqv? equal? string=? string-ci=?):", v);
                }
                case "weak-keys" -> weakKeys = v != Boolean.FALSE;
                case "weak-values" -> weakValues = v != Boolean.FALSE;
                case "init" -> init = v;
                case "hash", "min-load", "max-load" -> { } // the test fixes the hash; load factors are Java's
                default -> throw new SchemeError(new Condition(Condition.Kind.UNKNOWN_KEYWORD,
                        "Unknown keyword argument passed to procedure", List.of(), name, List.of(shown), 0));
            }
        }
        return new SchemeTable(test, weakKeys, weakValues, init);
    }
}
