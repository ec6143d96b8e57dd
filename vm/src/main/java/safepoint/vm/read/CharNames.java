package safepoint.vm.read;

import java.util.Map;

/** The names {@code #\name} may use, and how gsi writes a character inside an error message. */
final class CharNames {
    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("nul", 0), Map.entry("null", 0), Map.entry("alarm", 7), Map.entry("backspace", 8),
            Map.entry("tab", 9), Map.entry("newline", 10), Map.entry("linefeed", 10), Map.entry("vtab", 11),
            Map.entry("page", 12), Map.entry("return", 13), Map.entry("escape", 27), Map.entry("esc", 27),
            Map.entry("altmode", 27), Map.entry("space", 32), Map.entry("delete", 127));

    private CharNames() {}

    /**
     * The code point a multi-character name stands for: a name above, {@code xHH...},
     * {@code uHHHH} or {@code UHHHHHHHH}; -1 when it is none of these; -2 when it is a hex
     * code outside Unicode's scalar values.
     */
    static int lookup(String name) {
        Integer named = BY_NAME.get(name);
        if (named != null) return named;
        char c = name.charAt(0);
        int len = name.length() - 1;
        if (c == 'x' || (c == 'u' && len == 4) || (c == 'U' && len == 8)) return hex(name, 1, name.length());
        return -1;
    }

    /** The hex digits of s[from, to) as a scalar value; -1 if not hex, -2 if out of range. */
    static int hex(CharSequence s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int d = c < 128 ? Character.digit(c, 16) : -1;
            if (d < 0) return -1;
            if (v <= 0x10FFFF) v = v * 16 + d;
        }
        return v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ? -2 : (int) v;
    }

    /** {@code #\tab}, {@code #\q}: the written form gsi uses in "Invalid escaped character". */
    static String written(int cp) {
        switch (cp) {
            case 0: return "#\\null";
            case 7: return "#\\alarm";
            case 8: return "#\\backspace";
            case 9: return "#\\tab";
            case 10: return "#\\newline";
            case 11: return "#\\vtab";
            case 12: return "#\\page";
            case 13: return "#\\return";
            case 27: return "#\\escape";
            case 32: return "#\\space";
            case 127: return "#\\delete";
            default:
                return cp < 32 ? "#\\x" + Integer.toHexString(cp) : "#\\" + new String(Character.toChars(cp));
        }
    }
}
