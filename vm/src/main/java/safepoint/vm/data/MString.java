package safepoint.vm.data;

/**
 * A mutable Scheme string: a fixed-length sequence of code points (R7RS 6.7; Gambit's strings
 * hold any Unicode character, so {@code (string-length (string #\x10f700))} is 1).
 *
 * <p>Representation: a {@code StringBuilder} of UTF-16 units while every character is in the
 * Basic Multilingual Plane and none is a surrogate, so that a unit is a character and the common
 * case (all text the benchmarks and most programs make) indexes, compares and prints as Java text
 * does, with no copy; the first character beyond the BMP (stored or given at construction) turns
 * the string, for good, into an {@code int[]} of code points, so that {@code string-ref} and
 * {@code string-set!} stay O(1) there too. Exactly one of the two fields is non-null. The text
 * ({@link #toString}) is the same Java string either way, so hashing and {@code equal?} need not
 * know the representation.
 */
public final class MString extends HeapObj {
    private StringBuilder narrow;
    private int[] wide;
    public boolean immutable;

    public MString(CharSequence s) {
        if (isNarrow(s)) {
            narrow = new StringBuilder(s);
        } else {
            wide = s.codePoints().toArray();
        }
    }

    private static boolean isNarrow(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) if (Character.isSurrogate(s.charAt(i))) return false;
        return true;
    }

    /** The number of characters. */
    public int length() {
        return narrow != null ? narrow.length() : wide.length;
    }

    /** The code point at {@code i} (0 <= i < length). */
    public int ref(int i) {
        return narrow != null ? narrow.charAt(i) : wide[i];
    }

    public void set(int i, int cp) {
        if (narrow != null) {
            if (cp < Character.MIN_SURROGATE || (cp > Character.MAX_SURROGATE && cp < 0x10000)) {
                narrow.setCharAt(i, (char) cp);
                return;
            }
            wide = narrow.codePoints().toArray();
            narrow = null;
        }
        wide[i] = cp;
    }

    /** Characters {@code from} (inclusive) to {@code to} (exclusive) as Java text. */
    public String substring(int from, int to) {
        return narrow != null ? narrow.substring(from, to) : new String(wide, from, to - from);
    }

    /** Append characters {@code from} to {@code to} to {@code b}. */
    public void appendTo(StringBuilder b, int from, int to) {
        if (narrow != null) {
            b.append(narrow, from, to);
        } else {
            for (int i = from; i < to; i++) b.appendCodePoint(wide[i]);
        }
    }

    public void appendTo(StringBuilder b) {
        appendTo(b, 0, length());
    }

    /** Store characters {@code from..to} of {@code src} at {@code at}; src may be this string. */
    public void copyFrom(int at, MString src, int from, int to) {
        int[] chunk = new int[to - from]; // copy first: src and this may be the same string
        for (int i = from; i < to; i++) chunk[i - from] = src.ref(i);
        for (int i = 0; i < chunk.length; i++) set(at + i, chunk[i]);
    }

    /** Compare by code points, as {@code string<?} orders (UTF-16 order differs beyond the BMP). */
    public int compareTo(MString o) {
        if (narrow != null && o.narrow != null) return narrow.compareTo(o.narrow);
        int n = Math.min(length(), o.length());
        for (int i = 0; i < n; i++) {
            int d = Integer.compare(ref(i), o.ref(i));
            if (d != 0) return d;
        }
        return Integer.compare(length(), o.length());
    }

    /** Heap words as the collector counts them, whatever the representation. */
    public long words() {
        return 2 + length() / 4;
    }

    /** The text as UTF-16, without a copy while narrow (do not keep it: the string may change). */
    public CharSequence chars() {
        return narrow != null ? narrow : toString();
    }

    @Override
    public String toString() {
        return narrow != null ? narrow.toString() : new String(wide, 0, wide.length);
    }
}
