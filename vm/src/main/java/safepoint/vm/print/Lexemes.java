package safepoint.vm.print;

/**
 * The written forms of strings, characters, symbols and keywords, as gsi 4.9.3 prints them. Gambit
 * escapes every character outside printable ASCII (32..126) when writing: {@code "\x3bb;"},
 * {@code #\x3bb}, {@code |\x3bb;x|}.
 */
final class Lexemes {
    private Lexemes() {}

    static void writeString(CharSequence s, StringBuilder out) {
        out.append('"');
        escaped(s, '"', out);
        out.append('"');
    }

    /** Characters of a string or barred symbol; {@code quote} is the delimiter to escape. */
    private static void escaped(CharSequence s, char quote, StringBuilder out) {
        int n = s.length();
        for (int i = 0; i < n; ) {
            int c = Character.codePointAt(s, i);
            i += Character.charCount(c);
            switch (c) {
                case 7 -> out.append("\\a");
                case 8 -> out.append("\\b");
                case 9 -> out.append("\\t");
                case 10 -> out.append("\\n");
                case 11 -> out.append("\\v");
                case 12 -> out.append("\\f");
                case 13 -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(quote);
                    } else if (c < 32 || c >= 127) {
                        out.append("\\x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
    }

    private static final String[] CHAR_NAMES = new String[128];

    static {
        CHAR_NAMES[0] = "null";
        CHAR_NAMES[7] = "alarm";
        CHAR_NAMES[8] = "backspace";
        CHAR_NAMES[9] = "tab";
        CHAR_NAMES[10] = "newline";
        CHAR_NAMES[11] = "vtab";
        CHAR_NAMES[12] = "page";
        CHAR_NAMES[13] = "return";
        CHAR_NAMES[27] = "escape";
        CHAR_NAMES[32] = "space";
        CHAR_NAMES[127] = "delete";
    }

    static void writeChar(int cp, StringBuilder out) {
        out.append("#\\");
        if (cp < 128 && CHAR_NAMES[cp] != null) {
            out.append(CHAR_NAMES[cp]);
        } else if (cp > 32 && cp < 127) {
            out.append((char) cp);
        } else {
            out.append('x').append(Integer.toHexString(cp));
        }
    }

    /** A symbol's name as {@code write} shows it, with bars when reading it back needs them. */
    static void writeSymbolName(String name, StringBuilder out) {
        if (symbolNeedsBars(name)) barred(name, out);
        else out.append(name);
    }

    /** A keyword's name (without its colon): only delimiters and a leading {@code #} need bars. */
    static void writeKeywordName(String name, StringBuilder out) {
        if (name.isEmpty() || hashStart(name) || hasSpecialChar(name)) barred(name, out);
        else out.append(name);
    }

    private static void barred(String name, StringBuilder out) {
        out.append('|');
        escaped(name, '|', out);
        out.append('|');
    }

    static boolean symbolNeedsBars(String name) {
        int n = name.length();
        if (n == 0 || name.equals(".") || hashStart(name)) return true;
        if (n > 1 && name.charAt(n - 1) == ':') return true; // would read as a keyword
        return hasSpecialChar(name) || NumberSyntax.isNumber(name);
    }

    /** A leading {@code #} reads as syntax, except in Gambit's {@code ##} names ({@code ##car}). */
    private static boolean hashStart(String name) {
        return name.charAt(0) == '#' && !(name.length() > 1 && name.charAt(1) == '#');
    }

    private static boolean hasSpecialChar(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 32 || c >= 127) return true;
            switch (c) {
                case '(', ')', '[', ']', '{', '}', '"', ';', '\'', '`', ',', '|', '\\':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
