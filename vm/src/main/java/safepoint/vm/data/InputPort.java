package safepoint.vm.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * A character input port over a string or a Java Reader, with one character of lookahead and the
 * line/column of the next character (for datums read from it).
 */
public final class InputPort extends HeapObj {
    private final Reader source;   // null for a string port
    private final String text;     // non-null for a string port
    private int pos;
    private int peeked = -2;
    public final String name;
    private int line = 1;
    private int column = 1;
    private boolean closed;

    private InputPort(Reader source, String text, String name) {
        this.source = source;
        this.text = text;
        this.name = name;
    }

    public static InputPort ofString(String s) {
        return new InputPort(null, s, "string");
    }

    public static InputPort of(Reader r, String name) {
        return new InputPort(r, null, name);
    }

    private int raw() {
        if (closed) return -1;
        if (text != null) {
            if (pos >= text.length()) return -1;
            return text.charAt(pos++);
        }
        try {
            return source.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Next UTF-16 unit, or -1 at end. */
    public int read() {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = raw();
        }
        if (c == '\n') {
            line++;
            column = 1;
        } else if (c >= 0) {
            column++;
        }
        return c;
    }

    public int peek() {
        if (peeked == -2) peeked = raw();
        return peeked;
    }

    /** Continue line numbering from {@code line} (the REPL reads each input as it comes). */
    public void startAtLine(int line) {
        this.line = line;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public boolean charReady() {
        if (text != null || peeked != -2) return true;
        try {
            return source.ready();
        } catch (IOException e) {
            return false;
        }
    }

    public void close() {
        closed = true;
    }
}
