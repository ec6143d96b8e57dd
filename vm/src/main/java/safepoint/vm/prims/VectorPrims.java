package safepoint.vm.prims;

import static safepoint.vm.prims.Args.a;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.SVector;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;

/**
 * Vectors, bytevectors and boxes. In gsi the R7RS bytevector procedures are the u8vector ones
 * under other names (errors from {@code bytevector-u8-ref} say {@code u8vector-ref}), so the
 * u8vector names are primary here and the bytevector names are aliases.
 */
public final class VectorPrims {
    private VectorPrims() {}

    public static void install(PrimitiveSink sink) {
        installVectors(sink);
        installBytevectors(sink);
        NumVectorPrims.install(sink);
        installBoxes(sink);
    }

    static SVector vec(Object x, String name, int argIndex, Object[] args) {
        return Condition.cast(SVector.class, x, name, argIndex, "VECTOR", args);
    }

    static SVector vec1(Object x, String name) {
        return Condition.cast(SVector.class, x, name, 1, "VECTOR", x);
    }

    static SVector newVector(Ctx c, Object[] items) {
        c.reserve(1L + items.length);
        return c.alloc(new SVector(items), 1 + items.length);
    }

    /** vector-copy and subvector: a fresh vector of args[0]'s elements from args[1] (or 0) to args[2] (or its end). */
    private static SVector copyVector(Ctx c, Object[] args, String who) {
        SVector v = vec(args[0], who, 1, args);
        int[] r = Args.range(args, 1, v.items.length, who);
        return newVector(c, Arrays.copyOfRange(v.items, r[0], r[1]));
    }

