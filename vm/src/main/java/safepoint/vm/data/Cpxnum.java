package safepoint.vm.data;

/**
 * A non-real complex number in rectangular form, as Gambit keeps it: two reals of any exactness
 * ({@code 1+2.i} mixes them), the imaginary part never an exact 0 (that number is its real part).
 * Build one only through {@code num.Complex.make}, which keeps that rule.
 */
public final class Cpxnum {
    public final Object re;
    public final Object im;

    public Cpxnum(Object re, Object im) {
        this.re = re;
        this.im = im;
    }

    /** Parts compared as {@code eqv?} compares reals: same exactness, flonums by bits. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Cpxnum c && c.re.equals(re) && c.im.equals(im);
    }

    @Override
    public int hashCode() {
        return re.hashCode() * 31 + im.hashCode();
    }
}
