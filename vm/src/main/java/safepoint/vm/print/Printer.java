package safepoint.vm.print;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.NumVector;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Port;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.Cpxnum;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.Record;
import safepoint.vm.data.RecordType;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Values;
import safepoint.vm.data.Serials;

/**
 * Gambit's printer: {@code write} and {@code display} representations exactly as gsi 4.9.3 prints
 * them. Iterative (an explicit stack of pending work instead of Java recursion), so a 100,000-deep
 * list prints.
 *
 * <p>Circular structure prints with datum labels, as gsi does ({@code #0=(1 2 . #0#)}). Finding
 * them costs a walk with an identity map, so the common case does not pay it: the first pass
 * prints without labels and counts the containers it enters; past {@link #UNTRACKED} of them
 * (a cycle, or just a big value) it starts again, after {@link Cycles#find}.
 */
public final class Printer {
    private final StringBuilder out;
    private final Serials vm;
    private final int stopAt;
    private final ArrayDeque<Object> todo = new ArrayDeque<>();
    private boolean write;
    /** The thread printing, asked now and then whether Ctrl-C came; null when none (error texts). */
    private final Ctx ctx;

    /** Containers the first pass prints before it looks for cycles. */
    static final int UNTRACKED = 10_000;
    /** Loop turns between two looks at Ctrl-C. */
    private static final int POLL_EVERY = 4096;
    /** Containers entered so far by the first pass. */
    private int containers;
    /** After the restart: the containers needing a label, each with its number or -1; else null. */
    private IdentityHashMap<Object, Integer> labels;
    private int nextLabel;
    private boolean restart;