    private static void installVectors(PrimitiveSink sink) {
        sink.add(Primitive.of1("vector?", true, (c, x) -> x instanceof SVector));
        sink.add(Primitive.ofN("make-vector", 1, 2, true, (c, args) -> {
            int n = Args.index(args[0], "make-vector", 1, args);
            c.reserve(1L + n); // before the Java array exists
            Object[] items = new Object[n];
            Arrays.fill(items, args.length > 1 ? args[1] : (Object) 0L);
            return c.alloc(new SVector(items), 1 + n);
        }));
        sink.add(Primitive.ofN("vector", 0, -1, true, (c, args) -> newVector(c, args.clone())));
        sink.add(Primitive.of1("vector-length", true, (c, v) -> (long) vec1(v, "vector-length").items.length));
        sink.add(Primitive.of2("vector-ref", true, (c, v, k) -> {
            if (v instanceof SVector sv && k instanceof Long l && l >= 0 && l < sv.items.length) return sv.items[(int) (long) l];
            Object[] args = a(v, k);
            SVector sv = vec(v, "vector-ref", 1, args);
            return sv.items[Args.index(k, 0, sv.items.length - 1, "vector-ref", 2, args)];
        }));
        sink.add(Primitive.of3("vector-set!", true, (c, v, k, x) -> {
            if (v instanceof SVector sv && k instanceof Long l && l >= 0 && l < sv.items.length) {
                sv.items[(int) (long) l] = x;
                return Special.VOID;
            }
            Object[] args = a(v, k, x);
            SVector sv = vec(v, "vector-set!", 1, args);
            sv.items[Args.index(k, 0, sv.items.length - 1, "vector-set!", 2, args)] = x;
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("vector->list", 1, 3, true, (c, args) -> {
            SVector v = vec(args[0], "vector->list", 1, args);
            int[] r = Args.range(args, 1, v.items.length, "vector->list");
            return ListPrims.fromArray(c, v.items, r[0], r[1], Nil.NIL);
        }));
        sink.add(Primitive.of1("list->vector", true, (c, l) -> {
            int n = Args.listLength(l);
            if (n < 0) throw Condition.typeError("list->vector", 1, "LIST", l);
            c.reserve(1L + n);
            return c.alloc(new SVector(ListPrims.toArray(l, n)), 1 + n);
        }));
        sink.add(Primitive.ofN("vector-fill!", 2, 4, true, (c, args) -> {
            SVector v = vec(args[0], "vector-fill!", 1, args);
            int[] r = Args.range(args, 2, v.items.length, "vector-fill!");
            c.work(r[1] - r[0]);
            Arrays.fill(v.items, r[0], r[1], args[1]);
            return Special.VOID;
        }));
        sink.add(Primitive.of2("vector-shrink!", true, (c, v, k) -> {
            SVector vec = vec(v, "vector-shrink!", 1, new Object[] {v, k});
            if (!(k instanceof Long n)) throw Condition.typeError("vector-shrink!", 2, "INTEGER", v, k);
            if (n < 0 || n > vec.items.length) throw Condition.rangeError("vector-shrink!", 2, v, k);
            vec.items = java.util.Arrays.copyOf(vec.items, (int) (long) n);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("vector-copy", 1, 3, true, (c, args) -> copyVector(c, args, "vector-copy")));
        sink.add(Primitive.of3("subvector", true, (c, v, s, e) -> copyVector(c, a(v, s, e), "subvector")));
        sink.add(Primitive.ofN("vector-copy!", 3, 5, true, (c, args) -> {
            SVector to = vec(args[0], "vector-copy!", 1, args);
            Args.index(args[1], "vector-copy!", 2, args);
            SVector from = vec(args[2], "vector-copy!", 3, args);
            int[] r = Args.range(args, 3, from.items.length, "vector-copy!");
            int at = Args.index(args[1], 0, to.items.length - (r[1] - r[0]), "vector-copy!", 2, args);
            c.work(r[1] - r[0]);
            System.arraycopy(from.items, r[0], to.items, at, r[1] - r[0]); // overlap-safe
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("vector-append", 0, -1, true, (c, args) -> {
            int n = 0;
            for (int i = 0; i < args.length; i++) n += vec(args[i], "vector-append", i + 1, args).items.length;
            c.reserve(1L + n);
            Object[] items = new Object[n];
            int at = 0;
            for (Object o : args) {
                Object[] src = ((SVector) o).items;
                System.arraycopy(src, 0, items, at, src.length);
                at += src.length;
            }
            return c.alloc(new SVector(items), 1 + n);
        }));
    }

    // ---- bytevectors -------------------------------------------------------------------------

    static Bytevector bv(Object x, String name, int argIndex, Object[] args) {
        return Condition.cast(Bytevector.class, x, name, argIndex, "U8VECTOR", args);
    }

    static Bytevector bv1(Object x, String name) {
        return Condition.cast(Bytevector.class, x, name, 1, "U8VECTOR", x);
    }

    static byte u8(Object x, String name, int argIndex, Object[] args) {
        if (x instanceof Long l && l >= 0 && l <= 255) return (byte) (long) l;
        throw Condition.typeError(name, argIndex, "Unsigned 8 bit exact INTEGER", args);
    }

    static Bytevector newBytes(Ctx c, byte[] bytes) {
        c.reserve(1L + (bytes.length + 7) / 8);
        return c.alloc(new Bytevector(bytes), 1 + (bytes.length + 7) / 8);
    }

    /** u8vector-copy and subu8vector, as {@link #copyVector}. */
    private static Bytevector copyBytes(Ctx c, Object[] args, String who) {
        Bytevector b = bv(args[0], who, 1, args);
        int[] r = Args.range(args, 1, b.bytes.length, who);
        return newBytes(c, Arrays.copyOfRange(b.bytes, r[0], r[1]));
    }

    private static void installBytevectors(PrimitiveSink sink) {
        sink.add(Primitive.of1("u8vector?", true, (c, x) -> x instanceof Bytevector));
        sink.add(Primitive.ofN("make-u8vector", 1, 2, true, (c, args) -> {
            int n = Args.index(args[0], "make-u8vector", 1, args);
            byte fill = args.length > 1 ? u8(args[1], "make-u8vector", 2, args) : 0;
            c.reserve(1L + (n + 7) / 8); // before the Java array exists
            byte[] b = new byte[n];
            Arrays.fill(b, fill);
            return c.alloc(new Bytevector(b), 1 + (n + 7) / 8);
        }));
        sink.add(Primitive.ofN("u8vector", 0, -1, true, (c, args) -> {
            byte[] b = new byte[args.length];
            for (int i = 0; i < args.length; i++) b[i] = u8(args[i], "u8vector", i + 1, args);
            return newBytes(c, b);
        }));
        sink.add(Primitive.of1("u8vector-length", true, (c, v) -> (long) bv1(v, "u8vector-length").bytes.length));
        sink.add(Primitive.of2("u8vector-ref", true, (c, v, k) -> {
            if (v instanceof Bytevector b && k instanceof Long l && l >= 0 && l < b.bytes.length) return (long) (b.bytes[(int) (long) l] & 0xFF);
            Object[] args = a(v, k);
            Bytevector b = bv(v, "u8vector-ref", 1, args);
            return (long) (b.bytes[Args.index(k, 0, b.bytes.length - 1, "u8vector-ref", 2, args)] & 0xFF);
        }));
        sink.add(Primitive.of3("u8vector-set!", true, (c, v, k, x) -> {
            Object[] args = a(v, k, x);
            Bytevector b = bv(v, "u8vector-set!", 1, args);
            int i = Args.index(k, 0, b.bytes.length - 1, "u8vector-set!", 2, args);
            b.bytes[i] = u8(x, "u8vector-set!", 3, args);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("u8vector-copy", 1, 3, true, (c, args) -> copyBytes(c, args, "u8vector-copy")));
        sink.add(Primitive.of3("subu8vector", true, (c, v, s, e) -> copyBytes(c, a(v, s, e), "subu8vector")));
        sink.add(Primitive.ofN("u8vector-copy!", 3, 5, true, (c, args) -> {
            Bytevector to = bv(args[0], "u8vector-copy!", 1, args);
            Args.index(args[1], "u8vector-copy!", 2, args);
            Bytevector from = bv(args[2], "u8vector-copy!", 3, args);
            int[] r = Args.range(args, 3, from.bytes.length, "u8vector-copy!");
            int at = Args.index(args[1], 0, to.bytes.length - (r[1] - r[0]), "u8vector-copy!", 2, args);
            System.arraycopy(from.bytes, r[0], to.bytes, at, r[1] - r[0]);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("u8vector-append", 0, -1, true, (c, args) -> {
            int n = 0;
            for (int i = 0; i < args.length; i++) n += bv(args[i], "u8vector-append", i + 1, args).bytes.length;
            byte[] out = new byte[n];
            int at = 0;
            for (Object o : args) {
                byte[] src = ((Bytevector) o).bytes;
                System.arraycopy(src, 0, out, at, src.length);
                at += src.length;
            }
            return newBytes(c, out);
        }));
        sink.add(Primitive.ofN("u8vector-fill!", 2, 4, true, (c, args) -> {
            Bytevector b = bv(args[0], "u8vector-fill!", 1, args);
            byte x = u8(args[1], "u8vector-fill!", 2, args);
            int[] r = Args.range(args, 2, b.bytes.length, "u8vector-fill!");
            Arrays.fill(b.bytes, r[0], r[1], x);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("u8vector->list", 1, 3, true, (c, args) -> {
            Bytevector b = bv(args[0], "u8vector->list", 1, args);
            int[] r = Args.range(args, 1, b.bytes.length, "u8vector->list");
            c.reserve(3L * (r[1] - r[0]));
            Object l = Nil.NIL;
            for (int i = r[1] - 1; i >= r[0]; i--) l = c.cons((long) (b.bytes[i] & 0xFF), l);
            return l;
        }));
        sink.add(Primitive.of1("list->u8vector", true, (c, l) -> {
            int n = Args.listLength(l);
            if (n < 0) throw Condition.typeError("list->u8vector", 1, "LIST", l);
            byte[] b = new byte[n];
            int i = 0;
            for (Object x = l; x instanceof Pair p; x = p.cdr) {
                if (!(p.car instanceof Long v && v >= 0 && v <= 255)) {
                    throw Condition.typeError("list->u8vector", 1, "Unsigned 8 bit exact INTEGER LIST", l);
                }
                b[i++] = (byte) (long) v;
            }
            return newBytes(c, b);
        }));
        sink.add(Primitive.ofN("utf8->string", 1, 3, true, (c, args) -> {
            Bytevector b = bv(args[0], "utf8->string", 1, args);
            int[] r = Args.range(args, 1, b.bytes.length, "utf8->string");
            try {
                CharSequence s = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b.bytes, r[0], r[1] - r[0]));
                return CharStringPrims.newString(c, s);
            } catch (CharacterCodingException e) {
                throw new SchemeError(new Condition(Condition.Kind.INVALID_UTF8, "Invalid UTF-8 encoding", List.of(), null, List.of(), 0));
            }
        }));
        sink.add(Primitive.ofN("string->utf8", 1, 3, true, (c, args) -> {
            MString s = CharStringPrims.str(args[0], "string->utf8", 1, args);
            int[] r = Args.range(args, 1, s.length(), "string->utf8");
            return newBytes(c, s.substring(r[0], r[1]).getBytes(StandardCharsets.UTF_8));
        }));
        sink.alias("bytevector?", "u8vector?");
        sink.alias("make-bytevector", "make-u8vector");
        sink.alias("bytevector", "u8vector");
        sink.alias("bytevector-length", "u8vector-length");
        sink.alias("bytevector-u8-ref", "u8vector-ref");
        sink.alias("bytevector-u8-set!", "u8vector-set!");
        sink.alias("bytevector-copy", "u8vector-copy");
        sink.alias("bytevector-copy!", "u8vector-copy!");
        sink.alias("bytevector-append", "u8vector-append");
    }

    // ---- boxes -------------------------------------------------------------------------------

    private static void installBoxes(PrimitiveSink sink) {
        sink.add(Primitive.of1("box?", true, (c, x) -> x instanceof Box));
        sink.add(Primitive.of1("box", true, (c, x) -> c.alloc(new Box(x), 2)));
        sink.add(Primitive.of1("unbox", true, (c, b) -> {
            if (b instanceof Box x) return x.value;
            throw Condition.typeError("unbox", 1, "BOX", b);
        }));
        sink.add(Primitive.of2("set-box!", true, (c, b, v) -> {
            if (!(b instanceof Box x)) throw Condition.typeError("set-box!", 1, "BOX", b, v);
            x.value = v;
            return Special.VOID;
        }));
    }
}
