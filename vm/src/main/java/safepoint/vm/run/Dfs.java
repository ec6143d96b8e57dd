package safepoint.vm.run;

import safepoint.vm.interp.SliceEnd;
import safepoint.vm.smp.SThread;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the exhaustive search ({@link DfsSearch}): choices happen only at sync points (and
 * where a thread leaves its processor); the run follows a given prefix of decisions, then takes
 * the default at every later one: the thread that ran last goes on, so the defaults add no
 * preemption. It records each decision with the alternatives it did not take and what each
 * would cost in preemptions, from which the search builds the next runs.
 *
 * <p>A preemption is a switch to another processor while the thread that ran last could go on.
 * A thread that failed a spinlock try or yielded gives way: switching away from it is free, and
 * running it again at once is not offered (it would change nothing), so spin loops do not make
 * the search infinite.
 */
public final class Dfs implements Strategy {
    /** A decision: the processor taken, the others possible with their cost, preemptions before it. */
    public record Decision(int chosen, int[] others, int[] costs, int preemptionsBefore) {}

    private final int[] prefix;
    public final List<Decision> decisions = new ArrayList<>();
    int preemptions;
    private int lastP = -1;
    private SThread lastThread;
    private boolean sync = true;
    private boolean gaveWay;
    private String divergence;

    Dfs(int[] prefix) {
        this.prefix = prefix == null ? new int[0] : prefix;
    }

    @Override
    public Slice next(Controller c, List<Integer> can) {
        boolean lastGoesOn = lastP >= 0 && can.contains(lastP) && c.on(lastP) == lastThread;
        if (lastGoesOn && !sync && !gaveWay) return new Slice(lastP, Controller.HEARTBEAT); // no sync point since: nothing to choose
        List<Integer> options = new ArrayList<>(can);
        if (gaveWay && lastGoesOn && options.size() > 1) options.remove(Integer.valueOf(lastP));
        if (options.size() == 1) return new Slice(options.get(0), Controller.HEARTBEAT);
        boolean free = !lastGoesOn || gaveWay;
        int dflt = options.contains(lastP) && lastGoesOn ? lastP : options.get(0);
        int index = decisions.size();
        int chosen = index < prefix.length ? prefix[index] : dflt;
        if (!options.contains(chosen)) {
            divergence = "decision " + index + " expected P" + chosen + " to be runnable";
            return null;
        }
        int[] others = new int[options.size() - 1];
        int[] costs = new int[others.length];
        int j = 0;
        for (int q : options) {
            if (q == chosen) continue;
            others[j] = q;
            costs[j++] = free || q == lastP ? 0 : 1;
        }
        decisions.add(new Decision(chosen, others, costs, preemptions));
        if (!free && chosen != lastP) preemptions++;
        return new Slice(chosen, Controller.HEARTBEAT);
    }

    /** Which ready thread an idle processor takes is a free decision (no thread is preempted). */
    @Override
    public int pickThread(Controller c, int p, List<SThread> candidates) {
        int index = decisions.size();
        int chosen = index < prefix.length ? prefix[index] : 0;
        if (chosen >= candidates.size()) {
            divergence = "decision " + index + " expected thread choice " + chosen + " among " + candidates.size();
            return -1;
        }
        int[] others = new int[candidates.size() - 1];
        int j = 0;
        for (int i = 0; i < candidates.size(); i++) if (i != chosen) others[j++] = i;
        decisions.add(new Decision(chosen, others, new int[others.length], preemptions));
        return chosen;
    }

    @Override
    public boolean stopsAtSync() {
        return true;
    }

    @Override
    public void ran(Controller c, int p, SThread t, SliceEnd end, boolean sync, long used) {
        lastP = p;
        lastThread = t;
        this.sync = sync;
        gaveWay = t.interp.spinningOn != null || end == SliceEnd.YIELDED;
    }

    @Override
    public Outcome stopped(Controller c) {
        return new Outcome(Outcome.Status.ERROR, null, "*** dfs diverged at step " + c.steps() + ": " + divergence
                + " (the program is not deterministic under a fixed schedule)", 2);
    }
}
