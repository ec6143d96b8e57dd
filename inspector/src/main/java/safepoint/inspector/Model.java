package safepoint.inspector;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the person chose, independent of any screen: the focused pane, each pane's selected row,
 * scroll offset and filter, the threads' sort, whether help or a backtrace is open. Keys change
 * it ({@link #key}); the renderers read it, and tell it each pane's height ({@link #window}) so
 * that the selection stays visible and Page Up/Down move by a page.
 */
final class Model {
    /**
     * What a key asks for: nothing, a redraw, quitting; or of the machine: pause or resume, a
     * step, a step back, a move along the time line ({@link #travel} says where), visiting the
     * selected thread.
     */
    enum Action { NONE, REDRAW, QUIT, PAUSE, STEP, BACK, TRAVEL, VISIT }

    /** The time line keys' moves: by this many steps, or to the pause ({@link Long#MIN_VALUE}) or the latest step ({@link Long#MAX_VALUE}). */
    private long travel;

    /** The threads pane's sort keys, in the order {@code s} cycles them. */
    enum Sort { NUMBER, NAME, STATE, PROCESSOR }

    private Pane focus = Pane.PROCESSORS;
    private final Map<Pane, Integer> selected = new EnumMap<>(Pane.class);
    private final Map<Pane, Integer> scroll = new EnumMap<>(Pane.class);
    private final Map<Pane, Integer> page = new EnumMap<>(Pane.class);
    private final Map<Pane, String> filter = new EnumMap<>(Pane.class);
    private Sort sort = Sort.NUMBER;
    private boolean reversed;
    private boolean help;
    private int helpScroll;
    private boolean backtrace;
    /** Non-null while the person types a filter: the text so far. */
    private StringBuilder editing;
    /** Each pane's row count at the last frame: a selection on the last row follows new rows (the events' tail). */
    private final Map<Pane, Integer> lastRows = new EnumMap<>(Pane.class);

    Model() {
        selected.put(Pane.EVENTS, Integer.MAX_VALUE); // the tail starts at its newest event
    }

    Pane focus() {
        return focus;
    }

    void focus(Pane p) {
        focus = p;
    }

    Sort sort() {
        return sort;
    }

    boolean reversed() {
        return reversed;
    }

    boolean help() {
        return help;
    }

    int helpScroll() {
        return helpScroll;
    }

    /** Where the last time line key moves: a number of steps, or {@link Long#MIN_VALUE} (the pause) or {@link Long#MAX_VALUE} (the latest). */
    long travel() {
        return travel;
    }

    /** The step the last time line key asks for, from {@code step}. */
    long travelTarget(long step) {
        if (travel == Long.MIN_VALUE) return 0;
        if (travel == Long.MAX_VALUE) return Long.MAX_VALUE;
        return Math.max(0, step + travel);
    }

    boolean backtrace() {
        return backtrace;
    }

    /** The filter of {@code p} ("" for none); while it is typed, the text so far. */
    String filter(Pane p) {
        if (editing != null && p == focus) return editing.toString();
        return filter.getOrDefault(p, "");
    }

    boolean editingFilter() {
        return editing != null;
    }

    int selected(Pane p) {
        return selected.getOrDefault(p, 0);
    }

    /**
     * Fits the selection of {@code p} into {@code rows} rows and its scroll to a window of
     * {@code height} rows that shows the selection; returns the first row to draw.
     */
    int window(Pane p, int rows, int height) {
        page.put(p, Math.max(1, height));
        Integer before = lastRows.put(p, rows);
        if (before != null && selected(p) == before - 1) selected.put(p, Integer.MAX_VALUE);
        int sel = Math.max(0, Math.min(selected(p), rows - 1));
        selected.put(p, sel);
        int top = scroll.getOrDefault(p, 0);
        if (sel < top) top = sel;
        if (height > 0 && sel >= top + height) top = sel - height + 1;
        top = Math.max(0, Math.min(top, Math.max(0, rows - height)));
        scroll.put(p, top);
        return top;
    }

    /** Applies one key. */
    Action key(KeyStroke k) {
        if (editing != null) return editKey(k);
        if (help) return helpKey(k);
        KeyType t = k.getKeyType();
        switch (t) {
            case Tab, ArrowRight -> focus = focus.next(1);
            case ReverseTab, ArrowLeft -> focus = focus.next(-1);
            case ArrowUp -> move(-1);
            case ArrowDown -> move(1);
            case PageUp -> move(-page.getOrDefault(focus, 10));
            case PageDown -> move(page.getOrDefault(focus, 10));
            case Home -> selected.put(focus, 0);
            case End -> selected.put(focus, Integer.MAX_VALUE);
            case Enter -> {
                if (focus == Pane.THREADS) backtrace = !backtrace;
            }
            case Escape -> {
                if (backtrace) backtrace = false;
                else filter.remove(focus);
            }
            case F1 -> help = true;
            case F10, EOF -> {
                return Action.QUIT;
            }
            case Character -> {
                return character(k);
            }
            default -> {
                return Action.NONE;
            }
        }
        return Action.REDRAW;
    }

    private Action character(KeyStroke k) {
        char c = k.getCharacter();
        if (k.isCtrlDown() && c == 'c') return Action.QUIT;
        switch (c) {
            case 'q' -> {
                return Action.QUIT;
            }
            case '?', 'h' -> help = true;
            case '/' -> editing = new StringBuilder(filter.getOrDefault(focus, ""));
            case 's' -> sort = Sort.values()[(sort.ordinal() + 1) % Sort.values().length];
            case 'r' -> reversed = !reversed;
            case 'k' -> move(-1);
            case 'j' -> move(1);
            case ' ' -> {
                return Action.PAUSE;
            }
            case 'n' -> {
                return Action.STEP;
            }
            case 'b' -> {
                return Action.BACK;
            }
            case '[', ']', '{', '}', '<', '>' -> {
                travel = switch (c) {
                    case '[' -> -1;
                    case ']' -> 1;
                    case '{' -> -10;
                    case '}' -> 10;
                    case '<' -> Long.MIN_VALUE;
                    default -> Long.MAX_VALUE;
                };
                return Action.TRAVEL;
            }
            case 'v' -> {
                return focus == Pane.THREADS ? Action.VISIT : Action.NONE;
            }
            default -> {
                if (c >= '1' && c <= '0' + Pane.values().length) focus = Pane.values()[c - '1'];
                else return Action.NONE;
            }
        }
        return Action.REDRAW;
    }

    private Action editKey(KeyStroke k) {
        switch (k.getKeyType()) {
            case Enter -> {
                if (editing.isEmpty()) filter.remove(focus);
                else filter.put(focus, editing.toString());
                editing = null;
            }
            case Escape -> {
                filter.remove(focus);
                editing = null;
            }
            case Backspace -> {
                if (!editing.isEmpty()) editing.setLength(editing.length() - 1);
            }
            case Character -> editing.append(k.getCharacter());
            default -> {
                return Action.NONE;
            }
        }
        selected.put(focus, 0); // a new filter starts at its first match
        return Action.REDRAW;
    }

    private Action helpKey(KeyStroke k) {
        switch (k.getKeyType()) {
            case ArrowUp -> helpScroll = Math.max(0, helpScroll - 1);
            case ArrowDown -> helpScroll++;
            case Escape, F1 -> help = false;
            case Character -> {
                char c = k.getCharacter();
                if (c == '?' || c == 'q' || c == 'h') help = false;
                else return Action.NONE;
            }
            default -> {
                return Action.NONE;
            }
        }
        return Action.REDRAW;
    }

    private void move(int by) {
        long s = (long) selected(focus) + by;
        selected.put(focus, (int) Math.max(0, Math.min(Integer.MAX_VALUE, s)));
    }

    /** Help may scroll past its end; the renderer clamps it. */
    void clampHelp(int max) {
        helpScroll = Math.max(0, Math.min(helpScroll, max));
    }
}
