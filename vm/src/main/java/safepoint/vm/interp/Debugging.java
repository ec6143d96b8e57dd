package safepoint.vm.interp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;
import safepoint.vm.print.Printer;

/**
 * Gambit's breakpoints, tracing and single stepping ({@code break}, {@code unbreak},
 * {@code trace}, {@code untrace}, {@code step}), at procedure entries: a procedure's
 * {@link Lambda#debug} flags say what its entry does, and {@link Interp#stepping} whether its
 * thread stops at the next entry. A stop is not an exception (no handler sees it): the thread
 * halts as at an uncaught error, with {@link Interp.AfterInterrupt} on its continuation, so a
 * debugger level shows its frame and variables and {@code ,c} runs the body from its start.
 *
 * <p>Where Safepoint differs from gsi, on purpose: gsi steps at every subexpression; this
 * machine steps from one procedure entry to the next (its nodes are not the places a person
 * reads), and {@code ,l} leaps over every call the stopped procedure makes.
 * The flags belong to a procedure's code, so every closure of one lambda breaks or traces.
 */
public final class Debugging {
    /** {@link Lambda#debug}: stop at entry. */
    public static final int BREAK = 1;
    /** {@link Lambda#debug}: print each call and its value. */
    public static final int TRACE = 2;

    /** What a thread's next procedure entry does (Interp.stepping). */
    public enum Step {
        /** Run on. */
        NONE,
        /** Stop at the next entry, at any depth ({@code (step)}, {@code ,s}). */
        INTO,
        /**
         * Stop at the next entry that is not inside a call the stopped procedure makes ({@code ,l}):
         * its tail call, or the next call its caller makes.
         */
        OVER
    }

    /** The message of a stop at a breakpoint or step: a debugger level names it {@code STOPPED}. */
    static final String STOPPED = "Stopped at a breakpoint";

    /** Whether {@code raised} (what halted a thread) is a breakpoint's or a step's stop, not an error. */
    public static boolean isStop(Object raised) {
        return raised instanceof Condition c && c.kind == Condition.Kind.OTHER && STOPPED.equals(c.message());
    }

    private final Set<Closure> breaking = new LinkedHashSet<>();
    private final Set<Closure> tracing = new LinkedHashSet<>();

    private Debugging() {}

    /** Called by {@link Interp#enter} when {@code l} has flags or the thread steps; {@code env} is the callee's new frame. */
    static void entered(Interp m, Lambda l, Object[] env) {
        if ((l.debug & TRACE) != 0) {
            boolean tail = m.k instanceof TraceReturn;
            int level = tail ? ((TraceReturn) m.k).level : traceLevel(m.k) + 1;
            m.currentOutput().write(bars(level) + "> " + Printer.write(call(l, env), m.serials()) + "\n");
            if (!tail) m.push(new TraceReturn(level));
        }
        boolean stop = (l.debug & BREAK) != 0;
        if (!stop && m.stepping == Step.INTO) stop = true;
        if (!stop && m.stepping == Step.OVER) stop = depth(m.k) <= m.leapDepth;
        if (!stop) return;
        m.stepping = Step.NONE;
        m.push(new Interp.AfterInterrupt(m.pc, m.env));
        m.uncaught = new Condition(Condition.Kind.OTHER, STOPPED, List.of(), null, List.of(), 0);
        m.uncaughtWhere = entryWhere(l);
        m.halted = true;
        m.fuel = 0;
    }

    /**
     * A stopped computation goes on ({@code ,s}, {@code ,l}): {@code m} holds its resumed registers,
     * the frame that resumes the body on top of its continuation.
     */
    public static void stepFrom(Interp m, Step how) {
        m.stepping = how;
        // The stopped procedure's own continuation: entries deeper than it are its calls, which OVER leaps.
        m.leapDepth = depth(m.k instanceof Interp.AfterInterrupt a ? a.next : m.k);
    }

    private static int depth(Frame k) {
        int n = 0;
        for (Frame f = k; f != null; f = f.next) n++;
        return n;
    }

