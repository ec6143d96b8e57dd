package safepoint.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import safepoint.vm.Machine;
import safepoint.vm.data.Condition;
import safepoint.vm.data.SchemeError;

/**
 * JLine's parser for the REPL. On Enter it asks the VM's reader whether the input is complete:
 * an incomplete datum continues on an indented line (JLine inserts the newline and two spaces per
 * open bracket); a complete or malformed one is accepted, and the REPL evaluates or reports it.
 * For completion it splits the line into words at Scheme's delimiters.
 */
final class SchemeParser implements Parser {
    enum Shape { COMPLETE, INCOMPLETE, MALFORMED }

    /** The reader's word for input that ended inside a datum (any other read error is malformed input). */
    private static final String EOF_IN_FORM = "Incomplete form, EOF reached";

    private final Function<String, Shape> shape;

    SchemeParser(Function<String, Shape> shape) {
        this.shape = shape;
    }

    /** The VM's reader decides. */
    static Shape shapeOf(Machine vm, String text) {
        try {
            vm.readAll(text, "(console)");
            return Shape.COMPLETE;
        } catch (SchemeError e) {
            if (e.payload instanceof Condition c && c.message.equals(EOF_IN_FORM)) return Shape.INCOMPLETE;
            // A quote or #; waiting for its datum at the end: the reader says "Datum expected", the user is not done.
            List<SchemeTokens.Token> tokens = SchemeTokens.scan(text);
            SchemeTokens.Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            boolean prefix = last != null && (last.kind() == SchemeTokens.Kind.QUOTE || last.text(text).equals("#;"));
            return prefix ? Shape.INCOMPLETE : Shape.MALFORMED;
        }
    }

    /** A REPL command (,threads) is one line, never Scheme. */
    static boolean command(String text) {
        return text.stripLeading().startsWith(",");
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !command(line) && shape.apply(line) == Shape.INCOMPLETE) {
            List<SchemeTokens.Token> open = SchemeTokens.open(line);
            String closer = open.isEmpty() ? null : String.valueOf(SchemeTokens.closer(line, open.get(open.size() - 1)));
            throw new EOFError(-1, -1, "incomplete datum", "", open.size(), closer);
        }
        return words(line, cursor);
    }

    /** Words: after a leading comma, split at spaces (",why worker"); else at Scheme's delimiters. */
    static Words words(String line, int cursor) {
        boolean cmd = command(line);
        List<String> words = new ArrayList<>();
        int wordIndex = -1;
        int wordCursor = 0;
        int i = 0;
        int n = line.length();
        for (;;) {
            while (i < n && separates(line.charAt(i), cmd)) {
                if (i == cursor && wordIndex < 0) { // the cursor between words: an empty word there
                    wordIndex = words.size();
                    words.add("");
                }
                i++;
            }
            if (i >= n) break;
            int start = i;
            while (i < n && !separates(line.charAt(i), cmd)) i++;
            if (wordIndex < 0 && cursor >= start && cursor <= i) {
                wordIndex = words.size();
                wordCursor = cursor - start;
            }
            words.add(line.substring(start, i));
        }
        if (wordIndex < 0) {
            wordIndex = words.size();
            words.add("");
        }
        return new Words(line, words, wordIndex, wordCursor, cursor);
    }

    private static boolean separates(char c, boolean command) {
        return command ? Character.isWhitespace(c) : SchemeTokens.delimiter(c);
    }

    /** A parsed line; candidates are inserted as they are (no escaping in Scheme words). */
    record Words(String line, List<String> words, int wordIndex, int wordCursor, int cursor) implements CompletingParsedLine {
        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
