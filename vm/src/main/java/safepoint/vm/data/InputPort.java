package safepoint.vm.data;

import java.io.Reader;

/**
 * A character input port over a string or the console, with one character of lookahead and the
 * line/column of the next character (for datums read from it). Its characters are code points:
 * a surrogate pair of the text is one character, as in a Scheme string. A bytevector port
 * ({@code open-input-bytevector}) or a file's port has bytes instead of text: {@link #readByte} takes them, and
 * its characters are their UTF-8 decoding, as Gambit's u8vector ports are both.
 *
 * <p>A closed port refuses every read ({@link Closed}), as R7RS and Gambit's device ports do.
 *
 * <p>A console port has no character to give until input comes: a read then throws
 * {@link NotReady}. The read primitives bracket each read of such a port with {@link #mark} and
 * {@link #rollback}, so a read that must wait leaves the port as it was and runs again, whole,
 * once input has come (see the VM's console reads).
 */
public final class InputPort extends Port {
    private final ConsoleInput console; // null for a string port
    private final String text;     // non-null for a string port
    private final byte[] bytes;    // non-null for a bytevector port
    private int pos;
    private int peeked = -2;
    private int line = 1;
    private int column = 1;
    private boolean closed;

    /** Characters taken from the console since {@link #mark}, or null when not marked. */
    private StringBuilder taken;
    private int markLine;
    private int markColumn;
    private int markPeeked;

    private InputPort(ConsoleInput console, String text, byte[] bytes, String name) {
        super(name);
        this.console = console;
        this.text = text;
        this.bytes = bytes;
    }

    @Override
    public String kind() {
        return "input-port";
    }

    public static InputPort ofString(String s) {
        return new InputPort(null, s, null, "string");
    }

    /** {@code open-input-bytevector}: Gambit names it {@code (u8vector)}. */
    public static InputPort ofBytes(byte[] b) {
        return new InputPort(null, null, b, "(u8vector)");
    }

    /**
     * A file's port: its bytes, read whole when opened (a port never parks its Java thread), and
     * its characters their UTF-8, as a Gambit file port gives both. {@code name} is how it prints.
     */
    public static InputPort ofFile(byte[] b, String name) {
        return new InputPort(null, null, b, name);
    }

    public boolean isBinary() {
        return bytes != null;
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Thrown by a read of a closed port; the primitive names the call (gsi: "Device is closed"). */
    public static final class Closed extends RuntimeException {
        static final Closed INSTANCE = new Closed();

        private Closed() {
            super("Device is closed", null, false, false);
        }
    }

    /** The next byte of a bytevector port (0..255), or -1 at its end. */
    public int readByte() {
        int b = peekByte();
        if (b >= 0) pos++;
        return b;
    }

    public int peekByte() {
        if (closed) throw Closed.INSTANCE;
        if (peeked >= 0) { // a peeked character goes back to being bytes
            pos -= utf8Length(peeked);
            peeked = -2;
        }
        return pos < bytes.length ? bytes[pos] & 0xff : -1;
    }

    /** How many bytes a bytevector port has left. */
    public int remainingBytes() {
        peekByte(); // a peeked character back to bytes first
        return bytes.length - pos;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** One UTF-8 sequence of a bytevector port; a malformed one reads as U+FFFD, one byte. */
    private int decoded() {
        if (pos >= bytes.length) return -1;
        int b0 = bytes[pos] & 0xff;
        int n = b0 < 0x80 ? 1 : b0 >= 0xf0 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc0 ? 2 : 0;
        if (n == 0 || pos + n > bytes.length) {
            pos++;
            return b0 < 0x80 ? b0 : 0xFFFD;
        }
        int cp = n == 1 ? b0 : b0 & (0x3f >> (n - 1));
        for (int i = 1; i < n; i++) {
            int b = bytes[pos + i] & 0xff;
            if ((b & 0xc0) != 0x80) {
                pos++;
                return 0xFFFD;
            }
            cp = (cp << 6) | (b & 0x3f);
        }
        pos += n;
        return cp;
    }

    /** A console port over {@code r}, or fed by the host when {@code r} is null ({@link ConsoleInput#fed}). */
    public static InputPort of(Reader r, String name) {
        return new InputPort(r == null ? ConsoleInput.fed() : new ConsoleInput(r), null, null, name);
    }

    /** The console's characters, or null for a string port. */
    public ConsoleInput console() {
        return console;
    }

    /** Thrown by a read of a console port that has no character yet (a read that must wait). */
    public static final class NotReady extends RuntimeException {
        static final NotReady INSTANCE = new NotReady();

        private NotReady() {
            super("no console input yet", null, false, false);
        }
    }

    private int raw() {
        if (closed) throw Closed.INSTANCE;
        if (bytes != null) return decoded();
        if (text != null) {
            if (pos >= text.length()) return -1;
            int c = text.codePointAt(pos);
            pos += Character.charCount(c);
            return c;
        }
        int c = unit();
        if (Character.isHighSurrogate((char) c)) {
            int low = unit();
            if (Character.isLowSurrogate((char) low)) return Character.toCodePoint((char) c, (char) low);
            if (low >= 0) { // a lone half: give the next unit back
                console.unread(String.valueOf((char) low));
                if (taken != null) taken.setLength(taken.length() - 1);
            }
        }
        return c;
    }

    private int unit() {
        int c = console.take();
        if (c == ConsoleInput.NONE) throw NotReady.INSTANCE;
        if (c >= 0 && taken != null) taken.append((char) c);
        return c;
    }

    /** Start a read that may have to be undone ({@link #rollback}); {@link #commit} keeps it. */
    public void mark() {
        taken = new StringBuilder();
        markLine = line;
        markColumn = column;
        markPeeked = peeked;
    }

    /** Undo the reads since {@link #mark}: the console gets its characters back. */
    public void rollback() {
        console.unread(taken);
        line = markLine;
        column = markColumn;
        peeked = markPeeked;
        taken = null;
    }

    /** Keep the reads since {@link #mark} (nothing to do if none is open). */
    public void commit() {
        taken = null;
    }

    /** Next character (a code point), or -1 at end. */
    public int read() {
        if (closed) throw Closed.INSTANCE;
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
        if (closed) throw Closed.INSTANCE;
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

    /** Whether a read would not wait (at the end of input too, as in gsi and R7RS). */
    public boolean charReady() {
        return console == null || peeked != -2 || closed || console.ready();
    }

    public void close() {
        closed = true;
    }
}
