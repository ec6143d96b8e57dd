package safepoint.vm.data;

/** A Scheme character: one Unicode code point. Small ones are shared. */
public final class SChar {
    private static final SChar[] CACHE = new SChar[256];

    static {
        for (int i = 0; i < CACHE.length; i++) CACHE[i] = new SChar(i);
    }

    public final int cp;

    private SChar(int cp) {
        this.cp = cp;
    }

    public static SChar of(int cp) {
        return cp >= 0 && cp < 256 ? CACHE[cp] : new SChar(cp);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SChar c && c.cp == cp;
    }

    @Override
    public int hashCode() {
        return cp;
    }
}
