package safepoint.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * A small scanner for the editor only: where strings, comments, characters, brackets and atoms are
 * in a line being typed, for colours, the matching bracket and the indentation of the next line.
 * Whether input is complete is the VM's reader's decision ({@link SchemeParser}), not this one's.
 */
final class SchemeTokens {
    enum Kind { OPEN, CLOSE, STRING, COMMENT, CHAR, NUMBER, KEYWORD, ATOM, QUOTE }

    record Token(Kind kind, int start, int end) {
        String text(CharSequence s) {
            return s.subSequence(start, end).toString();
        }
    }

    private SchemeTokens() {}

    static boolean delimiter(char c) {
        return Character.isWhitespace(c) || "()[]{}\";'`,".indexOf(c) >= 0;
    }

    static List<Token> scan(CharSequence s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == '[' || c == '{') {
                out.add(new Token(Kind.OPEN, i, ++i));
            } else if (c == ')' || c == ']' || c == '}') {
                out.add(new Token(Kind.CLOSE, i, ++i));
            } else if (c == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') i += s.charAt(i) == '\\' ? 2 : 1;
                i = Math.min(n, i + 1);
                out.add(new Token(Kind.STRING, start, i));
            } else if (c == ';') {
                while (i < n && s.charAt(i) != '\n') i++;
                out.add(new Token(Kind.COMMENT, start, i));
            } else if (c == '#' && i + 1 < n && s.charAt(i + 1) == '|') {
                int depth = 0;
                while (i < n) {
                    if (s.charAt(i) == '#' && i + 1 < n && s.charAt(i + 1) == '|') {
                        depth++;
                        i += 2;
                    } else if (s.charAt(i) == '|' && i + 1 < n && s.charAt(i + 1) == '#') {
                        i += 2;
                        if (--depth == 0) break;
                    } else {
                        i++;
                    }
                }
                out.add(new Token(Kind.COMMENT, start, i));
            } else if (c == '#' && i + 1 < n && s.charAt(i + 1) == ';') {
                i += 2; // the datum after it is a comment too, but it may be unfinished: colour only the mark
                out.add(new Token(Kind.COMMENT, start, i));
            } else if (c == '#' && i + 1 < n && s.charAt(i + 1) == '\\') {
                i += 3; // #\( is a character even though ( is a delimiter
                while (i < n && !delimiter(s.charAt(i))) i++;
                i = Math.min(n, i);
                out.add(new Token(Kind.CHAR, start, i));
            } else if (c == '\'' || c == '`' || c == ',') {
                i++;
                if (c == ',' && i < n && s.charAt(i) == '@') i++;
                out.add(new Token(Kind.QUOTE, start, i));
            } else if (c == '#' && i + 1 < n && "([{".indexOf(s.charAt(i + 1)) >= 0) {
                out.add(new Token(Kind.OPEN, i, i += 2)); // a vector
            } else {
                while (i < n && !delimiter(s.charAt(i))) i++;
                String atom = s.subSequence(start, i).toString();
                out.add(new Token(number(atom) ? Kind.NUMBER : atom.length() > 1 && atom.endsWith(":") ? Kind.KEYWORD : Kind.ATOM, start, i));
            }
        }
        return out;
    }

    private static boolean number(String atom) {
        if (atom.startsWith("#") && atom.length() > 1 && "xXbBoOdDeEiI".indexOf(atom.charAt(1)) >= 0) return true;
        int i = atom.startsWith("+") || atom.startsWith("-") ? 1 : 0;
        return i < atom.length() && (Character.isDigit(atom.charAt(i)) || atom.charAt(i) == '.' && i + 1 < atom.length()
                && Character.isDigit(atom.charAt(i + 1)));
    }

    /** The brackets still open at the end of {@code s}, outermost first (as their opening tokens). */
    static List<Token> open(CharSequence s) {
        List<Token> stack = new ArrayList<>();
        for (Token t : scan(s)) {
            if (t.kind() == Kind.OPEN) stack.add(t);
            else if (t.kind() == Kind.CLOSE && !stack.isEmpty()) stack.remove(stack.size() - 1);
        }
        return stack;
    }

    /** The closer of an opening token's bracket. */
    static char closer(CharSequence s, Token open) {
        char c = s.charAt(open.end() - 1);
        return c == '(' ? ')' : c == '[' ? ']' : '}';
    }

    /** The index of the bracket matching the one at {@code at}, or -1. */
    static int match(CharSequence s, int at) {
        List<Token> stack = new ArrayList<>();
        List<Token> tokens = scan(s);
        for (Token t : tokens) {
            if (t.kind() == Kind.OPEN) {
                stack.add(t);
            } else if (t.kind() == Kind.CLOSE && !stack.isEmpty()) {
                Token o = stack.remove(stack.size() - 1);
                if (o.end() - 1 == at) return t.start();
                if (t.start() == at) return o.end() - 1;
            }
        }
        return -1;
    }
}
