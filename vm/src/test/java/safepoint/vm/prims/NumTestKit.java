package safepoint.vm.prims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import safepoint.vm.data.Condition;
import safepoint.vm.data.MString;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.TestCtx;
import safepoint.vm.data.Values;
import safepoint.vm.num.Num;
import safepoint.vm.print.FlonumPrinter;
import safepoint.vm.read.NumberParser;

/**
 * A tiny evaluator for number tests: reads {@code (proc arg ...)} with nested calls, numbers,
 * 'symbols and "strings", calls the registered primitives, and renders the values or the error
 * the way the gsi transcript shows them (written values each followed by a space; errors as
 * display-exception writes them).
 */
final class NumTestKit {
    final Map<String, Primitive> prims = new HashMap<>();
    final TestCtx ctx = new TestCtx();

    NumTestKit() {
        NumberPrims.install(new PrimitiveSink() {
            @Override public void add(Primitive p) {
                if (prims.put(p.name, p) != null) throw new AssertionError("registered twice: " + p.name);
            }
            @Override public void alias(String name, String existing) { prims.put(name, prims.get(existing)); }
        });
    }

    /** Evaluate and render as the transcript does: "v " per value, or "ERR: <text>". */
    String run(String src) {
        Object form = new Reader(src).read();
        try {
            Object v = eval(form);
            StringBuilder sb = new StringBuilder();
            if (v instanceof Values vs) for (Object o : vs.vals) sb.append(write(o)).append(' ');
            else sb.append(write(v)).append(' ');
            return sb.toString();
        } catch (SchemeError e) {
            return "ERR: " + errorText((Condition) e.payload);
        }
    }

    Object call(String name, Object... args) {
        Primitive p = prims.get(name);
        switch (args.length) {
            case 0: return p.call0(ctx);
            case 1: return p.call1(ctx, args[0]);
            case 2: return p.call2(ctx, args[0], args[1]);
            case 3: return p.call3(ctx, args[0], args[1], args[2]);
            default: return p.callN(ctx, args);
        }
    }

    /** Render a direct call's values as the transcript does. */
    String callN(String name, Object... args) {
        Object v = call(name, args);
        return write(v) + " ";
    }

    private Object eval(Object form) {
        if (form instanceof Symbol s) {
            throw Condition.unboundGlobal(s);
        }
        if (!(form instanceof List<?> l)) return form;
        if (l.get(0) instanceof Quote q) return q.sym;
        String name = ((Symbol) l.get(0)).name;
        if (!prims.containsKey(name)) throw Condition.unboundGlobal(Symbol.of(name));
        Object[] args = new Object[l.size() - 1];
        for (int i = 0; i < args.length; i++) args[i] = eval(l.get(i + 1));
        return call(name, args);
    }

    static String write(Object o) {
        if (o instanceof Double d) return FlonumPrinter.format(d);
        if (Num.isNumber(o)) return safepoint.vm.print.Printer.numberToString(o, 10);
        if (o instanceof Boolean b) return b ? "#t" : "#f";
        if (o instanceof MString s) return "\"" + s.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (o instanceof Symbol s) return "'" + s.name;
        if (o instanceof Primitive p) return "#<procedure " + p.name + ">";
        if (o instanceof safepoint.vm.data.Pair p) {
            StringBuilder sb = new StringBuilder("(");
            Object x = p;
            while (x instanceof safepoint.vm.data.Pair q) {
                if (sb.length() > 1) sb.append(' ');
                sb.append(q.car instanceof Symbol s ? s.name : write(q.car));
                x = q.cdr;
            }
            return sb.append(')').toString();
        }
        return String.valueOf(o);
    }

    /** display-exception's text for the condition kinds numbers raise. */
    static String errorText(Condition c) {
        StringBuilder sb = new StringBuilder();
        switch (c.kind) {
            case TYPE: case RANGE: sb.append("(Argument ").append(c.argIndex).append(") "); break;
            default: break;
        }
        sb.append(c.message);
        if (c.kind == Condition.Kind.ERROR) {
            for (Object o : c.irritants) sb.append(' ').append(write(o));
        }
        sb.append('\n');
        if (c.proc != null && c.kind != Condition.Kind.UNBOUND_GLOBAL) {
            String name = c.proc instanceof Primitive p ? p.name : String.valueOf(c.proc);
            sb.append('(').append(name);
            for (Object a : c.args) sb.append(' ').append(write(a));
            sb.append(")\n");
        }
        return sb.toString();
    }

    record Quote(Symbol sym) {}

    /** Reads the transcript's expressions: lists, numbers, 'symbols, "strings", #t/#f. */
    static final class Reader {
        private final String s;
        private int i;

        Reader(String s) { this.s = s; }

        Object read() {
            while (Character.isWhitespace(s.charAt(i))) i++;
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                List<Object> l = new ArrayList<>();
                while (true) {
                    while (Character.isWhitespace(s.charAt(i))) i++;
                    if (s.charAt(i) == ')') { i++; return l; }
                    l.add(read());
                }
            }
            if (c == '\'') {
                i++;
                Object o = read();
                return List.of(new Quote((Symbol) o));
            }
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                for (i++; s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\') i++;
                    sb.append(s.charAt(i));
                }
                i++;
                return new MString(sb.toString());
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ')' && s.charAt(i) != '(') i++;
            String tok = s.substring(start, i);
            if (tok.equals("#t")) return Boolean.TRUE;
            if (tok.equals("#f")) return Boolean.FALSE;
            Object n = NumberParser.parse(tok, 10);
            return n != null ? n : Symbol.of(tok);
        }
    }
}