    private Printer(StringBuilder out, Serials vm, boolean write, int limit, Ctx ctx) {
        this.out = out;
        this.vm = vm;
        this.write = write;
        this.ctx = ctx;
        long end = (long) out.length() + limit;
        this.stopAt = end > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) end;
    }

    /** Append the written ({@code write}) or displayed ({@code display}) form of {@code o}. */
    public static void print(Object o, boolean write, StringBuilder out, Serials vm) {
        new Printer(out, vm, write, Integer.MAX_VALUE, null).run(o);
    }

    /**
     * Printing for a running thread: long printing looks at Ctrl-C ({@link Ctx#pollInterrupt})
     * every few thousand steps, and a huge bignum's digits are made so that it can stop them.
     */
    public static void print(Object o, boolean write, StringBuilder out, Ctx ctx) {
        new Printer(out, ctx.serials(), write, Integer.MAX_VALUE, ctx).run(o);
    }

    /** {@code write-shared}: a label for every shared container, not only for cycles. */
    public static void printShared(Object o, StringBuilder out, Ctx ctx) {
        Printer p = new Printer(out, ctx.serials(), true, Integer.MAX_VALUE, ctx);
        p.labels = Cycles.shared(o);
        p.run(o);
    }

    public static String write(Object o, Serials vm) {
        StringBuilder sb = new StringBuilder();
        print(o, true, sb, vm);
        return sb.toString();
    }

    public static String display(Object o, Serials vm) {
        StringBuilder sb = new StringBuilder();
        print(o, false, sb, vm);
        return sb.toString();
    }

    /**
     * Like {@link #print(Object, boolean, StringBuilder, Serials)} but gives up once more than
     * {@code limit} characters were appended (the rest of the object is not visited), for error
     * messages that show only the start of a huge argument. The text may overshoot the limit.
     */
    static void print(Object o, boolean write, StringBuilder out, Serials vm, int limit) {
        new Printer(out, vm, write, limit, null).run(o);
    }

    /** {@code number->string}: exact numbers in radix 2, 8, 10 or 16; flonums always in decimal, as gsi does. */
    public static String numberToString(Object num, int radix) {
        if (radix != 2 && radix != 8 && radix != 10 && radix != 16) {
            throw Condition.rangeError("number->string", 2, num, (long) radix);
        }
        if (num instanceof Long l) return Long.toString(l, radix);
        if (num instanceof BigInteger b) return b.toString(radix);
        if (num instanceof Ratnum r) return r.num.toString(radix) + "/" + r.den.toString(radix);
        if (num instanceof Double d) return FlonumPrinter.format(d);
        if (num instanceof Cpxnum z) return complex(z, radix);
        throw Condition.typeError("number->string", 1, "NUMBER", num, (long) radix);
    }

    /**
     * gsi's rectangular form: the real part unless it is an exact 0, then the imaginary part with
     * its sign ({@code +i}, {@code -i} for exact 1 and -1), then {@code i}: {@code 1-0.i}, {@code +2i}.
     */
    private static String complex(Cpxnum z, int radix) {
        StringBuilder sb = new StringBuilder();
        if (!(z.re instanceof Long l && l == 0)) sb.append(numberToString(z.re, radix));
        if (!(z.im instanceof Long l && (l == 1 || l == -1))) {
            String im = numberToString(z.im, radix);
            if (im.charAt(0) != '-' && im.charAt(0) != '+') sb.append('+');
            sb.append(im);
        } else {
            sb.append((Long) z.im == 1 ? '+' : '-');
        }
        return sb.append('i').toString();
    }

    /** A bignum's digits for a running thread: a huge one stops on Ctrl-C (see {@link BigDigits}). */
    public static String digits(BigInteger n, int radix, Ctx ctx) {
        return BigDigits.toString(n, radix, ctx);
    }

    // ---- the walk -----------------------------------------------------------------------------

    /** Pending work that is not a value to print. Private, so no Scheme value is one. */
    private sealed interface Task {}

    private record Text(String s) implements Task {}

    /** The rest of a list after an element; reused while walking along the list. */
    private static final class Rest implements Task {
        Object rest;

        Rest(Object rest) {
            this.rest = rest;
        }
    }

    private static final class Items implements Task {
        final Object[] items;
        int next;

        Items(Object[] items) {
            this.items = items;
        }
    }

    /** Switch between write and display: record fields are written even by display. */
    private record Mode(boolean write) implements Task {}

    private static final Object NULL = new Object();
    private static final Text CLOSE = new Text(")");
    private static final Text GT = new Text(">");
    private static final Mode WRITE = new Mode(true);
    private static final Mode DISPLAY = new Mode(false);

    private void push(Object o) {
        todo.push(o == null ? NULL : o);
    }

    private void run(Object root) {
        int start = out.length();
        boolean writeAtStart = write;
        push(root);
        int polls = 0;
        while (!todo.isEmpty()) {
            if (out.length() > stopAt) return;
            if (++polls == POLL_EVERY) {
                polls = 0;
                if (ctx != null) ctx.pollInterrupt();
            }
            Object t = todo.pop();
            if (t instanceof Task task) step(task);
            else value(t == NULL ? null : t);
            if (restart) {
                restart = false;
                out.setLength(start);
                todo.clear();
                write = writeAtStart;
                labels = Cycles.find(root);
                push(root);
            }
        }
    }

    /** First pass: count one more container; past the threshold, start again with labels. */
    private boolean tooMany() {
        if (labels != null || ++containers <= UNTRACKED) return false;
        restart = true;
        return true;
    }

    /** Whether {@code o} was printed with a label already (then its reference is printed), or gets one now. */
    private boolean labelled(Object o) {
        if (labels == null || labels.isEmpty()) return false;
        Integer n = labels.get(o);
        if (n == null) return false;
        if (n >= 0) {
            out.append('#').append(n).append('#');
            return true;
        }
        labels.put(o, nextLabel);
        out.append('#').append(nextLabel++).append('=');
        return false;
    }

    private boolean hasLabel(Object o) {
        return labels != null && !labels.isEmpty() && labels.containsKey(o);
    }


    private void step(Task task) {
        if (task instanceof Rest r) {
            Object rest = r.rest;
            // a labelled tail is " . #0=..." or " . #0#" (gsi 4.9.3 prints one not yet printed as
            // plain elements, which loops on a cycle that misses the head: not followed)
            if (rest instanceof Pair p && !hasLabel(p)) {
                if (tooMany()) return;
                out.append(' ');
                r.rest = p.cdr;
                todo.push(r);
                push(p.car);
            } else if (rest == Nil.NIL) {
                out.append(')');
            } else {
                out.append(" . ");
                todo.push(CLOSE);
                push(rest);
            }
        } else if (task instanceof Items it) {
            if (it.next == it.items.length) {
                out.append(')');
                return;
            }
            if (it.next > 0) out.append(' ');
            Object x = it.items[it.next++];
            todo.push(it);
            push(x);
        } else if (task instanceof Text tx) {
            out.append(tx.s);
        } else if (task instanceof Mode m) {
            write = m.write;
        }
    }

    private void value(Object o) {
        if (Cycles.isContainer(o) && (tooMany() || labelled(o))) return;
        if (o instanceof Pair p) {
            String abbrev = abbreviation(p);
            if (abbrev != null && !hasLabel(p.cdr)) {
                out.append(abbrev);
                push(((Pair) p.cdr).car);
            } else {
                out.append('(');
                todo.push(new Rest(p.cdr));
                // Gambit reads "(. b)" as a list whose head is the symbol ".", and writes it
                // so: that head alone goes unescaped, so the text reads back as the same list.
                if (write && p.car instanceof Symbol s && s.interned && s.name.equals(".")) out.append('.');
                else push(p.car);
            }
        } else if (o instanceof SVector v) {
            out.append("#(");
            todo.push(new Items(v.items));
        } else if (o instanceof Box b) {
            out.append("#&");
            push(b.value);
        } else if (o instanceof Record r) {
            record(r);
        } else {
            atom(o);
        }
    }

    /** {@code (quote x)} prints as {@code 'x}, by write and display alike. */
    static String abbreviation(Pair p) {
        if (!(p.car instanceof Symbol s) || !s.interned) return null;
        if (!(p.cdr instanceof Pair q) || q.cdr != Nil.NIL) return null;
        return switch (s.name) {
            case "quote" -> "'";
            case "quasiquote" -> "`";
            case "unquote" -> ",";
            case "unquote-splicing" -> ",@";
            default -> null;
        };
    }

    /** {@code #<point #2 x: 1 y: 2>}: fields are always written. */
    private void record(Record r) {
        out.append("#<").append(r.type.name).append(vm.tag(r));
        todo.push(GT);
        if (!write) todo.push(DISPLAY);
        String[] names = r.type.fieldNames;
        for (int i = r.fields.length - 1; i >= 0; i--) {
            push(r.fields[i]);
            todo.push(new Text(" " + (i < names.length ? names[i] : "field" + i) + ": "));
        }
        if (!write) todo.push(WRITE);
    }

    private void atom(Object o) {
        if (o instanceof BigInteger b) {
            out.append(BigDigits.toString(b, 10, ctx));
        } else if (o instanceof Long || o instanceof Integer) {
            out.append(o);
        } else if (o instanceof Double d) {
            out.append(FlonumPrinter.format(d));
        } else if (o instanceof Ratnum r) {
            out.append(r.num).append('/').append(r.den);
        } else if (o instanceof Cpxnum z) {
            out.append(complex(z, 10));
        } else if (o instanceof Boolean b) {
            out.append(b ? "#t" : "#f");
        } else if (o == Nil.NIL) {
            out.append("()");
        } else if (o instanceof MString s) {
            if (write) Lexemes.writeString(s.chars(), out);
            else out.append(s.chars());
        } else if (o instanceof SChar c) {
            if (write) Lexemes.writeChar(c.cp, out);
            else out.appendCodePoint(c.cp);
        } else if (o instanceof Symbol s) {
            symbol(s);
        } else if (o instanceof Keyword k) {
            // display shows the bare name: gsi's (display foo:) prints foo
            if (!write) {
                out.append(k.name);
            } else {
                if (!k.interned) out.append("#:");
                Lexemes.writeKeywordName(k.name, out);
                out.append(':');
            }
        } else if (o instanceof Special s) {
            out.append(s.text);
        } else if (o instanceof Bytevector bv) {
            out.append("#u8(");
            for (int i = 0; i < bv.bytes.length; i++) {
                if (i > 0) out.append(' ');
                out.append(bv.bytes[i] & 0xff);
            }
            out.append(')');
        } else if (o instanceof NumVector v) {
            out.append('#').append(v.kind.prefix).append('(');
            for (int i = 0; i < v.length(); i++) {
                if (i > 0) out.append(' ');
                Object x = v.ref(i);
                out.append(x instanceof Double d ? FlonumPrinter.format(d) : x.toString());
            }
            out.append(')');
        } else if (o instanceof Printable p) {
            p.printOn(out, write, vm);
        } else if (o instanceof Procedure p) {
            out.append("#<procedure").append(vm.tag(p));
            if (p.name() != null) {
                out.append(' ');
                Lexemes.writeSymbolName(p.name(), out);
            }
            out.append('>');
        } else if (o instanceof Condition c) {
            out.append("#<").append(c.kind.gambitName).append(vm.tag(c)).append('>');
        } else if (o instanceof Port p) {
            port(p, p.kind(), p.name);
        } else if (o instanceof RecordType t) {
            out.append("#<type").append(vm.tag(t)).append(' ').append(t.name).append('>');
        } else if (o instanceof Values) {
            // gsi writes a multiple-values object as #<unknown>
            out.append("#<unknown>");
        } else {
            out.append("#<java ").append(o == null ? "null" : o.getClass().getSimpleName()).append('>');
        }
    }

    private void symbol(Symbol s) {
        if (!write) {
            out.append(s.name);
            return;
        }
        if (!s.interned) out.append("#:");
        Lexemes.writeSymbolName(s.name, out);
    }

    /**
     * gsi: {@code #<output-port #2 (stdout)>}, {@code #<input-port #3 (string)>}, a file port shows
     * its path as a string, and the REPL's console is one {@code #<input-output-port #2 (console)>}.
     */
    private void port(Object p, String kind, String name) {
        if ("console".equals(name) || "(console)".equals(name)) kind = "input-output-port";
        out.append("#<").append(kind).append(vm.tag(p)).append(' ');
        if (name == null) {
            out.append("(unknown)");
        } else if (name.startsWith("(")) {
            out.append(name);
        } else if (name.equals("string") || name.equals("stdin") || name.equals("stdout")
                || name.equals("stderr") || name.equals("console")) {
            out.append('(').append(name).append(')');
        } else {
            Lexemes.writeString(name, out);
        }
        out.append('>');
    }
}
