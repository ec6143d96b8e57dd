package safepoint.vm.prims;

import static safepoint.vm.prims.Args.a;

import java.util.ArrayList;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.Special;

/**
 * Pairs and lists, as gsi 4.9.3 has them (R7RS, c[ad]{1,4}r, plus {@code cons*}, {@code iota},
 * {@code last-pair}, {@code reverse!}). Every walk is a loop, so lists of millions of elements are
 * fine; walks that could go round a circular list forever check for a cycle and report the list
 * argument as not a LIST (gsi itself would loop).
 *
 * <p>{@code member} and {@code assoc} here take two arguments; the three-argument forms call Scheme
 * and belong to the interpreter.
 */
public final class ListPrims {
    private ListPrims() {}

    public static void install(PrimitiveSink sink) {
        sink.add(Primitive.of2("cons", true, (c, x, y) -> c.cons(x, y)));
        sink.add(Primitive.of1("car", true, (c, x) -> {
            if (x instanceof Pair p) return p.car;
            throw Condition.typeError("car", 1, "PAIR", x);
        }));
        sink.add(Primitive.of1("cdr", true, (c, x) -> {
            if (x instanceof Pair p) return p.cdr;
            throw Condition.typeError("cdr", 1, "PAIR", x);
        }));
        for (int len = 2; len <= 4; len++) {
            for (int bits = 0; bits < (1 << len); bits++) addCxr(sink, len, bits);
        }
        sink.add(Primitive.of2("set-car!", true, (c, x, v) -> {
            if (!(x instanceof Pair p)) throw Condition.typeError("set-car!", 1, "PAIR", x, v);
            p.car = v;
            return Special.VOID;
        }));
        sink.add(Primitive.of2("set-cdr!", true, (c, x, v) -> {
            if (!(x instanceof Pair p)) throw Condition.typeError("set-cdr!", 1, "PAIR", x, v);
            p.cdr = v;
            return Special.VOID;
        }));
        sink.add(Primitive.of1("pair?", true, (c, x) -> x instanceof Pair));
        sink.add(Primitive.of1("null?", true, (c, x) -> x == Nil.NIL));
        sink.add(Primitive.of1("list?", true, (c, x) -> walked(c, Args.listLength(x)) >= 0));
        sink.add(Primitive.ofN("list", 0, -1, true, (c, args) -> fromArray(c, args, 0, args.length, Nil.NIL)));
        sink.add(Primitive.ofN("cons*", 1, -1, true, (c, args) -> fromArray(c, args, 0, args.length - 1, args[args.length - 1])));
        sink.add(Primitive.ofN("make-list", 1, 2, true, (c, args) -> {
            int n = Args.index(args[0], "make-list", 1, args);
            Object fill = args.length > 1 ? args[1] : (Object) 0L;
            c.reserve(3L * n);
            Object r = Nil.NIL;
            for (int i = 0; i < n; i++) r = c.cons(fill, r);
            return r;
        }));
        sink.add(Primitive.of1("length", true, (c, x) -> {
            int n = walked(c, Args.listLength(x));
            if (n < 0) throw Condition.typeError("length", 1, "LIST", x);
            return (long) n;
        }));
        sink.add(Primitive.ofN("append", 0, -1, true, ListPrims::append));
        sink.add(Primitive.of1("reverse", true, (c, x) -> {
            int n = Args.listLength(x);
            if (n < 0) throw Condition.typeError("reverse", 1, "LIST", x);
            c.reserve(3L * n);
            Object r = Nil.NIL;
            for (; x instanceof Pair p; x = p.cdr) r = c.cons(p.car, r);
            return r;
        }));
        sink.add(Primitive.of1("reverse!", true, (c, x) -> {
            if (walked(c, Args.listLength(x)) < 0) throw Condition.typeError("reverse!", 1, "LIST", x);
            Object r = Nil.NIL;
            while (x instanceof Pair p) {
                x = p.cdr;
                p.cdr = r;
                r = p;
            }
            return r;
        }));
        sink.add(Primitive.of2("list-tail", true, (c, x, k) -> tail(c, x, k, "list-tail", a(x, k))));
        sink.add(Primitive.of2("list-ref", true, (c, x, k) -> {
            Object t = tail(c, x, k, "list-ref", a(x, k));
            if (t instanceof Pair p) return p.car;
            throw Condition.typeError("list-ref", 1, "PAIR", x, k);
        }));
        sink.add(Primitive.of3("list-set!", true, (c, x, k, v) -> {
            Object t = tail(c, x, k, "list-set!", a(x, k, v));
            if (!(t instanceof Pair p)) throw Condition.typeError("list-set!", 1, "PAIR", x, k, v);
            p.car = v;
            return Special.VOID;
        }));
        sink.add(Primitive.of1("list-copy", true, (c, x) -> {
            if (cyclic(x)) throw Condition.typeError("list-copy", 1, "LIST", x);
            ArrayList<Object> items = new ArrayList<>();
            for (; x instanceof Pair p; x = p.cdr) items.add(p.car);
            return fromArray(c, items.toArray(), 0, items.size(), x);
        }));
        sink.add(Primitive.of1("last-pair", true, (c, x) -> {
            if (!(x instanceof Pair)) throw Condition.typeError("last-pair", 1, "PAIR", x);
            if (cyclic(x)) throw Condition.typeError("last-pair", 1, "LIST", x);
            Pair p = (Pair) x;
            while (p.cdr instanceof Pair q) p = q;
            return p;
        }));
        sink.add(Primitive.of2("memq", true, (c, x, l) -> search(c, x, l, 0, "memq", false)));
        sink.add(Primitive.of2("memv", true, (c, x, l) -> search(c, x, l, 1, "memv", false)));
        sink.add(Primitive.of2("member", true, (c, x, l) -> search(c, x, l, 2, "member", false)));
        sink.add(Primitive.of2("assq", true, (c, x, l) -> search(c, x, l, 0, "assq", true)));
        sink.add(Primitive.of2("assv", true, (c, x, l) -> search(c, x, l, 1, "assv", true)));
        sink.add(Primitive.of2("assoc", true, (c, x, l) -> search(c, x, l, 2, "assoc", true)));
        sink.add(Primitive.ofN("iota", 1, 3, true, ListPrims::iota));
    }