    /** Where a stop at {@code l}'s entry stands: its body's first call when it has one (gsi's place), with the variables in scope. */
    private static Where entryWhere(Lambda l) {
        Node n = l.body;
        while (n instanceof Blocks.Seq s && s.body.length > 0) n = s.body[0];
        Where w = n.where();
        if (w != null && w.src() != null) return new Where(l.name, w.src(), w.locals() != null ? w.locals() : l.locals, w.form());
        return new Where(l.name, l.src, l.locals, null);
    }

    /** A procedure's {@code (lambda ...)} as written, or null when it is not written in Scheme. */
    public static Object source(Object procedure) {
        return procedure instanceof Closure c ? c.lambda.source : null;
    }

    private static int traceLevel(Frame k) {
        for (Frame f = k; f != null; f = f.next) if (f instanceof TraceReturn t) return t.level;
        return 0;
    }

    private static String bars(int level) {
        return "| ".repeat(level);
    }

    /** The call as gsi shows it: {@code (f 3 '(1 2))}, the arguments quoted where they would not evaluate to themselves. */
    private static Object call(Lambda l, Object[] env) {
        List<Object> items = new ArrayList<>();
        items.add(Symbol.of(l.name == null ? "(lambda)" : l.name));
        int slot = 1;
        for (int i = 0; i < l.nreq; i++) items.add(quoted(env[slot++]));
        for (int i = 0; i < l.nopt; i++) {
            Object v = env[slot++];
            if (v != Special.DEFAULT) items.add(quoted(v));
        }
        if (l.keys != null) slot += l.keys.length;
        if (l.rest) for (Object r = env[slot]; r instanceof Pair p; r = p.cdr) items.add(quoted(p.car));
        Object list = Nil.NIL;
        for (int i = items.size() - 1; i >= 0; i--) list = new Pair(items.get(i), list);
        return list;
    }

    private static final Symbol QUOTE = Symbol.of("quote");

    private static Object quoted(Object v) {
        boolean self = !(v instanceof Pair || v instanceof Symbol || v == Nil.NIL);
        return self ? v : new Pair(QUOTE, new Pair(v, Nil.NIL));
    }

    /** Below a traced call: prints its value, at its level, on the way out. */
    static final class TraceReturn extends Frame {
        final int level;

        TraceReturn(int level) {
            this.level = level;
        }

        @Override
        public void resume(Interp m) {
            m.currentOutput().write(bars(level) + Printer.write(m.val, m.serials()) + "\n");
        }
    }

    /** The primitives of one machine: its breakpoints and traced procedures are kept here. */
    public static List<ControlPrim> primitives() {
        Debugging d = new Debugging();
        return List.of(
                d.marker("break", BREAK, d.breaking, true),
                d.marker("unbreak", BREAK, d.breaking, false),
                d.marker("trace", TRACE, d.tracing, true),
                d.marker("untrace", TRACE, d.tracing, false),
                new ControlPrim("step", 0, 0) {
                    @Override
                    public void invoke(Interp m, Object[] a) {
                        m.stepping = Step.INTO;
                        m.val = Special.VOID;
                    }
                });
    }

    /**
     * {@code (trace f ...)} and the others: with procedures, set or clear {@code flag} on each
     * (gsi: only interpreted procedures); with none, {@code trace}/{@code break} list what is
     * marked and {@code untrace}/{@code unbreak} clear them all.
     */
    private ControlPrim marker(String name, int flag, Set<Closure> marked, boolean on) {
        return new ControlPrim(name, 0, -1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                for (int i = 0; i < a.length; i++) {
                    if (!(a[i] instanceof Closure)) throw Condition.typeError(name, i + 1, "Interpreted PROCEDURE", a);
                }
                if (a.length == 0 && on) {
                    Object list = Nil.NIL;
                    List<Closure> all = new ArrayList<>(marked);
                    for (int i = all.size() - 1; i >= 0; i--) list = new Pair(all.get(i), list);
                    m.val = list;
                    return;
                }
                List<Closure> targets = new ArrayList<>();
                if (a.length == 0) targets.addAll(marked);
                for (Object o : a) targets.add((Closure) o);
                for (Closure c : targets) {
                    if (on) {
                        c.lambda.debug |= flag;
                        marked.add(c);
                    } else {
                        c.lambda.debug &= ~flag;
                        marked.remove(c);
                    }
                }
                m.val = Special.VOID;
            }
        };
    }
}
