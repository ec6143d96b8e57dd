package safepoint.vm.print;

import java.util.Set;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Serials;

/**
 * {@code pp}: Gambit-style pretty printing within 79 columns. A datum that fits on the rest of
 * the line is written as is; a form that does not is broken: definitions and binding forms keep
 * their header on the first line and indent their body by two; a call aligns its arguments
 * under the first one; other lists put one element per line.
 */
public final class PrettyPrinter {
    private PrettyPrinter() {}

    static final int WIDTH = 79;

    private static final Set<String> BODY_FORMS = Set.of("define", "lambda", "let", "let*", "letrec", "letrec*",
            "when", "unless", "do", "def", "define-syntax", "let-values", "let*-values", "parameterize",
            "with-exception-handler", "case", "syntax-rules", "define-record-type", "guard");

    public static String pp(Object x, Serials vm) {
        StringBuilder out = new StringBuilder();
        print(x, 0, out, vm);
        out.append('\n');
        return out.toString();
    }

    private static void print(Object x, int col, StringBuilder out, Serials vm) {
        String flat = Printer.write(x, vm);
        if (col + flat.length() <= WIDTH || !(x instanceof Pair || x instanceof SVector)) {
            out.append(flat);
            return;
        }
        if (x instanceof SVector v) {
            out.append("#(");
            Object l = Nil.NIL;
            for (int i = v.items.length - 1; i >= 0; i--) l = new Pair(v.items[i], l);
            elements(l, col + 2, out, vm);
            out.append(')');
            return;
        }
        Pair p = (Pair) x;
        String quote = quotePrefix(p);
        if (quote != null) {
            out.append(quote);
            print(((Pair) p.cdr).car, col + quote.length(), out, vm);
            return;
        }
        out.append('(');
        if (p.car instanceof Symbol head && p.cdr instanceof Pair) {
            String h = Printer.write(head, vm);
            if (BODY_FORMS.contains(head.name)) {
                out.append(h);
                Object rest = p.cdr;
                int headers = head.name.equals("let") && rest instanceof Pair r && r.car instanceof Symbol ? 2 : 1;
                if (head.name.equals("do")) headers = 2;
                int c = col + 1 + h.length();
                for (int i = 0; i < headers && rest instanceof Pair r; i++, rest = r.cdr) {
                    out.append(' ');
                    print(r.car, c + 1, out, vm);
                    c = lastColumn(out);
                }
                for (; rest instanceof Pair r; rest = r.cdr) {
                    newline(out, col + 2);
                    print(r.car, col + 2, out, vm);
                }
                tail(rest, out, vm);
                out.append(')');
                return;
            }
            if (col + 1 + h.length() + 1 < WIDTH / 2) {
                out.append(h).append(' ');
                elements(p.cdr, col + 2 + h.length(), out, vm);
                out.append(')');
                return;
            }
        }
        elements(p, col + 1, out, vm);
        out.append(')');
    }

    /** Elements one per line, aligned at {@code col} (the first continues the current line). */
    private static void elements(Object list, int col, StringBuilder out, Serials vm) {
        boolean first = true;
        Object rest = list;
        for (; rest instanceof Pair r; rest = r.cdr) {
            if (!first) newline(out, col);
            print(r.car, col, out, vm);
            first = false;
        }
        tail(rest, out, vm);
    }

    private static void tail(Object rest, StringBuilder out, Serials vm) {
        if (rest != Nil.NIL) out.append(" . ").append(Printer.write(rest, vm));
    }

    private static void newline(StringBuilder out, int col) {
        out.append('\n');
        for (int i = 0; i < col; i++) out.append(' ');
    }

    private static int lastColumn(StringBuilder out) {
        int nl = out.lastIndexOf("\n");
        return out.length() - nl - 1;
    }

    private static String quotePrefix(Pair p) {
        return Printer.abbreviation(p);
    }
}
