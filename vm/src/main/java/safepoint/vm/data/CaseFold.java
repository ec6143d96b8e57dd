package safepoint.vm.data;

import java.util.Locale;

/**
 * Unicode case folding as R7RS's {@code char-foldcase} and {@code string-foldcase} define it; the
 * reader's {@code #!fold-case} and the {@code -ci} procedures use the same one.
 */
public final class CaseFold {
    private CaseFold() {}

    /** Simple folding: lower case of the upper case, except the Turkic dotted and dotless i. */
    public static int fold(int cp) {
        if (cp < 128) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        if (cp == 0x130 || cp == 0x131) return cp;
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /**
     * Full folding one code point at a time (no context, so a final sigma folds to sigma):
     * {@code ß} becomes {@code ss}, the dotted capital I an i and a combining dot.
     */
    public static String fold(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 128 || cp == 0x131) b.appendCodePoint(fold(cp));
            else b.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
        });
        return b.toString();
    }
}
