package safepoint.inspector.attach;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads UTF-8 lines ending in {@code \n} from a stream, refusing any longer than a cap before it is all read. */
final class Lines {
    /** A line longer than the cap: the reader stops there (the rest is never buffered). */
    static final class TooLong extends IOException {
        TooLong(int cap) {
            super("a line longer than " + cap + " bytes", null);
        }
    }

    private final InputStream in;
    private final int cap;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Lines(InputStream in, int cap) {
        this.in = in;
        this.cap = cap;
    }

    /** The next line without its end ({@code \r\n} too), or null at the end of the stream. */
    String next() throws IOException {
        line.reset();
        for (;;) {
            int b = in.read();
            if (b < 0) return line.size() == 0 ? null : text();
            if (b == '\n') return text();
            if (line.size() >= cap) throw new TooLong(cap);
            line.write(b);
        }
    }

    private String text() {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
