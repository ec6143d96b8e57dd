package safepoint.vm.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * A computation stopped where a raise found no handler (an uncaught error, or Ctrl-C at a poll):
 * its registers as they were, so that a debugger level can show its frames, evaluate in any
 * frame's environment with its dynamic state, and continue it with a value (Gambit's nested REPL,
 * {@code ,(c X)}). Taken once, when the run ends; nothing here runs it again by itself.
 */
public final class Stop {
    /** What was raised. */
    public final Object raised;
    /** The frames, innermost (the raise point, frame 0) first. */
    public final List<At> frames;
    final Winder winders;
    final Object handlers;
    final DynBinding params;

    /**
     * One frame: where its call sits ({@code where}, with the variables in scope), its environment,
     * and the continuation that takes a value for it ({@code k}: resuming it with X makes X the value
     * of that call).
     */
    public record At(Where where, Object[] env, Frame k) {}

    private Stop(Object raised, List<At> frames, Winder winders, Object handlers, DynBinding params) {
        this.raised = raised;
        this.frames = List.copyOf(frames);
        this.winders = winders;
        this.handlers = handlers;
        this.params = params;
    }

    /** The most frames a stop keeps (Gambit elides past 15 in ,b; a level can move among these). */
    static final int MAX_FRAMES = 200;

    /** The stop of {@code m}, which halted on a raise with no handler; null when it did not. */
    public static Stop of(Interp m) {
        if (m.uncaught == null) return null;
        List<At> frames = new ArrayList<>();
        Where at = m.uncaughtWhere != null ? m.uncaughtWhere : m.lastRaiseWhere;
        frames.add(new At(at, m.env, m.k));
        callers(m, at, frames);
        return new Stop(m.uncaught, frames, m.winders, m.handlers, m.params);
    }

    /**
     * A look at a live thread's registers, between two steps of a paused world (the debugger
     * visits it from the inspector or ,(v T)): its frames, innermost first, where it waits or
     * was preempted. Nothing was raised; such a stop is never continued (the world runs the
     * thread), only shown and evaluated in.
     */
    public static Stop live(Interp m) {
        List<At> frames = new ArrayList<>();
        Where at = m.blockedAt == null ? null : m.blockedAt.where();
        if (at != null) frames.add(new At(at, m.env, m.k));
        callers(m, at, frames);
        if (frames.isEmpty()) frames.add(new At(null, m.env, m.k));
        return new Stop(null, frames, m.winders, m.handlers, m.params);
    }

    /** The frames awaiting a value in {@code m}'s continuation, after the innermost place {@code at}. */
    private static void callers(Interp m, Where at, List<At> frames) {
        Where last = at;
        Object[] lastEnv = m.env;
        for (Frame f = m.k; f != null && frames.size() < MAX_FRAMES; f = f.next) {
            Where w = f.where();
            Object[] env = f instanceof EnvFrame e ? e.env : null;
            // One call of one activation can wait in several frames; a recursion's activations are each a frame.
            if (w == null || w.src() == null || (w.equals(last) && env == lastEnv)) continue;
            last = w;
            lastEnv = env;
            frames.add(new At(w, env, f));
        }
    }

    /** Whether this is a look at a live thread ({@link #live}): nothing to continue. */
    public boolean isLive() {
        return raised == null;
    }

    /** Whether Ctrl-C stopped it at a poll (then {@code ,c} goes on from there); else an error did. */
    public boolean interrupted() {
        return frames.get(0).k() instanceof Interp.AfterInterrupt;
    }

    /**
     * The frame that {@code ,(c X)} gives X at {@code frame}: frame 0 of a stop at a procedure's
     * entry (Ctrl-C at its poll, a breakpoint, a step) returns X from that procedure, so the
     * frame that would run its body is left out; any other frame is itself.
     */
    public At returning(int frame) {
        At at = frames.get(frame);
        if (frame == 0 && at.k instanceof Interp.AfterInterrupt a) return new At(at.where, at.env, a.next);
        return at;
    }

    /** Every object the stop keeps alive (the collector's roots while a level is open). */
    public void forEachRoot(java.util.function.Consumer<Object> visit) {
        visit.accept(raised);
        for (At a : frames) {
            if (a.env != null) visit.accept(a.env);
            if (a.k != null) visit.accept(a.k);
        }
        visit.accept(handlers);
        if (params != null) visit.accept(params);
        if (winders != null) visit.accept(winders);
    }

    /** Run {@code code} in frame {@code at}'s environment, with the stop's dynamic state, on {@code m}. */
    public void evalIn(Interp m, Node code, At at) {
        m.start(code, at.env);
        dynamic(m);
    }

    /**
     * Continue the stopped computation on {@code m}: {@code value} becomes the value of frame
     * {@code at}'s call, and what waited for it goes on, up to the end of the stopped evaluation.
     */
    public void resume(Interp m, At at, Object value) {
        m.start(null, at.env);
        if (at.k != null) at.k.captured = true; // it may be resumed again from this stop: frames copy before they mutate
        m.k = at.k;
        m.val = value;
        dynamic(m);
    }

    private void dynamic(Interp m) {
        m.winders = winders;
        m.handlers = handlers;
        m.params = params;
    }
}
