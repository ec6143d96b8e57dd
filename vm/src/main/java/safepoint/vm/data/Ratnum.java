package safepoint.vm.data;

import java.math.BigInteger;

/** An exact non-integer rational in lowest terms, denominator &gt; 1. */
public final class Ratnum {
    public final BigInteger num;
    public final BigInteger den;

    public Ratnum(BigInteger num, BigInteger den) {
        this.num = num;
        this.den = den;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ratnum r && r.num.equals(num) && r.den.equals(den);
    }

    @Override
    public int hashCode() {
        return num.hashCode() * 31 + den.hashCode();
    }
}
