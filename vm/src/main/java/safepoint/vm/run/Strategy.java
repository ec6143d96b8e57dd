package safepoint.vm.run;

import safepoint.vm.interp.SliceEnd;
import safepoint.vm.smp.SThread;
import java.util.List;

/**
 * How controlled mode chooses: at each choice the controller gives the strategy the runnable
 * processors (ascending, never empty) and the strategy says which one runs next and for at
 * most how many scheduling points. One class per strategy: {@link RandomStrategy},
 * {@link RoundRobin}, {@link Pct}, {@link Replay}, {@link Dfs} and {@link Manual}.
 */
public interface Strategy {
    /** The next slice, or null to stop the run here (a replay that no longer fits, the debugger). */
    Slice next(Controller c, List<Integer> can);

    /**
     * Which thread idle processor {@code p} takes, as an index into {@code candidates} (two or
     * more, in the fixed order: the shared queue, then p's own queue, then one steal from each
     * other processor's queue). -1 stops the run (a replay that no longer fits). Index 0 is the
     * order a real scheduler would follow.
     */
    default int pickThread(Controller c, int p, List<SThread> candidates) {
        return 0;
    }

    /** Whether a slice ends after each sync point, so the strategy can choose there. */
    /** What the running thread's steps touch (a dpor search's dfs run), or null. */
    default safepoint.vm.interp.Footprint footprint() {
        return null;
    }

    default boolean stopsAtSync() {
        return false;
    }

    /** Whether a slice also ends at each allocation point (where a GC may be requested). */
    default boolean stopsAtAllocation() {
        return false;
    }

    /**
     * Told after each slice: the processor, the thread that ran, what ended the slice, whether
     * it passed a sync point, and the points used.
     */
    default void ran(Controller c, int p, SThread t, SliceEnd end, boolean sync, long used) {}

    /**
     * Nothing can run and no timer will fire (every thread waits, for input or for each other):
     * true lets the controller go on as usual (wait for input, or prove the deadlock); false
     * stops the run here, as {@link #stopped} says. The debugger's stepper decides there.
     */
    default boolean goOnWhenIdle(Controller c) {
        return true;
    }

    /** Why the run stopped when {@link #next} returned null. */
    default Outcome stopped(Controller c) {
        return null;
    }

    /** A choice: processor {@code processor} runs at most {@code points} scheduling points. */
    record Slice(int processor, long points) {}

    /** A fresh strategy for one run of controlled mode {@code c}. */
    static Strategy of(RunSettings.Control c) {
        Chooser ch = c.chooser();
        if (ch instanceof Chooser.RoundRobin) return new RoundRobin();
        if (ch instanceof Chooser.Pct p) return new Pct(c.seed(), p.depth(), p.k());
        if (ch instanceof Chooser.Dfs d) return new Dfs(d.prefix(), d.footprints());
        if (ch instanceof Chooser.Replay r) return new Replay(r);
        if (ch instanceof Chooser.Manual m) return new Manual(m.stepper());
        return new RandomStrategy(c.seed());
    }
}
