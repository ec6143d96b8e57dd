package safepoint.vm.num;

import java.math.BigInteger;
import safepoint.vm.data.Condition;

/** Two's-complement bit operations on exact integers of any size. */
public final class Bits {
    private Bits() {}

    public static final int AND = 0, IOR = 1, XOR = 2;

    /** Variadic bitwise-and/ior/xor; arguments must be exact integers. */
    public static Object fold(int op, String who, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!Num.isExactInteger(args[i])) throw Condition.typeError(who, i + 1, "Exact INTEGER", args);
        }
        Object acc = op == AND ? (Object) (-1L) : (Object) 0L;
        for (Object a : args) acc = op2(op, acc, a);
        return acc;
    }

    private static Object op2(int op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return op == AND ? x & y : op == IOR ? x | y : x ^ y;
        }
        BigInteger x = Exact.big(a), y = Exact.big(b);
        return Exact.norm(op == AND ? x.and(y) : op == IOR ? x.or(y) : x.xor(y));
    }

    public static Object not(Object a) {
        if (a instanceof Long x) return ~x;
        if (a instanceof BigInteger b) return Exact.norm(b.not());
        throw Condition.typeError("bitwise-not", 1, "Exact INTEGER", a);
    }

    public static Object arithmeticShift(Object a, Object n) {
        if (!Num.isExactInteger(a)) throw Condition.typeError("arithmetic-shift", 1, "Exact INTEGER", a, n);
        if (!Num.isExactInteger(n)) throw Condition.typeError("arithmetic-shift", 2, "Exact INTEGER", a, n);
        BigInteger x = Exact.big(a);
        if (n instanceof BigInteger big) {
            if (big.signum() < 0 || x.signum() == 0) return x.signum() < 0 ? -1L : 0L;
            throw Exact.heapOverflow();
        }
        long s = (Long) n;
        if (s <= 0) {
            if (a instanceof Long l) return s <= -64 ? (l < 0 ? -1L : 0L) : l >> -s;
            return Exact.norm(x.shiftRight((int) Math.max(s, -Integer.MAX_VALUE) * -1));
        }
        if (x.signum() == 0) return 0L;
        if (s + x.bitLength() > Exact.MAX_BITS) throw Exact.heapOverflow();
        return Exact.norm(x.shiftLeft((int) s));
    }

    /** Number of bits that differ from the sign bit, as Gambit's bit-count. */
    public static Object bitCount(Object a) {
        if (a instanceof Long x) return (long) Long.bitCount(x < 0 ? ~x : x);
        if (a instanceof BigInteger b) return (long) b.bitCount();
        throw Condition.typeError("bit-count", 1, "Exact INTEGER", a);
    }

    public static Object integerLength(Object a) {
        if (a instanceof Long x) return (long) (64 - Long.numberOfLeadingZeros(x < 0 ? ~x : x));
        if (a instanceof BigInteger b) return (long) b.bitLength();
        throw Condition.typeError("integer-length", 1, "Exact INTEGER", a);
    }

    /** {@code (bit-set? index n)}: bit {@code index} of n in two's complement. */
    public static boolean bitSet(Object index, Object n) {
        int k = smallIndex("bit-set?", 1, index, index, n);
        if (!Num.isExactInteger(n)) throw Condition.typeError("bit-set?", 2, "Exact INTEGER", index, n);
        return Exact.big(n).testBit(k);
    }

    /** {@code (extract-bit-field size position n)}: size bits of n starting at position. */
    public static Object extractBitField(Object size, Object position, Object n) {
        int sz = smallIndex("extract-bit-field", 1, size, size, position, n);
        int pos = smallIndex("extract-bit-field", 2, position, size, position, n);
        if (!Num.isExactInteger(n)) throw Condition.typeError("extract-bit-field", 3, "Exact INTEGER", size, position, n);
        if (sz > MAX_FIELD) throw Exact.heapOverflow();
        BigInteger mask = BigInteger.ONE.shiftLeft(sz).subtract(BigInteger.ONE);
        return Exact.norm(Exact.big(n).shiftRight(pos).and(mask));
    }

    private static final int MAX_FIELD = (int) Exact.MAX_BITS;

    /** A non-negative bit index; huge ones are clamped (they only select sign bits). */
    private static int smallIndex(String who, int argNo, Object x, Object... args) {
        if (!Num.isExactInteger(x)) throw Condition.typeError(who, argNo, "Exact INTEGER", args);
        if (Num.sign(x, who) < 0) throw Condition.rangeError(who, argNo, args);
        return x instanceof Long l && l < Integer.MAX_VALUE ? (int) (long) l : Integer.MAX_VALUE;
    }
}
