package safepoint.inspector;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ThreadView;

/**
 * Draws one frame onto a {@link TextGraphics} of any size: a status line, the panes, the key bar.
 * Below 140x40 the focused pane takes the screen under a tab bar (readable at 80x24); larger,
 * every pane is shown at once in two columns. It keeps nothing between frames but what it tells
 * the model (each pane's height) and, for tests, how many rows each pane formatted.
 */
final class Frame {
    /** A pane's place on the screen. */
    record Box(Pane pane, int x, int y, int w, int h) {}

    /** Rows each pane formatted in the last frame (the threads pane formats only those it shows). */
    final Map<Pane, Integer> formatted = new EnumMap<>(Pane.class);

    static boolean large(TerminalSize s) {
        return s.getColumns() >= 140 && s.getRows() >= 40;
    }

    void draw(TextGraphics g, Looks looks, EventLog log, Model m) {
        draw(g, looks, log, m, null);
    }

    void draw(TextGraphics g, Looks looks, EventLog log, Model m, String said) {
        draw(g, looks, log, m, said, null);
    }

    /**
     * {@code said}: what the last control key did (shown on the status line instead of the feed's
     * notice), or null; {@code time}: the paused world's time line, drawn above the key bar, or null.
     */
    void draw(TextGraphics g, Looks looks, EventLog log, Model m, String said, Control.TimeLine time) {
        TerminalSize size = g.getSize();
        int w = size.getColumns(), h = size.getRows();
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.fill(' ');
        formatted.clear();
        MachineView v = looks.now();
        if (v == null) {
            g.putString(0, 0, Text.fit("Safepoint inspector: waiting for the first look...", w));
            keyBar(g, m, w, h - 1);
            return;
        }
        Index ix = new Index(v);
        status(g, v, said != null ? said : looks.notice, w);
        if (time != null) {
            h--; // the time line takes the row above the key bar
            g.setForegroundColor(TextColor.ANSI.MAGENTA_BRIGHT);
            g.putString(0, h - 1, TimeLineBar.line(time, w), SGR.BOLD);
            g.setForegroundColor(TextColor.ANSI.DEFAULT);
        }
        List<Box> boxes = new ArrayList<>();
        if (large(size)) {
            int left = w / 2, right = w - left - 1, top = 1, avail = h - 2;
            int procs = Math.min(v.processors().size() + 2, avail / 4);
            boxes.add(new Box(Pane.PROCESSORS, 0, top, left, procs));
            boxes.add(new Box(Pane.THREADS, 0, top + procs, left, avail - procs));
            int barrier = Math.min(10, avail / 5), part = (avail - barrier) / 4;
            int y = top;
            boxes.add(new Box(Pane.BARRIER, left + 1, y, right, barrier));
            boxes.add(new Box(Pane.LOCKS, left + 1, y += barrier, right, part));
            boxes.add(new Box(Pane.TABLES, left + 1, y += part, right, part));
            boxes.add(new Box(Pane.PROBLEMS, left + 1, y += part, right, part));
            boxes.add(new Box(Pane.EVENTS, left + 1, y += part, right, top + avail - y));
            g.setForegroundColor(TextColor.ANSI.BLUE);
            for (int r = top; r < top + avail; r++) g.setCharacter(left, r, '│');
            g.setForegroundColor(TextColor.ANSI.DEFAULT);
        } else {
            tabs(g, m, w);
            boxes.add(new Box(m.focus(), 0, 2, w, h - 3));
        }
        for (Box b : boxes) pane(g, b, looks, log, m, ix);
        if (m.help()) help(g, m, w, h);
        keyBar(g, m, w, size.getRows() - 1);
    }

    private void status(TextGraphics g, MachineView v, String notice, int w) {
        long running = 0, waiting = 0;
        for (ThreadView t : v.threads()) {
            if (t.state() == ThreadView.State.RUNNING) running++;
            else if (t.state() == ThreadView.State.WAITING || t.state() == ThreadView.State.SLEEPING) waiting++;
        }
        String s = " Safepoint inspector  " + v.mode() + "  processors " + v.processors().size() + "  threads " + Text.count(v.threads().size())
                + " (" + running + " run, " + Text.count(waiting) + " wait)  GC " + v.heap().collections() + (v.barrier().pending() ? " PENDING" : "")
                + (v.mode() == MachineView.Mode.CONTROLLED ? "  clock " + Text.nanos(v.clockNanos()) : "");
        // The notice answers the key just pressed, so it is kept whole and the counts give way to it.
        String said = notice == null ? "" : "  [" + notice + "]";
        String line = said.length() >= w ? Text.fit(said.strip(), w) : Text.fit(s, Math.min(s.length(), w - said.length())) + said;
        g.setBackgroundColor(TextColor.ANSI.BLUE);
        g.setForegroundColor(TextColor.ANSI.WHITE_BRIGHT);
        g.putString(0, 0, Text.fit(line, w));
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }

