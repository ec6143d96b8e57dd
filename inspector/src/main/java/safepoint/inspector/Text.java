package safepoint.inspector;

/** Small text helpers for the panes' fixed-width columns. */
final class Text {
    private Text() {}

    /** {@code s} cut or padded to exactly {@code w} characters (a cut ends with '~'). */
    static String fit(String s, int w) {
        if (w <= 0) return "";
        if (s == null) s = "";
        if (s.length() > w) return w == 1 ? "~" : s.substring(0, w - 1) + "~";
        return s + " ".repeat(w - s.length());
    }

    /** {@code s} right-aligned in {@code w} characters. */
    static String right(String s, int w) {
        if (s.length() >= w) return fit(s, w);
        return " ".repeat(w - s.length()) + s;
    }

    /** A duration for a person: 850ns, 12us, 3.4ms, 2.1s. */
    static String nanos(long ns) {
        if (ns < 0) return "-";
        if (ns < 1_000) return ns + "ns";
        if (ns < 1_000_000) return ns / 1_000 + "us";
        if (ns < 1_000_000_000) return String.format("%.1fms", ns / 1e6);
        return String.format("%.1fs", ns / 1e9);
    }

    /** A count, compact past 100,000 (123k, 4.5M). */
    static String count(long n) {
        if (n < 100_000) return Long.toString(n);
        if (n < 10_000_000) return n / 1_000 + "k";
        return String.format("%.1fM", n / 1e6);
    }
}
