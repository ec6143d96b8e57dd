package safepoint.repl;

import java.io.PrintWriter;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import safepoint.inspector.Embedded;
import safepoint.inspector.Feed;
import safepoint.vm.Machine;

/**
 * {@code --inspector}: the inspector's panes in the terminal's top rows and the REPL below them,
 * both at once. The bottom rows are a scroll region (DECSTBM), so the prompt, the output above it
 * and JLine's redraws (all cursor-relative) stay there; five times a second a daemon thread draws
 * the panes' changed rows ({@link Embedded#frame}: saved cursor, rows, restored cursor) in one
 * write to the terminal's writer, which JLine's own writes also take one at a time. Why not one
 * Lanterna screen for both: JLine owns the line and its editing, and a scroll region lets it keep
 * all of it unchanged.
 *
 * <p>Concurrency: the drawing thread is the only one that writes the top rows; {@link #suspend}
 * (before {@code ,inspect} takes the whole screen) waits for its frame in progress to end.
 */
final class SplitScreen implements AutoCloseable {
    private final Terminal terminal;
    private final Embedded panes;
    private final Object drawing = new Object();
    private volatile boolean on = true;
    private volatile boolean closed;
    private Size size;
    private final Thread painter;

    /** Rows the REPL keeps at the bottom, at least. */
    static final int REPL_ROWS = 8;

    SplitScreen(Terminal terminal, Machine vm) {
        this.terminal = terminal;
        this.panes = new Embedded(Feed.of(vm));
        layout();
        painter = new Thread(this::paint, "safepoint-split-screen");
        painter.setDaemon(true);
        painter.start();
    }

    /** Rows for the panes on a terminal of {@code rows}: about two thirds, leaving the REPL at least {@link #REPL_ROWS}. */
    static int paneRows(int rows) {
        if (rows < REPL_ROWS + 6) return 0; // too small to share: the REPL alone
        return Math.max(6, Math.min(rows - REPL_ROWS, rows * 2 / 3));
    }

    /** Set the scroll region below the panes and put the cursor on its last row. */
    private void layout() {
        size = terminal.getSize();
        int rows = size.getRows();
        int top = paneRows(rows);
        PrintWriter w = terminal.writer();
        w.write("\033[" + (top + 1) + ";" + rows + "r\033[" + rows + ";1H");
        w.flush();
        panes.invalidate();
    }

    private void paint() {
        while (!closed) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (drawing) {
                if (!on || closed) continue;
                if (!terminal.getSize().equals(size)) layout();
                int top = paneRows(size.getRows());
                if (top == 0) continue;
                String frame = panes.frame(size.getColumns(), top);
                if (frame.isEmpty()) continue;
                PrintWriter w = terminal.writer();
                w.write(frame);
                w.flush();
            }
        }
    }

    /** Stop drawing (the full-screen inspector takes the terminal), after the frame in progress. */
    void suspend() {
        synchronized (drawing) {
            on = false;
        }
    }

    /** Draw again, everything, with the region set anew (the full-screen view changed the screen). */
    void resume() {
        synchronized (drawing) {
            terminal.writer().write("\033[2J");
            layout();
            on = true;
        }
    }

    @Override
    public void close() {
        synchronized (drawing) {
            closed = true;
            PrintWriter w = terminal.writer();
            w.write("\033[r\033[" + terminal.getSize().getRows() + ";1H"); // the whole screen scrolls again
            w.flush();
        }
        painter.interrupt();
    }
}
