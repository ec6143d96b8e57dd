package safepoint.repl;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * The inspector's Lanterna terminal on the REPL's JLine terminal, for {@code ,inspect}: the keys
 * come through JLine's reader (its input stream answers {@code available()} with 0, so Lanterna,
 * which reads only what is ready, would never see one), and the size is JLine's, followed on
 * SIGWINCH, instead of Lanterna asking the tty itself. Made for one inspector session:
 * {@link #release} puts JLine's own resize handler back.
 */
final class InspectorTerminal extends ANSITerminal {
    private final Terminal host;
    private final Terminal.SignalHandler previousWinch;

    private InspectorTerminal(Terminal host, InputStream keys) {
        super(keys, host.output(), StandardCharsets.UTF_8);
        this.host = host;
        this.previousWinch = host.handle(Terminal.Signal.WINCH, s -> {
            Size z = host.getSize();
            onResized(z.getColumns(), z.getRows());
        });
    }

    static InspectorTerminal on(Terminal host) {
        return new InspectorTerminal(host, new Keys(host.reader()));
    }

    @Override
    protected TerminalSize findTerminalSize() {
        Size z = host.getSize();
        return new TerminalSize(Math.max(1, z.getColumns()), Math.max(1, z.getRows()));
    }

    /** The session is over: JLine's resize handler again (the streams stay open, they are the REPL's). */
    void release() {
        host.handle(Terminal.Signal.WINCH, previousWinch);
    }

    /** JLine's reader as bytes (UTF-8), ready when JLine has a character within a millisecond. */
    private static final class Keys extends InputStream {
        private final NonBlockingReader reader;
        private byte[] pending = new byte[0];
        private int next;

        Keys(NonBlockingReader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            if (next < pending.length) return pending[next++] & 0xff;
            int c = reader.read();
            if (c < 0) return -1;
            String ch = String.valueOf((char) c);
            if (Character.isHighSurrogate((char) c)) {
                int low = reader.read();
                if (low >= 0) ch += (char) low;
            }
            pending = ch.getBytes(StandardCharsets.UTF_8);
            next = 1;
            return pending[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            int n = 0;
            do {
                int c = read();
                if (c < 0) return n == 0 ? -1 : n;
                b[off + n++] = (byte) c;
            } while (n < len && available() > 0);
            return n;
        }

        @Override
        public int available() throws IOException {
            if (next < pending.length) return pending.length - next;
            return reader.peek(1) >= 0 ? 1 : 0;
        }
    }
}
