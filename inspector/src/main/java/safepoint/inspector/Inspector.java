package safepoint.inspector;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import safepoint.vm.Machine;
import safepoint.vm.observe.MachineView;

/**
 * The live inspector: one client of the Observatory. It reads only {@link Machine#look()} and
 * {@link Machine#events}, ten times a second, and draws the panes (Frame) as the model (Model)
 * says; {@code q} ends the view and leaves the machine running.
 */
public final class Inspector {
    /** How often a fresh look is taken and drawn. */
    static final long FRAME_NANOS = 100_000_000L;

    private final Feed feed;
    final Model model = new Model();
    final Looks looks = new Looks();
    final EventLog log = new EventLog();
    final Frame frame = new Frame();

    Inspector(Machine vm) {
        this(Feed.of(vm));
    }

    Inspector(Feed feed) {
        this.feed = feed;
    }

    /** Takes a fresh look and the new events (a remote feed may have no new look yet: then the last one stays). */
    void refresh() {
        MachineView v = feed.look();
        if (v != null && v != looks.now()) looks.add(v);
        looks.notice = feed.notice();
        log.take(feed);
    }

    /** Draws the current state onto {@code screen}'s back buffer and shows it (only the changes reach the terminal). */
    void draw(Screen screen) throws IOException {
        boolean resized = screen.doResizeIfNecessary() != null;
        frame.draw(screen.newTextGraphics(), looks, log, model);
        screen.refresh(resized ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    /**
     * Shows the inspector on {@code terminal} until {@code q}: a fresh look and a redraw every
     * 100 ms, keys handled as they come. The terminal is left open for its owner.
     */
    public static void run(Machine vm, Terminal terminal) throws IOException {
        run(Feed.of(vm), terminal);
    }

    /** As {@link #run(Machine, Terminal)}, reading any feed (a machine attached over a socket, say). */
    public static void run(Feed feed, Terminal terminal) throws IOException {
        Inspector in = new Inspector(feed);
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
        try {
            long next = 0;
            for (;;) {
                boolean dirty = false;
                for (KeyStroke k; (k = screen.pollInput()) != null;) {
                    Model.Action a = in.model.key(k);
                    if (a == Model.Action.QUIT) return;
                    dirty |= a == Model.Action.REDRAW;
                }
                long now = System.nanoTime();
                if (now >= next) {
                    in.refresh();
                    next = now + FRAME_NANOS;
                    dirty = true;
                }
                if (dirty) in.draw(screen);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            screen.stopScreen();
        }
    }

    /** Full screen on the process's own terminal (never Lanterna's Swing emulator); returns on {@code q}. */
    public static void fullScreen(Machine vm) throws IOException {
        fullScreen(Feed.of(vm));
    }

    /** Full screen on the process's own terminal, reading {@code feed}; returns on {@code q}. */
    public static void fullScreen(Feed feed) throws IOException {
        try (Terminal t = new DefaultTerminalFactory().setForceTextTerminal(true).createTerminal()) {
            run(feed, t);
        }
    }
}
