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
 *
 * <p>For a dpor search it also keeps a {@link StepLog}: each step's footprint, the thread on
 * each processor a decision offered, and the threads a thread choice offered.
 */
public final class Dfs implements Strategy {
    /**
     * A decision: the processor taken, the others possible with their cost, preemptions before
     * it; whether it is a thread choice (an idle processor takes one of these ready threads:
     * {@code others} are then candidates' positions); the thread (index) each option runs.
     */
    public record Decision(int chosen, int[] others, int[] costs, int preemptionsBefore, boolean pick, int chosenThread,
            int[] otherThreads) {}

    private final int[] prefix;
    public final List<Decision> decisions = new ArrayList<>();
    int preemptions;
    private int lastP = -1;
    private SThread lastThread;
    private boolean sync = true;
    private boolean gaveWay;
    private String divergence;
    /** The steps and footprints, for dpor; null for plain dfs. */
    final StepLog log;
    /** Per processor, the thread choice that put its thread there and that its next step has not yet used (-1: none). */
    private int[] pickedFor = new int[0];

    Dfs(int[] prefix, boolean footprints) {
        this.prefix = prefix == null ? new int[0] : prefix;
        this.log = footprints ? new StepLog() : null;
    }

    @Override
    public Slice next(Controller c, List<Integer> can) {
        boolean lastGoesOn = lastP >= 0 && can.contains(lastP) && c.on(lastP) == lastThread;
        if (lastGoesOn && !sync && !gaveWay) return new Slice(lastP, Controller.HEARTBEAT); // no sync point since: nothing to choose
        int before = decisions.size();
        Slice s = choose(c, can, lastGoesOn);
        if (log != null && s != null) {
            int p = s.processor();
            int pick = p < pickedFor.length ? pickedFor[p] : -1;
            if (pick >= 0) pickedFor[p] = -1;
            log.begin(decisions.size() > before ? before : -1, pick, p, c.on(p).index, c.queues(), c.gcPending());
        }
        return s;
    }

    @Override
    public safepoint.vm.interp.Footprint footprint() {
        return log;
    }

    /** The steps of this run (dpor), or an empty list (plain dfs). */
    public List<StepLog.Step> steps(Controller c) {
        if (log == null) return List.of();
        List<StepLog.Step> all = new ArrayList<>(log.steps(c.queues(), c.gcPending()));
        // The run may end (the program exits, an error, a bound) while threads could still run:
        // their next steps, never taken, are unknown, each on a processor of its own, so that the
        // search also tries them before what ended the run.
        int fake = c.processors();
        for (int t : c.queues()) if (t >= 0) all.add(new StepLog.Step(-1, -1, fake++, t, new Object[0], new Object[0], true, false));
        return all;
    }

    private Slice choose(Controller c, List<Integer> can, boolean lastGoesOn) {
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
        int[] threads = new int[others.length];
        int j = 0;
        for (int q : options) {
            if (q == chosen) continue;
            others[j] = q;
            threads[j] = c.on(q).index;
            costs[j++] = free || q == lastP ? 0 : 1;
        }
        decisions.add(new Decision(chosen, others, costs, preemptions, false, c.on(chosen).index, threads));
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
        int[] threads = new int[others.length];
        int j = 0;
        for (int i = 0; i < candidates.size(); i++) {
            if (i == chosen) continue;
            threads[j] = candidates.get(i).index;
            others[j++] = i;
        }
        if (p >= pickedFor.length) {
            int old = pickedFor.length;
            pickedFor = java.util.Arrays.copyOf(pickedFor, p + 1);
            java.util.Arrays.fill(pickedFor, old, pickedFor.length, -1);
        }
        pickedFor[p] = index;
        decisions.add(new Decision(chosen, others, new int[others.length], preemptions, true, candidates.get(chosen).index, threads));
        return chosen;
    }

    @Override
    public boolean stopsAtSync() {
        return true;
    }

    @Override
    public void ran(Controller c, int p, SThread t, SliceEnd end, boolean sync, long used) {
        if (log != null && end == SliceEnd.HALTED) log.touch(t, true); // its joiners wake
        lastP = p;
        lastThread = t;
        this.sync = sync;
        gaveWay = t.interp.spinningOn != null || end == SliceEnd.YIELDED;
        if (log != null) log.stopped(gaveWay || end == SliceEnd.HALTED || end == SliceEnd.BLOCKED, gaveWay);
    }

    @Override
    public Outcome stopped(Controller c) {
        return new Outcome(Outcome.Status.ERROR, null, "*** dfs diverged at step " + c.steps() + ": " + divergence
                + " (the program is not deterministic under a fixed schedule)", 2);
    }
}
