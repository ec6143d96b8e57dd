package safepoint.vm.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A character output port: the console (a Java Writer), or a string port that collects. The
 * column is tracked for {@code fresh-line} style needs and for the REPL's prompt placement.
 * A bytevector port ({@code open-output-bytevector}) collects bytes: {@link #writeByte}, and
 * the UTF-8 of any text written to it, as Gambit's u8vector ports take both. A file's port
 * ({@link #file}) collects bytes the same way and writes them to its file when flushed, when
 * {@value #FILE_BUFFER} bytes have gathered, and when closed (which closes the file).
 */
public final class OutputPort extends Port {
    private final Writer sink;        // null for a string port
    private final StringBuilder text;  // non-null for a string port
    private final java.io.ByteArrayOutputStream bytes; // non-null for a bytevector or file port
    private final java.io.OutputStream file; // non-null for a file port
    static final int FILE_BUFFER = 8192;
    private int column;
    private boolean closed;

    private OutputPort(Writer sink, StringBuilder text, java.io.ByteArrayOutputStream bytes, java.io.OutputStream file, String name) {
        super(name);
        this.sink = sink;
        this.text = text;
        this.bytes = bytes;
        this.file = file;
    }

    @Override
    public String kind() {
        return "output-port";
    }

    public static OutputPort of(Writer sink, String name) {
        return new OutputPort(sink, null, null, null, name);
    }

    public static OutputPort string() {
        return new OutputPort(null, new StringBuilder(), null, null, "string");
    }

    public static OutputPort bytevector() {
        return new OutputPort(null, null, new java.io.ByteArrayOutputStream(), null, "(u8vector)");
    }

    /** A file's port, over the opened file: bytes and text alike, as a Gambit file port. */
    public static OutputPort file(java.io.OutputStream out, String name) {
        return new OutputPort(null, null, new java.io.ByteArrayOutputStream(), out, name);
    }

    /** A file's port, which has no bytes to give as {@code get-output-bytevector}'s. */
    public boolean isFile() {
        return file != null;
    }

    public boolean isBinary() {
        return bytes != null;
    }

    public boolean isOpen() {
        return !closed;
    }

    public synchronized void writeByte(int b) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.PORT, this);
        if (closed) throw Condition.raise("Port is closed", this);
        bytes.write(b);
        if (file != null && bytes.size() >= FILE_BUFFER) flush();
    }

    /** {@code get-output-bytevector}: the bytes so far, and start afresh, as gsi's get-output-u8vector. */
    public synchronized byte[] takeBytes() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.PORT, this);
        byte[] b = bytes.toByteArray();
        bytes.reset();
        return b;
    }

    public boolean isStringPort() {
        return text != null;
    }

    /**
     * Flush at each end of line: the console while threads run behind the prompt, so what they
     * print shows as they print it rather than when the user next types.
     */
    public volatile boolean flushLines;

    public synchronized void write(CharSequence s) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.PORT, this);
        if (closed) throw Condition.raise("Port is closed", this);
        int n = s.length();
        if (n == 0) return;
        int nl = -1;
        for (int i = n - 1; i >= 0; i--) if (s.charAt(i) == '\n') { nl = i; break; }
        column = nl < 0 ? column + n : n - nl - 1;
        if (text != null) {
            text.append(s);
        } else if (bytes != null) {
            bytes.writeBytes(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (file != null && bytes.size() >= FILE_BUFFER) flush();
        } else {
            try {
                sink.append(s);
                if (flushLines && nl >= 0) sink.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void write(int codePoint) {
        write(new String(Character.toChars(codePoint)));
    }

    public int column() {
        return column;
    }

    public synchronized void flush() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.PORT, this);
        try {
            if (file != null) { // a file that fails to take its bytes is a Scheme error, as in gsi
                try {
                    bytes.writeTo(file);
                    bytes.reset();
                    file.flush();
                } catch (IOException e) {
                    throw Condition.raise("Input/output error", this);
                }
            }
            if (sink == null) return;
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The collected text of a string port. */
    public String contents() {
        return text == null ? "" : text.toString();
    }

    /** {@code get-output-string}: the text collected so far, and start afresh, as gsi does. */
    public String takeContents() {
        if (text == null) return "";
        String s = text.toString();
        text.setLength(0);
        return s;
    }

    /** {@code get-output-string} that also resets, as Gambit's does not: R7RS keeps it. */
    public void close() {
        if (closed) return;
        flush();
        closed = true;
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw Condition.raise("Input/output error", this);
            }
        }
    }
}
