package safepoint.inspector;

/**
 * The time line widget's text, above the key bar while the world is paused: where the world is
 * among the steps since the pause, and a bar with the cursor on it. Made from the control's
 * record, nothing else.
 */
final class TimeLineBar {
    private TimeLineBar() {}

    /** The keys, as the bar names them. */
    static final String KEYS = "[ ] step  { } ten  < > pause / latest";

    /** The words before the bar: {@code ◀ step 37 of 52 ▶}, the arrows shown only where the cursor can move. */
    static String where(Control.TimeLine t) {
        String at = t.step() == 0 ? " (the pause)" : t.step() == t.latest() ? " (latest)" : "";
        return (t.step() > 0 ? "◀" : " ") + " step " + t.step() + " of " + t.latest() + at + " " + (t.step() < t.latest() ? "▶" : " ");
    }

    /** A bar {@code width} wide: the steps done up to the cursor, the cursor, the steps that can be done again after it. */
    static String bar(Control.TimeLine t, int width) {
        if (width < 3) return "";
        int inner = width - 2;
        int at = t.latest() == 0 ? 0 : (int) Math.min(inner - 1, t.step() * (inner - 1) / t.latest());
        return "├" + "━".repeat(at) + "●" + "─".repeat(inner - 1 - at) + "┤";
    }

    /** The whole line, {@code width} wide at most. */
    static String line(Control.TimeLine t, int width) {
        String head = " Time line " + where(t) + " ";
        String tail = "  " + KEYS;
        int barW = width - head.length() - tail.length();
        if (barW < 10) {
            tail = "";
            barW = width - head.length();
        }
        return Text.fit(head + bar(t, Math.max(0, barW)) + tail, width);
    }
}
