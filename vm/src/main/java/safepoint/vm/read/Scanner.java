package safepoint.vm.read;

import safepoint.vm.data.Box;
import safepoint.vm.data.CaseFold;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.NumKind;
import safepoint.vm.data.SChar;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/**
 * Splits a port's text into tokens, skipping whitespace and {@code ;} and {@code #|...|#}
 * comments. Atoms (numbers, strings and Gambit's {@code #<<TAG} here strings, characters,
 * symbols, ...) come back whole; brackets, dots
 * and prefixes are left to {@link Reader} to assemble. No token object is allocated: {@link #next}
 * sets {@link #value}, {@link #line} and {@link #col} and returns the kind.
 */
final class Scanner {
    static final int EOF = 0;
    static final int ATOM = 1;
    static final int OPEN = 2;          // value: the closing char it expects, as a Character
    static final int CLOSE = 3;         // value: the char
    static final int VECTOR = 4;        // #(
    static final int BYTES = 5;         // #u8(
    static final int DOT = 6;
    static final int PREFIX = 7;        // value: quote-like symbol, or BOX_PREFIX
    static final int DATUM_COMMENT = 8; // #;
    static final int LABEL_DEF = 9;     // #N= ; value: N, as an Integer
    static final int LABEL_REF = 10;    // #N# ; value: N, as an Integer
    static final int NUMBERS = 12;      // #s8( #f64( ... ; value: the NumKind
    private static final int DIRECTIVE = 11; // #!fold-case, #!no-fold-case: no token

    /** The PREFIX value of {@code #&}. */
    static final Object BOX_PREFIX = Box.class;

    static final Symbol QUOTE = Symbol.of("quote");
    static final Symbol QUASIQUOTE = Symbol.of("quasiquote");
    static final Symbol UNQUOTE = Symbol.of("unquote");
    static final Symbol UNQUOTE_SPLICING = Symbol.of("unquote-splicing");
    static final Symbol SYNTAX = Symbol.of("syntax");
    static final Symbol QUASISYNTAX = Symbol.of("quasisyntax");
    static final Symbol UNSYNTAX = Symbol.of("unsyntax");
    static final Symbol UNSYNTAX_SPLICING = Symbol.of("unsyntax-splicing");

    private static final boolean[] DELIMITER = new boolean[128];

    static {
        for (int c = 0; c <= ' '; c++) DELIMITER[c] = true;
        for (char c : "()[]{}\";'`,|".toCharArray()) DELIMITER[c] = true;
    }

    private final InputPort in;
    private final String file;
    private final StringBuilder buf = new StringBuilder();
    /** R7RS 2.1: after {@code #!fold-case}, symbols and character names read as string-foldcase makes them. */
    private boolean foldCase;

    Object value;
    int line;
    int col;

    Scanner(InputPort in, String file) {
        this.in = in;
        this.file = file;
    }

    static boolean isDelimiter(int c) {
        return c < 0 || (c < 128 && DELIMITER[c]);
    }

    int next() {
        while (true) {
            skipWhitespaceAndLineComments();
            line = in.line();
            col = in.column();
            int c = in.read();
            switch (c) {
                case -1: return EOF;
                case '(': value = ')'; return OPEN;
                case '[': value = ']'; return OPEN;
                case '{': value = '}'; return OPEN;
                case ')': case ']': case '}': value = (char) c; return CLOSE;
                case '\'': value = QUOTE; return PREFIX;
                case '`': value = QUASIQUOTE; return PREFIX;
                case ',': value = atSign(UNQUOTE, UNQUOTE_SPLICING); return PREFIX;
                case '"': value = new MString(delimited('"')); return ATOM;
                case '|': {
                    // gsi: a colon right after the closing bar makes a keyword, as |a b|: is written
                    String name = delimited('|');
                    if (in.peek() == ':') {
                        in.read();
                        value = Keyword.of(name);
                    } else {
                        value = Symbol.of(name);
                    }
                    return ATOM;
                }
                case '#':
                    if (in.peek() == '|') {
                        in.read();
                        skipBlockComment();
                        continue;
                    }
                    int kind = hash();
                    if (kind == DIRECTIVE) continue;
                    return kind;
                default:
                    return token(c);
            }
        }
    }

    private void skipWhitespaceAndLineComments() {
        while (true) {
            int c = in.peek();
            if (c >= 0 && c <= ' ') {
                in.read();
            } else if (c == ';') {
                while (c >= 0 && c != '\n') c = in.read();
            } else {
                return;
            }
        }
    }

    /** After {@code #|}: skips to the matching {@code |#}, counting nested ones. */
    private void skipBlockComment() {
        int depth = 1;
        int prev = 0;
        while (depth > 0) {
            int c = in.read();
            if (c < 0) throw error(ReadError.EOF_IN_FORM);
            if (prev == '|' && c == '#') {
                depth--;
                c = 0;
            } else if (prev == '#' && c == '|') {
                depth++;
                c = 0;
            }
            prev = c;
        }
    }

