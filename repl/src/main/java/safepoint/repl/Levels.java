package safepoint.repl;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import safepoint.vm.Machine;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Src;
import safepoint.vm.interp.Debugging;
import safepoint.vm.print.ErrorText;
import safepoint.vm.interp.Stop;
import safepoint.vm.interp.Where;
import safepoint.vm.run.Outcome;

/**
 * Gambit's nested REPL levels: an uncaught error or Ctrl-C opens level N+1 in the stopped
 * computation ({@link Stop}); what is typed there is evaluated in the current frame, seeing its
 * variables and its parameters; {@code ,b ,y ,e ,be ,i} show the frames, {@code ,N ,+ ,-} move
 * among them, {@code ,(c X)} and {@code ,c} continue the computation, {@code ,d} and {@code ,t}
 * leave. The words and layouts are gsi's (reference section 4). Only the interactive REPL opens
 * levels: piped input keeps evaluating at the top level after an error, as it always did.
 */
final class Levels {
    private final Machine vm;
    private final Deque<Level> stack = new ArrayDeque<>();

    /** One level: the outcome that opened it, the computation it stopped (null: none to visit), the frame shown. */
    private static final class Level {
        final Outcome why;
        final Stop stop;
        int frame;

        Level(Outcome why, Stop stop) {
            this.why = why;
            this.stop = stop;
        }

        int frames() {
            return stop == null ? 0 : stop.frames.size();
        }
    }

    Levels(Machine vm) {
        this.vm = vm;
    }

    int depth() {
        return stack.size();
    }

    /** gsi's prompt: {@code > } at the top, {@code 2> } at level 2, {@code 1\3> } at frame 3 of level 1. */
    String prompt() {
        Level l = stack.peek();
        if (l == null) return "> ";
        return stack.size() + (l.frame > 0 ? "\\" + l.frame : "") + "> ";
    }

    /** Evaluate {@code form} where the current level stands (its frame's environment), or at top level. */
    /**
     * How the levels' own runs (,(v X), ,(c X), ,c) reach the machine: as they are, or, while the
     * world is paused, under its controller (the REPL sets it; see World.eval).
     */
    java.util.function.BiFunction<Object, java.util.function.Supplier<Outcome>, Outcome> runner = (form, run) -> run.get();

    Outcome eval(Object form, String file) {
        Level l = stack.peek();
        if (l == null || l.stop == null) return vm.eval(form, file);
        return vm.evalAt(l.stop, l.frame, form, file);
    }

    /** An evaluation ended with {@code o}: an error (or Ctrl-C) opens a level on it. */
    void ended(Outcome o) {
        if (o.status() != Outcome.Status.ERROR) return;
        open(new Level(o, o.stop()));
    }

    private void open(Level l) {
        stack.push(l);
        if (l.stop != null) vm.levels.add(l.stop);
    }

    /** Leave the current level ({@code ,d}, Ctrl-D); false at the top, where there is none to leave. */
    boolean leave() {
        Level l = stack.poll();
        if (l == null) return false;
        if (l.stop != null) vm.levels.remove(l.stop);
        return true;
    }

    private void leaveAll() {
        while (leave()) {
            // ,t: back to the top level
        }
    }

    /** What a level command asks of the REPL: nothing more, or to show the outcome of a continued computation. */
    record Done(Outcome continued) {
        static final Done NOTHING = new Done(null);
    }

