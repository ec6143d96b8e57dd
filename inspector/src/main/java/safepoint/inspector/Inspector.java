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
    /** The control keys' other side, or null: a view only (attached, or no paused world to drive). */
    private final Control control;
    /** What a control key says when there is no control. */
    static final String VIEW_ONLY = "view only: the control keys need ,inspect or --listen --control";
    /** What the last control key did, shown on the status line until the next one. */
    String said;
    final Model model = new Model();
    final Looks looks = new Looks();
    final EventLog log = new EventLog();
    final Frame frame = new Frame();

    Inspector(Machine vm) {
        this(Feed.of(vm));
    }

    Inspector(Feed feed) {
        this(feed, null);
    }

    Inspector(Feed feed, Control control) {
        this.feed = feed;
        this.control = control;
    }

    /**
     * A control key (pause, step, back): done by the control, which says what happened. Step
     * acts on what is selected: a processor in the Processors pane, a thread in the Threads
     * pane, else the whole world. Visiting is the caller's (it ends the view).
     */
    void control(Model.Action a) {
        if (control == null) {
            said = VIEW_ONLY;
            return;
        }
        MachineView v = looks.now();
        said = switch (a) {
            case PAUSE -> control.pauseOrResume();
            case BACK -> control.back();
            case TRAVEL -> {
                Control.TimeLine t = control.timeLine();
                yield t == null ? "not paused: the time line is the paused world's (Space pauses it)" : control.travel(model.travelTarget(t.step()));
            }
            default -> {
                int p = -1;
                String t = null;
                if (v != null && model.focus() == Pane.PROCESSORS && !v.processors().isEmpty()) {
                    p = v.processors().get(Math.min(model.selected(Pane.PROCESSORS), v.processors().size() - 1)).id();
                } else if (v != null && model.focus() == Pane.THREADS) {
                    t = selectedThread();
                }
                yield control.step(p, t);
            }
        };
    }

    /** The name of the thread under the cursor in the Threads pane, or null. */
    String selectedThread() {
        MachineView v = looks.now();
        if (v == null) return null;
        java.util.List<safepoint.vm.observe.ThreadView> list = ThreadsPane.list(new Index(v), model);
        if (list.isEmpty()) return null;
        return list.get(Math.min(model.selected(Pane.THREADS), list.size() - 1)).thread().name();
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
        frame.draw(screen.newTextGraphics(), looks, log, model, said, control == null ? null : control.timeLine());
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
        run(feed, terminal, null);
    }

    /**
     * As {@link #run(Feed, Terminal)}, with control keys: space pauses or resumes, {@code n}
     * steps, {@code b} steps back, {@code [ ] { } < >} move along the time line while paused,
     * {@code v} on a thread ends the view asking to visit it.
     * Returns the name of the thread to visit, or null when the view just ended.
     */
    public static String run(Feed feed, Terminal terminal, Control control) throws IOException {
        Inspector in = new Inspector(feed, control);
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
        try {
            long next = 0;
            for (;;) {
                boolean dirty = false;
                for (KeyStroke k; (k = screen.pollInput()) != null;) {
                    Model.Action a = in.model.key(k);
                    if (a == Model.Action.QUIT) return null;
                    if (a == Model.Action.VISIT) {
                        String t = in.selectedThread();
                        if (t != null && control != null && control.visits()) return t;
                        in.said = control == null || !control.visits() ? "visiting a thread needs the REPL's own ,inspect" : "no thread selected";
                        dirty = true;
                    } else if (a == Model.Action.PAUSE || a == Model.Action.STEP || a == Model.Action.BACK || a == Model.Action.TRAVEL) {
                        in.control(a);
                        in.refresh(); // the step's result at once, not at the next frame
                        dirty = true;
                    }
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
                    return null;
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
        fullScreen(feed, null);
    }

    /** As {@link #fullScreen(Feed)}, with the control keys reaching {@code control} (null: a view only). */
    public static void fullScreen(Feed feed, Control control) throws IOException {
        try (Terminal t = new DefaultTerminalFactory().setForceTextTerminal(true).createTerminal()) {
            run(feed, t, control);
        }
    }
}
