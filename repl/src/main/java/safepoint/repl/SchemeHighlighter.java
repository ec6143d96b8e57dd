package safepoint.repl;

import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours for the line being typed: strings green, comments grey, numbers cyan, keywords
 * ({@code foo:}) magenta, special forms and macros in the head of a form bold blue, and the
 * bracket matching the one at or just before the cursor in bold yellow.
 */
final class SchemeHighlighter implements Highlighter {
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle KEYWORD = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle FORM = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle MATCH = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);

    private final Supplier<Set<String>> forms;

    /** {@code forms}: the names of the special forms and macros, asked for at each redraw. */
    SchemeHighlighter(Supplier<Set<String>> forms) {
        this.forms = forms;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer, reader == null ? -1 : reader.getBuffer().cursor());
    }

    AttributedString highlight(String buffer, int cursor) {
        if (SchemeParser.command(buffer)) return new AttributedString(buffer);
        AttributedStyle[] style = new AttributedStyle[buffer.length()];
        Set<String> names = forms.get();
        SchemeTokens.Token previous = null;
        for (SchemeTokens.Token t : SchemeTokens.scan(buffer)) {
            AttributedStyle s = switch (t.kind()) {
                case STRING -> STRING;
                case COMMENT -> COMMENT;
                case NUMBER -> NUMBER;
                case KEYWORD -> KEYWORD;
                case ATOM -> previous != null && previous.kind() == SchemeTokens.Kind.OPEN && names.contains(t.text(buffer)) ? FORM : null;
                default -> null;
            };
            for (int i = t.start(); i < t.end(); i++) style[i] = s;
            previous = t;
        }
        int match = -1;
        if (cursor > 0 && cursor <= buffer.length() && "([{)]}".indexOf(buffer.charAt(cursor - 1)) >= 0) match = SchemeTokens.match(buffer, cursor - 1);
        if (match < 0 && cursor >= 0 && cursor < buffer.length() && "([{)]}".indexOf(buffer.charAt(cursor)) >= 0) match = SchemeTokens.match(buffer, cursor);
        if (match >= 0) style[match] = MATCH;
        AttributedStringBuilder sb = new AttributedStringBuilder(buffer.length());
        for (int i = 0; i < buffer.length(); i++) sb.style(style[i] == null ? AttributedStyle.DEFAULT : style[i]).append(buffer.charAt(i));
        return sb.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {}

    @Override
    public void setErrorIndex(int errorIndex) {}
}