    /** c[ad]{len}r; bit i of {@code bits} set means the i-th letter (from the left) is d. */
    private static void addCxr(PrimitiveSink sink, int len, int bits) {
        StringBuilder nm = new StringBuilder("c");
        for (int i = 0; i < len; i++) nm.append((bits >> i & 1) != 0 ? 'd' : 'a');
        String name = nm.append('r').toString();
        sink.add(Primitive.of1(name, true, (c, x) -> {
            Object o = x;
            for (int i = len - 1; i >= 0; i--) {
                if (!(o instanceof Pair p)) throw Condition.typeError(name, 1, "PAIR", x);
                o = (bits >> i & 1) != 0 ? p.cdr : p.car;
            }
            return o;
        }));
    }

    /** The list args[from..to) in front of {@code tail}. */
    static Object fromArray(Ctx c, Object[] args, int from, int to, Object tail) {
        c.reserve(3L * (to - from));
        Object r = tail;
        for (int i = to - 1; i >= from; i--) r = c.cons(args[i], r);
        return r;
    }

    /** A list of the elements of a proper list, as an array (iterative). */
    static Object[] toArray(Object list, int n) {
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Pair p = (Pair) list;
            out[i] = p.car;
            list = p.cdr;
        }
        return out;
    }

    private static Object append(Ctx c, Object[] args) {
        if (args.length == 0) return Nil.NIL;
        int[] lens = new int[args.length - 1];
        long total = 0;
        for (int i = 0; i < lens.length; i++) {
            lens[i] = Args.listLength(args[i]);
            if (lens[i] < 0) throw Condition.typeError("append", i + 1, "LIST", args);
            total += lens[i];
        }
        c.reserve(3 * total); // the whole copy, before any of it is built
        Object r = args[args.length - 1];
        for (int i = lens.length - 1; i >= 0; i--) {
            Object[] items = toArray(args[i], lens[i]);
            for (int j = items.length - 1; j >= 0; j--) r = c.cons(items[j], r);
        }
        return r;
    }

    /** A list walk of {@code n} elements is work ({@link Ctx#work}); returns n. */
    static int walked(Ctx c, int n) {
        c.work(n);
        return n;
    }

    private static Object walkedTo(Ctx c, int n, Object found) {
        c.work(n);
        return found;
    }

    private static Object tail(Ctx c, Object x, Object k, String name, Object[] args) {
        int n = walked(c, Args.index(k, name, 2, args));
        Object t = x;
        for (int i = 0; i < n; i++) {
            if (!(t instanceof Pair p)) throw Condition.typeError(name, 1, "PAIR", args);
            t = p.cdr;
        }
        return t;
    }

    /** Whether {@code x} is a pair chain that comes back on itself. */
    static boolean cyclic(Object x) {
        Object slow = x;
        while (x instanceof Pair p && p.cdr instanceof Pair q) {
            x = q.cdr;
            slow = ((Pair) slow).cdr;
            if (x == slow) return true;
        }
        return false;
    }

    static boolean same(int how, Object a, Object b) {
        return switch (how) {
            case 0 -> Equality.eq(a, b);
            case 1 -> Equality.eqv(a, b);
            default -> Equality.equal(a, b);
        };
    }

    /**
     * The walk member and assoc share: the first pair whose car (an alist: whose entry's car)
     * matches x; a cycle (tortoise and hare) or an improper tail is the same type error.
     */
    private static Object search(Ctx c, Object x, Object l, int how, String name, boolean alist) {
        Object list = l;
        Object slow = l;
        boolean step = false;
        int n = 0;
        while (l instanceof Pair p) {
            Pair hit = p;
            if (alist) {
                if (!(p.car instanceof Pair e)) throw Condition.typeError(name, 2, "PAIR LIST", x, list);
                hit = e;
            }
            if (same(how, x, hit.car)) return walkedTo(c, n, hit);
            l = p.cdr;
            n++;
            if (step) {
                slow = ((Pair) slow).cdr;
                if (slow == l) break;
            }
            step = !step;
        }
        walked(c, n);
        if (l == Nil.NIL) return false;
        throw Condition.typeError(name, 2, "LIST", x, list);
    }

    private static Object iota(Ctx c, Object[] args) {
        int n = Args.index(args[0], "iota", 1, args);
        Object start = args.length > 1 ? args[1] : (Object) 0L;
        Object step = args.length > 2 ? args[2] : (Object) 1L;
        if (!safepoint.vm.num.Num.isNumber(start)) throw Condition.typeError("iota", 2, "NUMBER", args);
        if (!safepoint.vm.num.Num.isNumber(step)) throw Condition.typeError("iota", 3, "NUMBER", args);
        c.reserve(3L * n);
        Object r = Nil.NIL;
        for (int i = n - 1; i >= 0; i--) r = c.cons(safepoint.vm.num.Num.add(start, safepoint.vm.num.Num.mul((long) i, step)), r);
        return r;
    }
}
