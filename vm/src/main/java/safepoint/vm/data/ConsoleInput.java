package safepoint.vm.data;

import java.io.IOException;
import java.io.Reader;

/**
 * The console's characters: what the process's standard input has delivered and nobody has read
 * yet, shared by the console port and the REPL (which reads its lines here, so a program reading
 * the console gets the lines after the expression that asked). A read never parks the caller:
 * {@link #take} answers {@link #NONE} when no character is there yet. While the source is ready
 * the caller reads it directly; the first time it is not, a reader thread (one per console,
 * daemon) takes over the source and fills the buffer as input comes, calling the listener after
 * each piece and at the end, so the VM can wake the green threads that wait for input.
 *
 * <p>Concurrency: every field is guarded by this object's monitor. Lock order: the scheduler's
 * monitor may be held when taking this one (a console read looks here under it), never the other
 * way: the reader thread calls the listener after releasing this monitor.
 *
 * <p>Fed by the host ({@link #fed}): the interactive REPL owns the terminal (JLine), so the
 * console has no source and no reader thread. A read that finds nothing raises {@link #wanted};
 * the REPL then reads a line from the terminal and {@link #feed}s it, and an end typed there
 * (Ctrl-D) ends one read only ({@link #feedEnd}), as on a terminal.
 */
public final class ConsoleInput {
    /** {@link #take}: no character yet, and the input has not ended. */
    public static final int NONE = -3;
    /** Characters read ahead of the readers, at most (then the reader thread waits for room). */
    private static final int AHEAD = 1 << 16;
    private static final int CHUNK = 8192;

    private final Reader source;
    private final StringBuilder buf = new StringBuilder();
    /** Characters of {@link #buf} before this index have been taken. */
    private int head;
    private boolean eof;
    /** A line ended with CR: a LF right after it belongs to that line end (as in BufferedReader). */
    private boolean skipLf;
    /** Started at the first read that finds the source not ready; from then on it alone reads the source. */
    private Thread reader;
    private boolean readerWaitsForRoom;
    private Runnable onInput = () -> { };

    /** Since the last input came, a read found nothing (fed consoles only). */
    private boolean wanted;
    /** Ctrl-D typed for a fed console: the next read that finds nothing gets the end, once. */
    private boolean endOnce;

    public ConsoleInput(Reader source) {
        this.source = source;
    }

    /** A console whose characters the host feeds, for a host that owns the terminal. */
    public static ConsoleInput fed() {
        return new ConsoleInput(null);
    }

    /** Fed consoles: the characters of {@code text} come in (the listener is called after, outside this monitor). */
    public void feed(CharSequence text) {
        Runnable listener;
        synchronized (this) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
            buf.append(text);
            wanted = false;
            notifyAll();
            listener = onInput;
        }
        listener.run();
    }

    /** Fed consoles: the end of input, for the next read that would wait only. */
    public void feedEnd() {
        Runnable listener;
        synchronized (this) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
            endOnce = true;
            wanted = false;
            notifyAll();
            listener = onInput;
        }
        listener.run();
    }

    /**
     * Fed consoles: wait at most {@code millis} (on the host's thread) until a read finds nothing
     * to take; answers whether one has. The REPL asks while an evaluation runs.
     */
    public synchronized boolean awaitWanted(long millis) throws InterruptedException {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
        if (!wanted) wait(millis);
        return wanted;
    }

    /** Called (outside this monitor) by the reader thread each time input or the end arrives. */
    public synchronized void onInput(Runnable listener) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
        onInput = listener;
    }

    /** The next character, -1 at the end of input, or {@link #NONE} when none has come yet. */
    public synchronized int take() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
        if (skipLf) {
            if (!available()) return end();
            skipLf = false;
            if (buf.charAt(head) == '\n') head++;
        }
        if (!available()) return end();
        char c = buf.charAt(head++);
        if (head == buf.length()) {
            buf.setLength(0);
            head = 0;
        }
        if (readerWaitsForRoom) {
            readerWaitsForRoom = false;
            notifyAll();
        }
        return c;
    }

    /** No character to take: the end (-1), once for an end fed, or {@link #NONE} (a fed console is then wanted). */
    private int end() {
        if (endOnce) {
            endOnce = false;
            return -1;
        }
        if (eof) return -1;
        if (source == null && !wanted) {
            wanted = true;
            notifyAll(); // the REPL's awaitWanted
        }
        return NONE;
    }

    /** Fed consoles: forget an earlier want (the REPL starts an evaluation; a read that waits asks again). */
    public synchronized void clearWanted() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
        wanted = false;
    }

    /** Put back {@code taken}, the characters last taken, in order (a read that must wait starts again later). */
    public synchronized void unread(CharSequence taken) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
        if (taken.length() == 0) return;
        buf.delete(0, head);
        buf.insert(0, taken);
        head = 0;
    }

    /** Whether a read would not wait: a character is there, or the input has ended. */
    public synchronized boolean ready() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
        return available() || eof || endOnce;
    }

    /**
     * The REPL's next line (without its end: LF, CR or CR LF), or null at the end of input. This
     * one waits, on the host's thread: the REPL reads between evaluations, when no processor runs.
     */
    public synchronized String readLine() throws IOException {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
        StringBuilder line = new StringBuilder();
        for (;;) {
            int c = take();
            if (c == NONE) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading the console");
                }
                continue;
            }
            if (c < 0) return line.length() == 0 ? null : line.toString();
            if (c == '\n') return line.toString();
            if (c == '\r') {
                skipLf = true;
                return line.toString();
            }
            line.append((char) c);
        }
    }

    /** Whether a character is buffered; reads the source first when it is ready, else starts the reader thread. */
    private boolean available() {
        if (head < buf.length()) return true;
        if (eof) return false;
        if (source == null) return false; // fed: only feed() brings characters
        if (reader == null) {
            try {
                if (source.ready()) {
                    char[] chunk = new char[CHUNK];
                    took(chunk, source.read(chunk));
                    return head < buf.length();
                }
            } catch (IOException e) {
                eof = true;
                return false;
            }
            reader = new Thread(this::pump, "safepoint-console");
            reader.setDaemon(true);
            reader.start();
        }
        return false;
    }

    /** Under the monitor: keep what one read of the source gave ({@code n} characters, or -1 at the end). */
    private void took(char[] chunk, int n) {
        if (n > 0) buf.append(chunk, 0, n);
        else if (n < 0) eof = true;
    }

    /** The reader thread: blocking reads of the source, each handed to the waiters. */
    private void pump() {
        char[] chunk = new char[CHUNK];
        for (;;) {
            int n;
            synchronized (this) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
                while (buf.length() - head >= AHEAD) {
                    readerWaitsForRoom = true;
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            try {
                n = source.read(chunk);
            } catch (IOException e) {
                n = -1;
            }
            Runnable listener;
            synchronized (this) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.CONSOLE, this);
                took(chunk, n);
                notifyAll(); // the REPL's readLine
                listener = onInput;
            }
            listener.run();
            if (n < 0) return;
        }
    }
}
