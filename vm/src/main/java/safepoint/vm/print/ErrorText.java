package safepoint.vm.print;

import java.math.BigInteger;
import java.util.List;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.Cpxnum;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Special;
import safepoint.vm.data.Src;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Serials;

/**
 * The text of gsi 4.9.3's error report: {@code *** ERROR IN f, "t.scm"@1.16 -- (Argument 1) PAIR
 * expected} then the failing call on a second line, {@code (car 1)}. Long calls and irritants are
 * laid out and cut as gsi does for its 79-column lines.
 */
public final class ErrorText {
    private ErrorText() {}

    /** gsi's line width: a call or irritant longer than this is broken up or cut with "...". */
    static final int WIDTH = 79;
    /** gsi shows at most this many arguments of a failing call, then "...". */
    static final int MAX_ARGS = 15;

    /** The start of the report line, up to and including {@code " -- "}. */
    public static String locationLine(Src where, String procName) {
        return stopLine("ERROR", where, procName) + " -- ";
    }

    /** gsi's {@code *** WHAT IN proc, place}: WHAT is ERROR, INTERRUPTED (Ctrl-C) or STOPPED (a breakpoint, a step). */
    public static String stopLine(String what, Src where, String procName) {
        StringBuilder sb = new StringBuilder("*** ").append(what);
        if (where != null || procName != null) {
            sb.append(" IN ");
            if (procName != null) sb.append(procName);
            if (procName != null && where != null) sb.append(", ");
            if (where != null) sb.append(where);
        }
        return sb.toString();
    }

    /** What follows {@code " -- "}: the message, and for a failing primitive call a second line with the call. */
    public static String render(Object payload, Serials vm) {
        if (!(payload instanceof Condition c)) {
            return "This object was raised: " + Printer.write(payload, vm);
        }
        String message = c.message == null ? "" : c.message;
        switch (c.kind) {
            case ERROR:
                return errorMessage(message, c.irritants, vm);
            case UNBOUND_GLOBAL:
            case READ:
                return message;
            case SYNTAX:
                // gsi names the special form: "Ill-formed special form: if"; other syntax errors show the form.
                if (message.equals("Ill-formed special form") && c.irritants.size() == 1
                        && c.irritants.get(0) instanceof safepoint.vm.data.Pair p && p.car instanceof safepoint.vm.data.Symbol sym) {
                    return message + ": " + Printer.write(sym, vm);
                }
                return errorMessage(message, c.irritants, vm);
            case UNCAUGHT:
                // gsi names the exception the thread ended with: "Uncaught exception: #<type-exception #2>".
                String named = c.irritants.isEmpty() ? message : message + ": " + Printer.write(c.irritants.get(0), vm);
                return c.proc == null ? named : named + "\n" + call(c.proc, c.args, false, vm);
            default:
                String head = c.argIndex > 0 ? "(Argument " + c.argIndex + ") " + message : message;
                if (c.proc == null) return head;
                return head + "\n" + call(c.proc, c.args, c.kind == Condition.Kind.NONPROCEDURE, vm);
        }
    }

    /**
     * {@code (error "msg:" 1 "x")} shows {@code msg: 1 "x"}. When an irritant is too long for a
     * line, gsi puts each irritant on its own line, cut at the line width.
     */
    static String errorMessage(String message, List<Object> irritants, Serials vm) {
        StringBuilder sb = new StringBuilder(message);
        if (irritants == null || irritants.isEmpty()) return sb.toString();
        String[] texts = new String[irritants.size()];
        boolean fits = true;
        for (int i = 0; i < texts.length; i++) {
            texts[i] = limited(irritants.get(i), WIDTH, vm);
            if (texts[i].length() > WIDTH) fits = false;
        }
        if (!fits) for (int i = 0; i < texts.length; i++) texts[i] = cutText(texts[i], WIDTH);
        for (String t : texts) sb.append(fits ? " " : "\n").append(t);
        return sb.toString();
    }

    /**
     * The failing call, {@code (vector-ref #(1 2) 99)}: arguments that are not self-evaluating are
     * quoted ({@code (car 'a)}, {@code (cdr '())}); the operator is shown by name.
     */
    static String call(Object proc, List<Object> args, boolean operatorValue, Serials vm) {
        String op = operator(proc, operatorValue, vm);
        int shown = Math.min(args.size(), MAX_ARGS);
        boolean more = args.size() > MAX_ARGS;
        String[] texts = new String[shown];
        int total = 2 + op.length() + (more ? 4 : 0);
        for (int i = 0; i < shown; i++) {
            Object a = args.get(i);
            texts[i] = (selfEvaluating(a) ? "" : "'") + limited(a, WIDTH, vm);
            total += 1 + texts[i].length();
        }
        if (total <= WIDTH) {
            StringBuilder sb = new StringBuilder(total).append('(').append(op);
            for (String t : texts) sb.append(' ').append(t);
            if (more) sb.append(" ...");
            return sb.append(')').toString();
        }
        // Too wide: the operator alone, then one argument a line indented by one space.
        StringBuilder sb = new StringBuilder().append('(').append(op);
        int lineStart = 0;
        for (String t : texts) {
            lineStart = sb.length() + 1;
            sb.append("\n ").append(cutText(t, WIDTH - 1));
        }
        if (more) {
            lineStart = sb.length() + 1;
            sb.append("\n ...");
        }
        if (sb.length() - lineStart + 1 <= WIDTH) sb.append(')');
        else sb.append("\n)");
        return sb.toString();
    }

    private static String operator(Object proc, boolean operatorValue, Serials vm) {
        if (operatorValue) return Printer.write(proc, vm);
        if (proc instanceof String name) return symbolText(name);
        if (proc instanceof Procedure p && p.name() != null) return symbolText(p.name());
        return Printer.write(proc, vm);
    }

    private static String symbolText(String name) {
        StringBuilder sb = new StringBuilder();
        Lexemes.writeSymbolName(name, sb);
        return sb.toString();
    }

    /** What gsi leaves unquoted when it shows a call: numbers, strings, chars, vectors, ... */
    static boolean selfEvaluating(Object a) {
        return a instanceof Long || a instanceof BigInteger || a instanceof Ratnum || a instanceof Double || a instanceof Cpxnum
                || a instanceof Integer || a instanceof MString || a instanceof SChar || a instanceof Boolean
                || a instanceof Keyword || a instanceof Special || a instanceof SVector || a instanceof Bytevector
                || a instanceof safepoint.vm.data.NumVector;
    }

    private static String cutText(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    /** The written form, stopping soon after width + 1 characters (enough to know it overflows). */
    private static String limited(Object o, int width, Serials vm) {
        StringBuilder sb = new StringBuilder();
        Printer.print(o, true, sb, vm, width + 1);
        return sb.toString();
    }
}
