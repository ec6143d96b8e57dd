package safepoint.inspector;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.BasicTextImage;
import java.util.Arrays;

/**
 * The inspector's panes drawn into the top rows of a terminal that another program owns (the
 * REPL's {@code --inspector}: the prompt scrolls in the rows below). Lanterna draws each frame
 * into an image in memory; {@link #frame} turns the rows that changed since the last frame into
 * one string of ANSI output that saves the cursor, writes those rows and puts the cursor back,
 * so the owner writes it to its terminal in one call between its own.
 */
public final class Embedded {
    private final Inspector inspector;
    private String[] last = new String[0];
    private int lastColumns = -1;

    public Embedded(Feed feed) {
        this.inspector = new Inspector(feed);
    }

    /** Forget what is on the screen: the next frame writes every row (after a resize or a full-screen view). */
    public void invalidate() {
        last = new String[0];
    }

    /**
     * A fresh look drawn as {@code rows} rows of {@code columns}: the ANSI output that writes the
     * rows that changed (empty when none did).
     */
    public String frame(int columns, int rows) {
        inspector.refresh();
        BasicTextImage image = new BasicTextImage(new TerminalSize(columns, rows));
        inspector.frame.draw(image.newTextGraphics(), inspector.looks, inspector.log, inspector.model);
        if (columns != lastColumns || last.length != rows) {
            last = new String[rows];
            lastColumns = columns;
        }
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < rows; y++) {
            String row = row(image, columns, y);
            if (row.equals(last[y])) continue;
            last[y] = row;
            out.append("\033[").append(y + 1).append(";1H").append(row).append("\033[0m");
        }
        if (out.length() == 0) return "";
        return "\0337" + out + "\0338"; // DECSC / DECRC: the owner's cursor and colours come back
    }

    /** One row of the image as text with SGR colour changes. */
    private static String row(BasicTextImage image, int columns, int y) {
        StringBuilder sb = new StringBuilder();
        String style = "";
        for (int x = 0; x < columns; x++) {
            TextCharacter c = image.getCharacterAt(x, y);
            if (c == null) c = TextCharacter.fromCharacter(' ')[0];
            String s = sgr(c);
            if (!s.equals(style)) {
                sb.append("\033[0").append(s).append('m');
                style = s;
            }
            String ch = c.getCharacterString();
            sb.append(ch);
            if (c.isDoubleWidth()) x++;
        }
        return sb.toString();
    }

    private static String sgr(TextCharacter c) {
        StringBuilder s = new StringBuilder();
        if (!(c.getForegroundColor() instanceof TextColor.ANSI a) || a != TextColor.ANSI.DEFAULT) {
            s.append(';').append(new String(c.getForegroundColor().getForegroundSGRSequence()));
        }
        if (!(c.getBackgroundColor() instanceof TextColor.ANSI b) || b != TextColor.ANSI.DEFAULT) {
            s.append(';').append(new String(c.getBackgroundColor().getBackgroundSGRSequence()));
        }
        if (c.getModifiers().contains(SGR.BOLD)) s.append(";1");
        if (c.getModifiers().contains(SGR.REVERSE)) s.append(";7");
        if (c.getModifiers().contains(SGR.UNDERLINE)) s.append(";4");
        return s.toString();
    }

    /** The rows of the last frame without their colours (tests). */
    String[] plainRows() {
        return Arrays.stream(last).map(r -> r == null ? "" : r.replaceAll("\033\\[[0-9;]*m", "")).toArray(String[]::new);
    }
}
