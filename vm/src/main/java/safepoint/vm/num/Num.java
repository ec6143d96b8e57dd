package safepoint.vm.num;

/**
 * The numeric tower minus complex numbers: fixnums ({@link Long}), bignums
 * ({@link java.math.BigInteger}, only outside the long range), exact rationals
 * ({@link safepoint.vm.data.Ratnum}) and flonums ({@link Double}). Results are normalized: a
 * bignum that fits in a long becomes a Long, a ratio with denominator 1 an integer.
 *
 * <p>STUB: the numbers work item fills this in. The interpreter's fast paths call
 * {@link #add}, {@link #sub}, {@link #lt} etc. only when both arguments are not both Longs.
 */
public final class Num {
    private Num() {}
}
