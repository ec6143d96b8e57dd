package safepoint.repl;

import java.io.IOException;
import java.io.Writer;
import org.jline.reader.LineReader;

/**
 * The terminal's output while the line editor may be reading: text written while nobody types
 * goes straight through; while the editor reads (the machine runs on in the background), each
 * complete line goes above the line being typed ({@link LineReader#printAbove}), so a background
 * thread's output never garbles the input. A line still open when reading ends is written then.
 *
 * <p>Locking rule: this object's monitor guards {@code reading} and the pending line; writers are
 * the VM's processors and the REPL's thread. printAbove is called under it (JLine takes its own
 * lock inside, and never calls back here).
 */
final class AboveThePrompt extends Writer {
    private final Writer terminal;
    private LineReader reading;
    private final StringBuilder pending = new StringBuilder();

    AboveThePrompt(Writer terminal) {
        this.terminal = terminal;
    }

    /** The editor starts reading a line: complete lines written from now on go above it. */
    synchronized void reading(LineReader reader) throws IOException {
        terminal.flush();
        reading = reader;
    }

    /** The editor has its line: output goes straight to the terminal again, starting with what was still open. */
    synchronized void done() throws IOException {
        reading = null;
        if (pending.length() > 0) {
            terminal.write(pending.toString());
            pending.setLength(0);
        }
        terminal.flush();
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws IOException {
        if (reading == null) {
            terminal.write(buf, off, len);
            return;
        }
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '\n') {
                reading.printAbove(pending.toString());
                pending.setLength(0);
            } else {
                pending.append(c);
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (reading == null) terminal.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        done();
    }
}