    private static void tabs(TextGraphics g, Model m, int w) {
        int x = 0;
        for (Pane p : Pane.values()) {
            String t = " " + (p.ordinal() + 1) + " " + p.tab + " ";
            if (x + t.length() > w) break;
            if (p == m.focus()) g.putString(x, 1, t, SGR.REVERSE);
            else g.putString(x, 1, t);
            x += t.length();
        }
    }

    private void pane(TextGraphics g, Box b, Looks looks, EventLog log, Model m, Index ix) {
        if (b.h() < 2) return;
        boolean focused = b.pane() == m.focus();
        Rows rows;
        List<ThreadView> threads = null;
        int[] count = {0};
        switch (b.pane()) {
            case PROCESSORS -> rows = ProcessorsPane.rows(looks, ix, b.w());
            case THREADS -> rows = ThreadsPane.rows(threads = ThreadsPane.list(ix, m), ix, b.w(), count);
            case LOCKS -> rows = LocksPane.rows(ix, b.w());
            case BARRIER -> rows = BarrierPane.rows(log, ix, looks.lastLive());
            case TABLES -> rows = TablesPane.rows(ix);
            case EVENTS -> rows = EventsPane.rows(log, m);
            case PROBLEMS -> rows = ProblemsPane.rows(looks, log);
            default -> throw new IllegalStateException();
        }
        String f = m.filter(b.pane());
        if (!f.isEmpty() && b.pane() != Pane.THREADS && b.pane() != Pane.EVENTS) rows = filtered(rows, f, b.w());
        // Under the list: the selected thread's backtrace, or the tables' rehash log.
        List<String> below = List.of();
        int listH = b.h() - 1;
        if (b.pane() == Pane.THREADS && m.backtrace() && focused && !threads.isEmpty()) {
            int sel = Math.min(m.selected(Pane.THREADS), threads.size() - 1);
            below = ThreadsPane.detail(threads.get(Math.max(0, sel)));
        } else if (b.pane() == Pane.TABLES) {
            below = new ArrayList<>();
            below.add("rehash / resize log (newest last)");
            below.addAll(TablesPane.log(log, Math.max(1, (b.h() - 1) / 2 - 1)));
        }
        int belowH = below.isEmpty() ? 0 : Math.min(below.size() + 1, Math.max(2, (b.h() - 1) / 2));
        listH -= belowH;
        int body = Math.max(0, listH - (rows.header().isEmpty() ? 0 : 1));
        int first = m.window(b.pane(), rows.size(), body);
        String title = "─ " + b.pane().title + " " + (b.pane() == Pane.BARRIER ? "" : rows.size() > body ? "(" + (first + 1) + "-" + Math.min(rows.size(), first + body) + " of "
                + rows.size() + ") " : "(" + rows.size() + ") ");
        if (!f.isEmpty() || m.editingFilter() && focused) title += "filter: " + f + (m.editingFilter() && focused ? "_" : "") + " ";
        if (b.pane() == Pane.THREADS) title += "sort: " + m.sort().name().toLowerCase() + (m.reversed() ? " (reversed) " : " ");
        g.setForegroundColor(focused ? TextColor.ANSI.YELLOW_BRIGHT : TextColor.ANSI.BLUE);
        g.putString(b.x(), b.y(), (title + "─".repeat(Math.max(0, b.w()))).substring(0, b.w()), focused ? SGR.BOLD : SGR.ITALIC);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        int y = b.y() + 1;
        if (!rows.header().isEmpty() && listH > 0) {
            g.putString(b.x(), y++, Text.fit(rows.header(), b.w()), SGR.BOLD);
        }
        int drawn = 0;
        for (int i = first; i < rows.size() && drawn < body; i++, drawn++, y++) {
            String line = Text.fit(rows.row(i, b.w()), b.w());
            if (focused && i == m.selected(b.pane())) g.putString(b.x(), y, line, SGR.REVERSE);
            else g.putString(b.x(), y, line);
        }
        formatted.put(b.pane(), b.pane() == Pane.THREADS ? count[0] : drawn);
        if (belowH > 0) {
            int by = b.y() + 1 + listH;
            g.setForegroundColor(TextColor.ANSI.CYAN);
            g.putString(b.x(), by, Text.fit("┄".repeat(b.w()), b.w()));
            g.setForegroundColor(TextColor.ANSI.DEFAULT);
            for (int i = 0; i < below.size() && i < belowH - 1; i++) g.putString(b.x(), by + 1 + i, Text.fit(below.get(i), b.w()));
        }
    }

