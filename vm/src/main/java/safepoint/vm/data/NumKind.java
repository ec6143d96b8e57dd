package safepoint.vm.data;

import java.math.BigInteger;

/**
 * The element kinds of Gambit's homogeneous vectors other than u8 (which is {@link Bytevector}):
 * fixed-width exact integers and the two IEEE float widths. Names and texts are gsi's.
 */
public enum NumKind {
    S8(8, true), U16(16, false), S16(16, true), U32(32, false), S32(32, true),
    U64(64, false), S64(64, true), F32(32, true), F64(64, true);

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public final int bits;
    public final boolean signed;
    /** "s8", "f64": the prefix of the procedures' names and of the literal, {@code #s8(...)}. */
    public final String prefix;

    NumKind(int bits, boolean signed) {
        this.bits = bits;
        this.signed = signed;
        this.prefix = name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isFloat() {
        return this == F32 || this == F64;
    }

    /** The type in a wrong-type error: "S8VECTOR". */
    public String typeName() {
        return name() + "VECTOR";
    }

    /** What an element must be, as gsi's errors say it: "Signed 8 bit exact INTEGER", "Inexact REAL". */
    public String elementText() {
        if (isFloat()) return "Inexact REAL";
        return (signed ? "Signed " : "Unsigned ") + bits + " bit exact INTEGER";
    }

    /** The kind whose prefix is {@code p}, or null. */
    public static NumKind ofPrefix(String p) {
        for (NumKind k : values()) if (k.prefix.equals(p)) return k;
        return null;
    }

    /** Whether x can be an element: an exact integer in range, or for floats a flonum. */
    public boolean accepts(Object x) {
        if (isFloat()) return x instanceof Double;
        if (x instanceof Long l) {
            if (bits == 64) return signed || l >= 0;
            long lo = signed ? -(1L << (bits - 1)) : 0;
            long hi = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
            return l >= lo && l <= hi;
        }
        // Only u64 holds integers beyond a long's range.
        return this == U64 && x instanceof BigInteger b && b.signum() > 0 && b.compareTo(U64_MAX) <= 0;
    }

    /** The stored bits of an accepted integer element (u64's upper half wraps into a long). */
    static long toBits(Object x) {
        return x instanceof Long l ? l : ((BigInteger) x).longValue();
    }

    /** The Scheme integer for stored bits: u64 beyond Long.MAX_VALUE is a bignum. */
    Object ofBits(long v) {
        if (this == U64 && v < 0) return new BigInteger(Long.toUnsignedString(v));
        return v;
    }
}