    /** Everything that starts with {@code #} other than a block comment. */
    private int hash() {
        int c = in.peek();
        switch (c) {
            case '(': in.read(); return VECTOR;
            case ';': in.read(); return DATUM_COMMENT;
            case '&': in.read(); value = BOX_PREFIX; return PREFIX;
            // Syntax quotation (Gerbil's syntax-case): #'x #`x #,x #,@x.
            case '\'': in.read(); value = SYNTAX; return PREFIX;
            case '`': in.read(); value = QUASISYNTAX; return PREFIX;
            case ',': in.read(); value = atSign(UNSYNTAX, UNSYNTAX_SPLICING); return PREFIX;
            case '\\': in.read(); value = character(); return ATOM;
            case '<': {
                in.read();
                if (in.peek() != '<') break;
                in.read();
                value = new MString(hereString());
                return ATOM;
            }
            case '!': {
                in.read();
                String name = constituents(new StringBuilder()).toString();
                if (name.equals("fold-case") || name.equals("no-fold-case")) {
                    foldCase = name.equals("fold-case");
                    return DIRECTIVE;
                }
                Special s = Special.named(name);
                if (s == null) throw error("Invalid '#!' name: \"" + name + "\"");
                value = s;
                return ATOM;
            }
            default: break;
        }
        StringBuilder start = new StringBuilder().append('#');
        if (c == '<') start.append('<'); // a lone #< (taken above) is still an invalid token
        if (c >= '0' && c <= '9') {
            // datum labels #0= and references #0#
            while (in.peek() >= '0' && in.peek() <= '9') start.append((char) in.read());
            int after = in.peek();
            if ((after == '=' || after == '#') && start.length() < 10) {
                in.read();
                value = Integer.valueOf(start.substring(1));
                return after == '=' ? LABEL_DEF : LABEL_REF;
            }
        }
        String text = constituents(start).toString();
        if (text.equals("#u8") && in.peek() == '(') {
            in.read();
            return BYTES;
        }
        NumKind kind = in.peek() == '(' ? NumKind.ofPrefix(text.substring(1)) : null;
        if (kind != null) {
            in.read();
            value = kind;
            return NUMBERS;
        }
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "#t": case "#true": value = Boolean.TRUE; return ATOM;
            case "#f": case "#false": value = Boolean.FALSE; return ATOM;
            default: break;
        }
        if (text.startsWith("##") && text.length() > 2) {
            // Gambit's internal names (##car, ##continuation-depth) are ordinary symbols.
            value = Symbol.of(text);
            return ATOM;
        }
        Object num = NumberParser.parse(text, 10);
        if (num == null) throw error(ReadError.TOKEN);
        value = num;
        return ATOM;
    }

    /**
     * Gambit's here string, after {@code #<<}: the rest of the line is the tag, and the string is
     * the lines up to one that is exactly the tag (its newline is mandatory, as in gsi), joined by
     * newlines. Nothing is escaped in between.
     */
    private String hereString() {
        String tag = lineText();
        if (tag == null) throw error(ReadError.EOF_IN_FORM);
        StringBuilder b = new StringBuilder();
        boolean first = true;
        while (true) {
            String l = lineText();
            if (l == null) throw error(ReadError.EOF_IN_FORM);
            if (l.equals(tag)) return b.toString();
            if (!first) b.append('\n');
            b.append(l);
            first = false;
        }
    }

    /** The text up to the next newline (taken, not included), or null if the input ends first. */
    private String lineText() {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) return null;
            if (c == '\n') return b.toString();
            b.appendCodePoint(c);
        }
    }

    /** After a comma: with an {@code @} next (taken), the splicing form; otherwise the plain one. */
    private Symbol atSign(Symbol plain, Symbol splicing) {
        if (in.peek() != '@') return plain;
        in.read();
        return splicing;
    }

    /** After {@code #\}: one character, then any constituents make it a name. */
    private SChar character() {
        int c = in.read();
        if (c < 0) throw error(ReadError.EOF_IN_FORM);
        if (isDelimiter(in.peek())) return SChar.of(c);
        String name = constituents(new StringBuilder().appendCodePoint(c)).toString();
        int cp = CharNames.lookup(foldCase ? CaseFold.fold(name) : name);
        if (cp == -2) throw error(ReadError.CHAR_RANGE);
        if (cp < 0) throw error("Invalid '#\\' name: \"" + name + "\"");
        return SChar.of(cp);
    }

    /** A symbol, keyword, number or dot whose first character {@code c} is already read. */
    private int token(int c) {
        StringBuilder b = buf;
        b.setLength(0);
        b.appendCodePoint(c);
        constituents(b);
        if (b.indexOf("\\") >= 0) throw error(ReadError.INFIX);
        int len = b.length();
        if (len == 1 && c == '.') return DOT;
        if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
            Object num = NumberParser.parse(b.toString(), 10);
            if (num != null) {
                value = num;
                return ATOM;
            }
        }
        if (len > 1 && b.charAt(len - 1) == ':') {
            String name = b.substring(0, len - 1);
            value = Keyword.of(foldCase ? CaseFold.fold(name) : name);
        } else {
            value = Symbol.of(foldCase ? CaseFold.fold(b) : b.toString());
        }
        return ATOM;
    }

    private StringBuilder constituents(StringBuilder b) {
        while (!isDelimiter(in.peek())) b.appendCodePoint(in.read());
        return b;
    }

    /** The text of a string or {@code |symbol|} after its opening quote, escapes decoded. */
    private String delimited(char quote) {
        StringBuilder b = buf;
        b.setLength(0);
        while (true) {
            int c = in.read();
            if (c < 0) throw error(ReadError.EOF_IN_FORM);
            if (c == quote) return b.toString();
            if (c == '\\') {
                escape(b);
            } else {
                b.appendCodePoint(c);
            }
        }
    }

    private void escape(StringBuilder b) {
        int c = in.read();
        switch (c) {
            case -1: throw error(ReadError.EOF_IN_FORM);
            case 'a': b.append('\u0007'); return;
            case 'b': b.append('\b'); return;
            case 't': b.append('\t'); return;
            case 'n': b.append('\n'); return;
            case 'v': b.append('\u000b'); return;
            case 'f': b.append('\f'); return;
            case 'r': b.append('\r'); return;
            case '\\': case '"': case '\'': case '?': case '|': b.append((char) c); return;
            case ' ': case '\t': blanksAfterBackslash(b, c); return;
            case '\n': skipIndent(); return;
            case '\r':
                if (in.peek() == '\n') in.read();
                skipIndent();
                return;
            case 'x': hexEscape(b); return;
            case 'u': fixedHex(b, 4); return;
            case 'U': fixedHex(b, 8); return;
            default:
                if (c >= '0' && c <= '7') {
                    octalEscape(b, c - '0');
                    return;
                }
                throw error("Invalid escaped character: " + CharNames.written(c));
        }
    }

    /**
     * R7RS's line continuation also allows blanks between the backslash and the line's end: then
     * they go too. Otherwise this is Gambit's escape: {@code \<space>} is a space (the blanks after
     * it are the string's), and {@code \<tab>} is no escape at all.
     */
    private void blanksAfterBackslash(StringBuilder b, int first) {
        StringBuilder blanks = new StringBuilder().appendCodePoint(first);
        while (in.peek() == ' ' || in.peek() == '\t') blanks.appendCodePoint(in.read());
        if (in.peek() == '\n' || in.peek() == '\r') {
            if (in.read() == '\r' && in.peek() == '\n') in.read();
            skipIndent();
            return;
        }
        if (first == '\t') throw error("Invalid escaped character: " + CharNames.written(first));
        b.append(blanks);
    }

    /** A line continuation drops the newline and the next line's leading blanks. */
    private void skipIndent() {
        while (in.peek() == ' ' || in.peek() == '\t') in.read();
    }

    /** {@code \xHH;}: any number of hex digits (none means 0), then a mandatory semicolon. */
    private void hexEscape(StringBuilder b) {
        StringBuilder digits = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) throw error(ReadError.EOF_IN_FORM);
            if (c == ';') break;
            if (c >= 128 || Character.digit(c, 16) < 0) throw error(ReadError.HEX_ESCAPE);
            digits.append((char) c);
        }
        int cp = digits.length() == 0 ? 0 : CharNames.hex(digits, 0, digits.length());
        if (cp < 0) throw error(ReadError.CHAR_RANGE);
        b.appendCodePoint(cp);
    }

    private void fixedHex(StringBuilder b, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int c = in.read();
            if (c < 0 || c >= 128 || Character.digit(c, 16) < 0) throw error(ReadError.HEX_ESCAPE);
            digits.append((char) c);
        }
        int cp = CharNames.hex(digits, 0, count);
        if (cp < 0) throw error(ReadError.CHAR_RANGE);
        b.appendCodePoint(cp);
    }

    /** {@code \ooo}: up to three octal digits, stopping before the value would pass 255. */
    private void octalEscape(StringBuilder b, int v) {
        for (int i = 0; i < 2; i++) {
            int c = in.peek();
            if (c < '0' || c > '7' || v * 8 + (c - '0') > 255) break;
            in.read();
            v = v * 8 + (c - '0');
        }
        b.append((char) v);
    }

    /** An error at the start of the current token. */
    private RuntimeException error(String message) {
        return ReadError.at(file, line, col, message);
    }
}
