package safepoint.vm.prims;

import static safepoint.vm.prims.Args.a;

import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.Nil;
import safepoint.vm.data.NumKind;
import safepoint.vm.data.NumVector;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.Special;

/**
 * Gambit's homogeneous vectors other than u8 ({@code s8 u16 s16 u32 s32 u64 s64 f32 f64}): the
 * same procedures as the u8vector ones in {@link VectorPrims}, installed once per kind, with gsi's
 * errors (an element out of the kind's range is a wrong type, "Signed 8 bit exact INTEGER").
 */
final class NumVectorPrims {
    private NumVectorPrims() {}

    static void install(PrimitiveSink sink) {
        for (NumKind k : NumKind.values()) install(sink, k);
    }

    private static NumVector vec(NumKind k, Object x, String who, int argIndex, Object[] args) {
        if (x instanceof NumVector v && v.kind == k) return v;
        throw Condition.typeError(who, argIndex, k.typeName(), args);
    }

    private static Object element(NumKind k, Object x, String who, int argIndex, Object[] args) {
        if (k.accepts(x)) return x;
        throw Condition.typeError(who, argIndex, k.elementText(), args);
    }

    private static NumVector alloc(Ctx c, NumKind k, int n) {
        NumVector v = new NumVector(k, n);
        c.reserve(v.words());
        return c.alloc(v, (int) v.words());
    }

    /** The elements from..to of v in a new vector of its kind. */
    private static NumVector copy(Ctx c, NumVector v, int from, int to) {
        NumVector out = alloc(c, v.kind, to - from);
        for (int i = from; i < to; i++) out.set(i - from, v.ref(i));
        return out;
    }

    private static void install(PrimitiveSink sink, NumKind k) {
        String p = k.prefix;
        String type = p + "vector";
        sink.add(Primitive.of1(type + "?", true, (c, x) -> x instanceof NumVector v && v.kind == k));
        sink.add(Primitive.ofN("make-" + type, 1, 2, true, (c, args) -> {
            int n = Args.index(args[0], "make-" + type, 1, args);
            Object fill = args.length > 1 ? element(k, args[1], "make-" + type, 2, args) : k.isFloat() ? (Object) 0.0 : (Object) 0L;
            NumVector v = alloc(c, k, n);
            for (int i = 0; i < n; i++) v.set(i, fill);
            return v;
        }));
        sink.add(Primitive.ofN(type, 0, -1, true, (c, args) -> {
            for (int i = 0; i < args.length; i++) element(k, args[i], type, i + 1, args);
            NumVector v = alloc(c, k, args.length);
            for (int i = 0; i < args.length; i++) v.set(i, args[i]);
            return v;
        }));
        sink.add(Primitive.of1(type + "-length", true, (c, v) -> (long) vec(k, v, type + "-length", 1, a(v)).length()));
        sink.add(Primitive.of2(type + "-ref", true, (c, v, i) -> {
            Object[] args = a(v, i);
            NumVector x = vec(k, v, type + "-ref", 1, args);
            return x.ref(Args.index(i, 0, x.length() - 1, type + "-ref", 2, args));
        }));
        sink.add(Primitive.of3(type + "-set!", true, (c, v, i, e) -> {
            Object[] args = a(v, i, e);
            NumVector x = vec(k, v, type + "-set!", 1, args);
            int at = Args.index(i, 0, x.length() - 1, type + "-set!", 2, args);
            x.set(at, element(k, e, type + "-set!", 3, args));
            return Special.VOID;
        }));
        sink.add(Primitive.ofN(type + "->list", 1, 3, true, (c, args) -> {
            NumVector v = vec(k, args[0], type + "->list", 1, args);
            int[] r = Args.range(args, 1, v.length(), type + "->list");
            c.reserve(3L * (r[1] - r[0]));
            Object l = Nil.NIL;
            for (int i = r[1] - 1; i >= r[0]; i--) l = c.cons(v.ref(i), l);
            return l;
        }));
        sink.add(Primitive.of1("list->" + type, true, (c, l) -> {
            int n = Args.listLength(l);
            if (n < 0) throw Condition.typeError("list->" + type, 1, "LIST", l);
            for (Object x = l; x instanceof Pair q; x = q.cdr) {
                if (!k.accepts(q.car)) throw Condition.typeError("list->" + type, 1, k.elementText() + " LIST", l);
            }
            NumVector v = alloc(c, k, n);
            int i = 0;
            for (Object x = l; x instanceof Pair q; x = q.cdr) v.set(i++, q.car);
            return v;
        }));
        sink.add(Primitive.ofN(type + "-fill!", 2, 4, true, (c, args) -> {
            NumVector v = vec(k, args[0], type + "-fill!", 1, args);
            Object e = element(k, args[1], type + "-fill!", 2, args);
            int[] r = Args.range(args, 2, v.length(), type + "-fill!");
            for (int i = r[0]; i < r[1]; i++) v.set(i, e);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN(type + "-copy", 1, 3, true, (c, args) -> {
            NumVector v = vec(k, args[0], type + "-copy", 1, args);
            int[] r = Args.range(args, 1, v.length(), type + "-copy");
            return copy(c, v, r[0], r[1]);
        }));
        sink.add(Primitive.of3("sub" + type, true, (c, v, s, e) -> {
            Object[] args = a(v, s, e);
            NumVector x = vec(k, v, "sub" + type, 1, args);
            int[] r = Args.range(args, 1, x.length(), "sub" + type);
            return copy(c, x, r[0], r[1]);
        }));
        sink.add(Primitive.ofN(type + "-append", 0, -1, true, (c, args) -> {
            int n = 0;
            for (int i = 0; i < args.length; i++) n += vec(k, args[i], type + "-append", i + 1, args).length();
            NumVector out = alloc(c, k, n);
            int at = 0;
            for (Object o : args) {
                NumVector v = (NumVector) o;
                for (int i = 0; i < v.length(); i++) out.set(at++, v.ref(i));
            }
            return out;
        }));
    }
}
