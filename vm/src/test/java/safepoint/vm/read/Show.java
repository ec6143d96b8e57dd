package safepoint.vm.read;

import java.math.BigInteger;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/**
 * Renders a datum as text for assertions, independent of the real Printer. Types are made
 * visible: symbols plain, keywords {@code k:}, strings quoted with Java-style escapes, characters
 * {@code #\U+41}, flonums {@code 1.5d}, bignums {@code 123N}, so a test cannot confuse them.
 */
final class Show {
    private Show() {}

    static String of(Object x) {
        StringBuilder b = new StringBuilder();
        show(x, b);
        return b.toString();
    }

    private static void show(Object x, StringBuilder b) {
        if (x instanceof Pair p) {
            b.append('(');
            show(p.car, b);
            Object rest = p.cdr;
            while (rest instanceof Pair q) {
                b.append(' ');
                show(q.car, b);
                rest = q.cdr;
            }
            if (rest != Nil.NIL) {
                b.append(" . ");
                show(rest, b);
            }
            b.append(')');
        } else if (x == Nil.NIL) {
            b.append("()");
        } else if (x instanceof Symbol s) {
            b.append(s.name);
        } else if (x instanceof Keyword k) {
            b.append(k.name).append(':');
        } else if (x instanceof MString s) {
            b.append('"');
            for (int i = 0; i < s.chars().length(); i++) {
                char c = s.chars().charAt(i);
                if (c == '"' || c == '\\') b.append('\\').append(c);
                else if (c < 32 || c > 126) b.append(String.format("\\u%04x", (int) c));
                else b.append(c);
            }
            b.append('"');
        } else if (x instanceof SChar c) {
            b.append("#\\U+").append(Integer.toHexString(c.cp).toUpperCase());
        } else if (x instanceof Long l) {
            b.append(l);
        } else if (x instanceof BigInteger n) {
            b.append(n).append('N');
        } else if (x instanceof Ratnum r) {
            b.append(r.num).append('/').append(r.den);
        } else if (x instanceof safepoint.vm.data.Cpxnum z) {
            b.append("C(");
            show(z.re, b);
            b.append(',');
            show(z.im, b);
            b.append(')');
        } else if (x instanceof Double d) {
            b.append(d).append('d');
        } else if (x instanceof Boolean t) {
            b.append(t ? "#t" : "#f");
        } else if (x instanceof Special s) {
            b.append(s.text);
        } else if (x instanceof Box box) {
            b.append("#&");
            show(box.value, b);
        } else if (x instanceof SVector v) {
            b.append("#(");
            for (int i = 0; i < v.items.length; i++) {
                if (i > 0) b.append(' ');
                show(v.items[i], b);
            }
            b.append(')');
        } else if (x instanceof Bytevector v) {
            b.append("#u8(");
            for (int i = 0; i < v.bytes.length; i++) {
                if (i > 0) b.append(' ');
                b.append(v.bytes[i] & 0xff);
            }
            b.append(')');
        } else if (x instanceof safepoint.vm.data.NumVector v) {
            b.append('#').append(v.kind.prefix).append('(');
            for (int i = 0; i < v.length(); i++) {
                if (i > 0) b.append(' ');
                show(v.ref(i), b);
            }
            b.append(')');
        } else {
            throw new AssertionError("unexpected datum " + x + " of " + x.getClass());
        }
    }
}
