package safepoint.vm.data;

import java.util.Arrays;

/**
 * A homogeneous vector of a {@link NumKind} ({@code #s16(1 2)}, {@code #f64(1.5)}): integers in a
 * long[] (range checked when stored), floats in a double[] (an f32 rounded to float on the way in).
 */
public final class NumVector extends HeapObj {
    public final NumKind kind;
    private final long[] ints;
    private final double[] flos;

    public NumVector(NumKind kind, int length) {
        this.kind = kind;
        this.ints = kind.isFloat() ? null : new long[length];
        this.flos = kind.isFloat() ? new double[length] : null;
    }

    public int length() {
        return ints != null ? ints.length : flos.length;
    }

    /** The element at i: a Long (a BigInteger for a large u64) or a Double. */
    public Object ref(int i) {
        return ints != null ? kind.ofBits(ints[i]) : (Object) flos[i];
    }

    /** Stores x, which {@link NumKind#accepts} must have allowed. */
    public void set(int i, Object x) {
        if (ints != null) {
            ints[i] = NumKind.toBits(x);
        } else {
            double d = (Double) x;
            flos[i] = kind == NumKind.F32 ? (double) (float) d : d;
        }
    }

    /** equal?: the same kind and elements (floats compared as eqv? does, by their bits). */
    public boolean sameAs(NumVector o) {
        if (kind != o.kind) return false;
        if (ints != null) return Arrays.equals(ints, o.ints);
        return Arrays.equals(flos, o.flos);
    }

    /** Heap words: a header and the elements packed at their width. */
    public long words() {
        return 2 + ((long) length() * kind.bits / 8 + 7) / 8;
    }
}
