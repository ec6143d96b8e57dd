package safepoint.vm.prims;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Serials;

/**
 * Hash functions consistent with eq?, eqv?, equal? and string=?, deterministic for a given
 * program and seed (reference 1.5): immediates hash by value, symbols by name, heap objects by
 * an eq-hash fixed at first use from the VM's own counter.
 */
public final class Hashing {
    private Hashing() {}

    public static long eq(Object o, Serials vm) {
        if (o instanceof Long l) return l;
        if (o instanceof SChar c) return c.cp;
        if (o instanceof Symbol s) return s.name.hashCode();
        if (o instanceof Keyword k) return k.name.hashCode() * 31L + 7;
        if (o instanceof HeapObj h) {
            int e = h.eqHash;
            if (e == 0) {
                e = vm.nextEqHash();
                h.eqHash = e;
            }
            return e;
        }
        // Booleans, (), #!void and friends are unique objects; flonums and bignums (eq only to
        // themselves) may hash by value without breaking eq? consistency.
        if (o instanceof Boolean b) return b ? 1231 : 1237;
        if (o instanceof Double || o instanceof BigInteger || o instanceof Ratnum || o instanceof safepoint.vm.data.Cpxnum) return o.hashCode();
        if (o instanceof Enum<?> e) return 0x51ED + e.ordinal();
        return o == null ? 0 : o.getClass().getName().hashCode();
    }

    public static long eqv(Object o, Serials vm) {
        return eq(o, vm);
    }

    public static long string(Object o) {
        return o instanceof MString s ? s.toString().hashCode() : o.hashCode();
    }

    /** Consistent with equal?: walks at most 64 nodes, iteratively. */
    public static long equal(Object root, Serials vm) {
        return equal(root, o -> eq(o, vm));
    }

    /** equal?-consistent hash whose leaves (atoms, procedures, ...) are hashed by {@code atom}. */
    public static long equal(Object root, java.util.function.ToLongFunction<Object> atom) {
        long h = 17;
        int budget = 64;
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(root == null ? Boolean.FALSE : root);
        while (!todo.isEmpty() && budget-- > 0) {
            Object o = todo.pop();
            long k;
            if (o instanceof Pair p) {
                k = 1;
                todo.push(p.cdr);
                todo.push(p.car);
            } else if (o instanceof MString s) {
                k = s.toString().hashCode();
            } else if (o instanceof SVector v) {
                k = 2 + v.items.length;
                for (int i = Math.min(v.items.length, 8) - 1; i >= 0; i--) todo.push(v.items[i]);
            } else if (o instanceof Bytevector b) {
                k = Arrays.hashCode(b.bytes);
            } else if (o instanceof Box b) {
                k = 3;
                todo.push(b.value);
            } else if (o instanceof safepoint.vm.data.FieldEquality f && f.byFields()) {
                // compared field by field: hashed by its fields, as a vector is (not all in one bucket)
                Object[] fields = f.equalFields();
                k = 5 + fields.length;
                for (int i = Math.min(fields.length, 8) - 1; i >= 0; i--) todo.push(fields[i] == null ? Boolean.FALSE : fields[i]);
            } else if (o instanceof safepoint.vm.data.Record || o instanceof SchemeTable) {
                k = 4; // compared by contents: hash only the kind
            } else {
                k = atom.applyAsLong(o);
            }
            h = h * 31 + k;
        }
        return h;
    }
}