    private static Rows filtered(Rows rows, String f, int w) {
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String r = rows.row(i, w);
            if (r.toLowerCase().contains(f.toLowerCase())) keep.add(r);
        }
        return Rows.of(rows.header(), keep);
    }

    /** {@code ?}: what every column of every pane means, and the keys. */
    static List<String> helpLines(int width) {
        List<String> out = new ArrayList<>();
        for (Pane p : Pane.values()) {
            out.add((p.ordinal() + 1) + " " + p.title);
            for (String l : p.help) out.addAll(wrap("  " + l, width));
        }
        out.add("Keys");
        out.addAll(wrap("  Tab / Shift-Tab / Left / Right or 1-7: focus a pane; Up / Down, j / k, PgUp / PgDn, Home / End: select;"
                + " / filter (Enter keeps it, Esc clears it); s sort, r reverse; Enter: backtrace of the selected thread;"
                + " ? help; q quit (the machine goes on)", width));
        out.addAll(wrap("  Space: pause the world (every processor stops at its next scheduling point) or resume it;"
                + " n: step one scheduling point of the world, or of the selected processor (Processors pane) or thread"
                + " (Threads pane); b: step back one point (the run is replayed from the pause); v: leave the view with the"
                + " REPL visiting the selected thread (its frames, ,b and ,e), as ,(v T) does", width));
        out.addAll(wrap("  The time line (while paused, the line above the key bar): [ and ] one step back or forward, { and } ten,"
                + " < the pause, > the latest step; the panes show the world as it was at that step (the run is replayed from the"
                + " pause, output muted). Forward again redoes the moves made after it, until a different move (n, b or an"
                + " evaluation) starts a new time line from there", width));
        return out;
    }

    private static List<String> wrap(String s, int w) {
        List<String> out = new ArrayList<>();
        while (s.length() > w && w > 10) {
            int cut = s.lastIndexOf(' ', w);
            if (cut <= 4) cut = w;
            out.add(s.substring(0, cut));
            s = "    " + s.substring(cut).trim();
        }
        out.add(s);
        return out;
    }

    private static void help(TextGraphics g, Model m, int w, int h) {
        int bw = Math.max(20, w - 4), bh = Math.max(4, h - 4), x = (w - bw) / 2, y = 2;
        List<String> lines = helpLines(bw - 2);
        m.clampHelp(Math.max(0, lines.size() - (bh - 2)));
        g.setBackgroundColor(TextColor.ANSI.BLACK);
        g.setForegroundColor(TextColor.ANSI.WHITE_BRIGHT);
        g.putString(x, y, ("─ Help: what the columns mean (Up/Down scroll, ? or Esc closes) " + "─".repeat(bw)).substring(0, bw), SGR.BOLD);
        for (int i = 0; i < bh - 1; i++) {
            int k = m.helpScroll() + i;
            g.putString(x, y + 1 + i, " " + Text.fit(k < lines.size() ? lines.get(k) : "", bw - 1));
        }
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }

    /** htop's bottom bar: each key in reverse, then what it does. */
    private static void keyBar(TextGraphics g, Model m, int w, int y) {
        String[][] keys = m.editingFilter()
                ? new String[][] {{"Enter", "Keep filter"}, {"Esc", "Clear"}, {"Bksp", "Delete"}, {"", "type to filter " + m.focus().title}}
                : new String[][] {{"?", "Help"}, {"q", "Quit"}, {"Tab", "Pane"}, {"↑↓", "Select"}, {"/", "Filter"},
                        {"Space", "Pause"}, {"n", "Step"}, {"b", "Back"}, {"[]", "Time"}, {"v", "Visit"}, {"s", "Sort"}, {"Enter", "Backtrace"},
                        {"Esc", "Clear"}, {"r", "Reverse"}};
        g.putString(0, y, " ".repeat(w));
        int x = 0;
        for (String[] k : keys) {
            if (x + k[0].length() + k[1].length() + 3 > w) break;
            if (!k[0].isEmpty()) {
                g.setBackgroundColor(TextColor.ANSI.CYAN);
                g.setForegroundColor(TextColor.ANSI.BLACK);
                g.putString(x, y, k[0] + " ");
                x += k[0].length() + 1;
            }
            g.setBackgroundColor(TextColor.ANSI.DEFAULT);
            g.setForegroundColor(TextColor.ANSI.DEFAULT);
            g.putString(x, y, k[1] + " ");
            x += k[1].length() + 1;
        }
    }
}