    /**
     * Run {@code cmd} if it is a level command ({@code ,d ,t ,c ,(c X) ,b ,be ,y ,e ,i ,N ,+ ,-}); null when it is
     * another command. At the top level, the commands that need a level say so.
     */
    Done command(String cmd, Writer out, Writer err) throws IOException {
        Level l = stack.peek();
        switch (cmd) {
            case ",d" -> {
                if (!leave()) err.write("At the top level: there is no level to leave (,q quits)\n");
                return Done.NOTHING;
            }
            case ",t" -> {
                leaveAll();
                return Done.NOTHING;
            }
            case ",c", ",s", ",l" -> {
                if (l == null || l.stop == null) {
                    err.write(noLevel(cmd));
                } else if (l.stop.isLive()) {
                    err.write(LIVE);
                } else if (!l.stop.interrupted()) {
                    err.write("Continuation expects a result -- use ,(c X) or ,(s X) or ,(l X)\n");
                } else {
                    return continueWith(l, l.stop.frames.get(0), Special.VOID, stepping(cmd));
                }
                return Done.NOTHING;
            }
            case ",b" -> {
                if (needsFrames(l, cmd, err)) out.write(backtrace(l, false));
                return Done.NOTHING;
            }
            case ",be" -> {
                if (needsFrames(l, cmd, err)) out.write(backtrace(l, true));
                return Done.NOTHING;
            }
            case ",y" -> {
                if (needsFrames(l, cmd, err)) out.write(frameLine(l, l.frame, '.') + "\n");
                return Done.NOTHING;
            }
            case ",e" -> {
                if (needsFrames(l, cmd, err)) out.write(variables(l, l.frame, ""));
                return Done.NOTHING;
            }
            case ",i" -> {
                if (needsFrames(l, cmd, err)) out.write(procedure(l));
                return Done.NOTHING;
            }
            case ",+" -> {
                return move(l, cmd, l == null ? 0 : l.frame + 1, out, err);
            }
            case ",-" -> {
                return move(l, cmd, l == null ? 0 : l.frame - 1, out, err);
            }
            default -> {
                // handled below
            }
        }
        if (!hasArgument(cmd)) return null;
        if (cmd.matches(",\\d{1,6}")) return move(l, cmd, Integer.parseInt(cmd.substring(1)), out, err);
        if (cmd.matches(",\\d{1,6}[+-]")) {
            int n = Integer.parseInt(cmd.substring(1, cmd.length() - 1));
            return move(l, cmd, l == null ? 0 : cmd.endsWith("+") ? l.frame + n : l.frame - n, out, err);
        }
        if (cmd.matches(",\\([csl][ \t].*")) return continueCommand(l, cmd, err);
        if (cmd.startsWith(",(v ") || cmd.startsWith(",(v\t")) return visit(l, cmd, out, err);
        if (cmd.matches(",\\((b|be|e|st)[ \t].*")) return ofThread(cmd, out, err);
        return null;
    }

    /**
     * Whether {@code cmd} is a level command that carries its argument in its name: a frame move
     * ({@code ,3 ,2+ ,1-}) or a parenthesized one ({@code ,(c X) ,(v T) ,(st T)} ...). The one place
     * these shapes are written; {@link Commands#isLevelCommand} asks here.
     */
    static boolean hasArgument(String cmd) {
        return cmd.matches(",\\d{1,6}[+-]?") || cmd.matches(",\\((c|s|l|v|b|be|e|st)[ \t].*");
    }

    /** The one expression X of {@code ,(c X)} or {@code ,(v X)}, or null (said on {@code err}). */
    private Object argument(String cmd, Writer err) throws IOException {
        String inner = cmd.substring(2).strip();
        char c = cmd.charAt(2);
        String usage = c == 'v' ? ",(v X) visits a frame number or a thread"
                : c == 'b' || c == 'e' || (c == 's' && cmd.startsWith(",(st")) ? cmd.substring(0, cmd.indexOf(' ') < 0 ? cmd.length() : cmd.indexOf(' ')) + " T) shows thread T"
                : ",(" + c + " X) continues with the value of X";
        if (!inner.endsWith(")")) {
            err.write(cmd + " is an unknown command (" + usage + ")\n");
            return null;
        }
        List<Object> forms;
        try {
            forms = vm.readAll(inner.substring(2, inner.length() - 1), "(console)");
        } catch (SchemeError e) {
            forms = List.of();
        }
        if (forms.size() != 1) {
            err.write(cmd + " is an unknown command (" + usage + ": one expression)\n");
            return null;
        }
        return forms.get(0);
    }

