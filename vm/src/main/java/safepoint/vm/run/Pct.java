package safepoint.vm.run;

import safepoint.vm.interp.SliceEnd;
import safepoint.vm.smp.SThread;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PCT (Burckhardt et al., ASPLOS 2010): random thread priorities; the highest-priority runnable
 * thread runs; at d-1 change points, placed at random among the k sync points of a run, the
 * running thread drops below every other. A bug of depth d shows with probability at least
 * 1/(n·k^(d-1)) per run, so change points sit only at sync, table-step and allocation points.
 */
public final class Pct implements Strategy {
    private final SplittableRandom random;
    private final IdentityHashMap<SThread, Integer> priorities = new IdentityHashMap<>();
    private final long[] changePoints;
    private long syncPoints;
    private int nextLow;

    /** k when no run has measured it: the sync points PCT assumes a run has. */
    public static final long DEFAULT_K = 1000;

    /** d when the command line does not say (--depth). */
    public static final int DEFAULT_DEPTH = 3;

    Pct(long seed, int depth, long k) {
        random = new SplittableRandom(seed);
        changePoints = new long[Math.max(0, depth - 1)];
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < changePoints.length; i++) changePoints[i] = 1 + r.nextLong(k);
        nextLow = changePoints.length; // priorities below every initial one: d-1 .. 1
    }

    @Override
    public Slice next(Controller c, List<Integer> can) {
        int best = can.get(0);
        int bestPriority = Integer.MIN_VALUE;
        for (int p : can) {
            int pr = priority(c.on(p));
            if (pr > bestPriority) {
                bestPriority = pr;
                best = p;
            }
        }
        return new Slice(best, Controller.HEARTBEAT);
    }

    /** PCT runs the highest-priority thread: an idle processor takes the highest-priority ready one. */
    @Override
    public int pickThread(Controller c, int p, List<SThread> candidates) {
        int best = 0;
        for (int i = 1; i < candidates.size(); i++) if (priority(candidates.get(i)) > priority(candidates.get(best))) best = i;
        return best;
    }

    private int priority(SThread t) {
        return priorities.computeIfAbsent(t, x -> changePoints.length + 1 + random.nextInt(1 << 20));
    }

    @Override
    public boolean stopsAtSync() {
        return true;
    }

    /** Change points sit at sync, table-step and allocation points (the rule for PCT). */
    @Override
    public boolean stopsAtAllocation() {
        return true;
    }

    @Override
    public void ran(Controller c, int p, SThread t, SliceEnd end, boolean sync, long used) {
        syncPoints++;
        for (long cp : changePoints) {
            if (cp == syncPoints) priorities.put(t, nextLow--); // a change point: the running thread drops below all
        }
    }

    public long syncPoints() {
        return syncPoints;
    }

    /** PCT's guarantee for n threads: a bug of depth d shows with probability at least 1/(n·k^(d-1)). */
    public static String bound(int threads, long k, int d) {
        return String.format(java.util.Locale.ROOT, "PCT bound: each run finds a depth-%d bug with probability >= 1/(%d*%d^%d) = %.3g",
                d, threads, k, d - 1, 1.0 / (threads * Math.pow(k, d - 1)));
    }
}
