package safepoint.inspector;

/**
 * A pane's content as a list: a header and rows made on demand, so that a pane of 100,000
 * threads formats only the rows on the screen ({@link #size} is cheap, {@link #row} is not).
 */
interface Rows {
    String header();

    int size();

    /** Row {@code i}, at most {@code width} characters wanted. */
    String row(int i, int width);

    static Rows of(String header, java.util.List<String> lines) {
        return new Rows() {
            public String header() {
                return header;
            }

            public int size() {
                return lines.size();
            }

            public String row(int i, int width) {
                return lines.get(i);
            }
        };
    }
}