    /**
     * {@code ,(v X)}: X a frame number (of this level), or a thread that ended with an uncaught
     * error, whose stopped computation opens a level of its own.
     */
    private Done visit(Level l, String cmd, Writer out, Writer err) throws IOException {
        Object x = argument(cmd, err);
        if (x == null) return Done.NOTHING;
        Outcome v = runner.apply(x, () -> eval(x, "(console)"));
        if (v.status() != Outcome.Status.VALUE) return new Done(v);
        if (v.value() instanceof Long n) return move(l, cmd, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n)), out, err);
        return visitThread(v, out, err);
    }

    /**
     * {@code ,(b T) ,(be T) ,(e T) ,(st T)}: the backtrace, backtrace with variables, variables or
     * state of thread T without visiting it. A thread stopped by an error (or any thread of the
     * paused world) shows its frames as a level would; a thread the machine runs freely shows the
     * calls of its last look (gsi interrupts it; Safepoint looks at it at a host stop instead).
     */
    private Done ofThread(String cmd, Writer out, Writer err) throws IOException {
        String what = cmd.substring(2, cmd.indexOf(cmd.contains(" ") ? ' ' : '\t'));
        Object x = argument(cmd, err);
        if (x == null) return Done.NOTHING;
        Outcome v = runner.apply(x, () -> eval(x, "(console)"));
        if (v.status() != Outcome.Status.VALUE) return new Done(v);
        long n = vm.threadNumberOf(v.value());
        if (n < 0) {
            err.write(",(" + what + " T) takes a thread; " + vm.showResult(v.value()) + " is none\n");
            return Done.NOTHING;
        }
        safepoint.vm.observe.ThreadView t = null;
        for (safepoint.vm.observe.ThreadView tv : vm.look().threads()) if (tv.thread().id() == n) t = tv;
        if (what.equals("st")) {
            out.write(t == null ? vm.showResult(v.value()) + "  TERMINATED\n"
                    : String.format("%-27s %s%n", vm.showResult(v.value()), safepoint.repl.view.ThreadsText.state(t)));
            return Done.NOTHING;
        }
        Stop s = vm.stopOf(v.value());
        if (s != null) {
            Level look = new Level(v, s);
            out.write(what.equals("e") ? variables(look, 0, "") : backtrace(look, what.equals("be")));
        } else if (t != null && !t.backtrace().isEmpty()) {
            int i = 0;
            for (safepoint.vm.observe.ThreadView.Call c : t.backtrace()) {
                out.write(String.format("%-3d%-23s %s", i++, c.procedure() == null ? "(interaction)" : c.procedure(), c.source()).stripTrailing() + "\n");
            }
            if (!what.equals("b")) out.write("(a running thread's variables are seen while the world is paused: ,pause, then ,(" + what + " T))\n");
        } else {
            out.write(vm.showResult(v.value()) + " has no frames to show (" + (t == null ? "it ended" : safepoint.repl.view.ThreadsText.state(t)) + ")\n");
        }
        return Done.NOTHING;
    }

    /** Visit the thread that {@code v} gave (,(v X), or the inspector's v key): a level on its stop. */
    Done visitThread(Outcome v, Writer out, Writer err) throws IOException {
        Stop s = vm.stopOf(v.value());
        if (s == null) {
            err.write(vm.showResult(v.value()) + " is not a thread stopped by an uncaught error (,(v X) visits those, any thread of the"
                    + " paused world, or a frame number)\n");
            return Done.NOTHING;
        }
        Level visiting = new Level(v, s);
        open(visiting);
        out.write("------------- REPL is now in " + vm.showResult(v.value()) + "\n" + frameLine(visiting, 0, '.') + "\n");
        return Done.NOTHING;
    }

    /** A visited live thread is the world's to run. */
    static final String LIVE = "This level looks at a live thread: the world runs it, so there is nothing to continue"
            + " (,step T steps it, ,d leaves this level)\n";

    private static String noLevel(String cmd) {
        return cmd + " needs a debugger level: one opens at an uncaught error or Ctrl-C\n";
    }

    private boolean needsFrames(Level l, String cmd, Writer err) throws IOException {
        if (l == null) {
            err.write(noLevel(cmd));
            return false;
        }
        if (l.frames() == 0) {
            err.write(cmd + ": this level has no frames (the error came before anything ran)\n");
            return false;
        }
        return true;
    }

    private Done move(Level l, String cmd, int to, Writer out, Writer err) throws IOException {
        if (!needsFrames(l, cmd, err)) return Done.NOTHING;
        int last = l.frames() - 1;
        if (to < 0 || to > last) err.write("No frame " + to + ": frames are 0 to " + last + "\n");
        l.frame = Math.max(0, Math.min(last, to));
        out.write(frameLine(l, l.frame, '.') + "\n");
        return Done.NOTHING;
    }

    /** How {@code ,c ,s ,l} (and their {@code ,(c X)} forms) go on: running, stopping at the next entry, or leaping. */
    private static Debugging.Step stepping(String cmd) {
        char c = cmd.startsWith(",(") ? cmd.charAt(2) : cmd.charAt(1);
        return c == 's' ? Debugging.Step.INTO : c == 'l' ? Debugging.Step.OVER : Debugging.Step.NONE;
    }

    /** {@code ,(c X)}: X, evaluated in the current frame, becomes the value of that frame's call; the computation goes on. */
    private Done continueCommand(Level l, String cmd, Writer err) throws IOException {
        if (l == null || l.stop == null) {
            err.write(noLevel(",(" + cmd.charAt(2) + " X)"));
            return Done.NOTHING;
        }
        if (l.stop.isLive()) {
            err.write(LIVE);
            return Done.NOTHING;
        }
        Object x = argument(cmd, err);
        if (x == null) return Done.NOTHING;
        Outcome v = runner.apply(x, () -> vm.evalAt(l.stop, l.frame, x, "(console)"));
        if (v.status() != Outcome.Status.VALUE) return new Done(v);
        return continueWith(l, l.stop.returning(l.frame), v.value(), stepping(cmd));
    }

    /** The computation of level {@code l} goes on from its frame {@code at} with {@code value}; it and the levels above it close. */
    private Done continueWith(Level l, Stop.At at, Object value, Debugging.Step step) {
        while (stack.peek() != l) leave();
        leave();
        return new Done(runner.apply(value, () -> vm.resume(l.stop, at, value, step)));
    }

    // ---- rendering (gsi's layouts) ----------------------------------------------------------------

    /**
     * gsi's line for Ctrl-C, {@code *** INTERRUPTED IN spin, (console)@6.18}, and for a breakpoint or a step,
     * {@code *** STOPPED IN f, (console)@1.16}; null when {@code o} is neither.
     */
    static String interrupted(Outcome o) {
        if (o.stop() == null || !o.stop().interrupted()) return null;
        Where w = o.stop().frames.get(0).where();
        return ErrorText.stopLine(atBreak(o) ? "STOPPED" : "INTERRUPTED", w == null ? null : w.src(), w == null ? null : w.procName()) + "\n";
    }

    /** Whether {@code o} ended at a breakpoint or a step (else at Ctrl-C, or an error). */
    static boolean atBreak(Outcome o) {
        return o.stop() != null && Debugging.isStop(o.stop().raised);
    }

    /** {@code 0  f                       (console)@1:39          (car y)}: gsi's frame line; {@code sep} joins line and column. */
    private String frameLine(Level l, int i, char sep) {
        Stop.At at = l.stop.frames.get(i);
        Where w = at.where();
        String proc = w == null || w.procName() == null ? "(interaction)" : w.procName();
        Object call = vm.callOf(l.stop, i);
        // Columns as gsi's; a name or place longer than its column still gets a space after it.
        String line = String.format("%-3d%-23s %-23s %s", i, proc, place(w == null ? null : w.src(), sep),
                call == null ? "" : vm.showResult(call));
        return line.stripTrailing();
    }

    private static String place(Src s, char sep) {
        if (s == null) return "";
        String f = s.file().startsWith("(") ? s.file() : "\"" + s.file() + "\"";
        return f + "@" + s.line() + sep + s.col();
    }

    /** gsi's {@code ,b} (and {@code ,be}: each frame's variables under it). */
    private String backtrace(Level l, boolean withVariables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < l.frames(); i++) {
            sb.append(frameLine(l, i, ':')).append('\n');
            if (withVariables) sb.append(variables(l, i, "        "));
        }
        return sb.toString();
    }

    /** {@code y = 10}, one line per variable in scope, innermost first. */
    private String variables(Level l, int frame, String indent) {
        StringBuilder sb = new StringBuilder();
        for (Machine.Variable v : vm.variables(l.stop, frame)) {
            sb.append(indent).append(v.name()).append(" = ").append(vm.showResult(v.value())).append('\n');
        }
        return sb.toString();
    }

    /** {@code ,i}: the procedure of the current frame, by name, and its value when it is a global. */
    private String procedure(Level l) {
        Where w = l.stop.frames.get(l.frame).where();
        if (w == null || w.procName() == null) return "(interaction): the frame is at the top level\n";
        Object p = vm.lookup(w.procName());
        if (p == null) return w.procName() + "\n";
        String source = vm.sourceOf(p);
        return vm.showResult(p) + (source == null ? "" : " =\n" + source.stripTrailing()) + "\n";
    }
}
