package safepoint.vm.search;

import safepoint.vm.Machine;
import safepoint.vm.analysis.Warning;
import safepoint.vm.run.Chooser;
import safepoint.vm.run.Dfs;
import safepoint.vm.run.Outcome;
import safepoint.vm.run.StepLog;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The dfs search with dynamic partial-order reduction ({@code explore --strategy dfs}, the
 * default {@code --reduction dpor}): Flanagan and Godefroid's DPOR (POPL 2005) over the same
 * decisions as {@link DfsSearch}, under the same preemption bound. Two schedules that differ only
 * in the order of independent steps reach the same state; it runs one of them.
 *
 * <p><b>The search.</b> Depth first and stateless: each run starts from the checkpoint and
 * replays a prefix of decisions, then takes the defaults (no preemption). The search keeps only
 * the current path: one {@link Node} per decision (its options, their cost in preemptions, the
 * ones done, the backtrack set), never the schedules run, so its memory is the length of one
 * run, however many it runs. After each run it reads the run's steps and footprints
 * ({@link StepLog}): for each step j, the latest earlier step i of another thread
 * that is dependent with j and does not happen before it (the happens-before order is program
 * order per thread, plus dependence, plus the step that started a thread
 * before that thread's first step, by vector clocks) is a race.
 * The reversal of the race needs one of its initials to run at i's decision: j's thread, or a
 * thread whose first step after i that does not happen after i has none such before it
 * (source-set DPOR, Abdulla et al., POPL 2014). The search adds one of them, within the bound,
 * to the backtrack set of i's decision unless it holds one already; every option when no option
 * runs any of them (FG's "all enabled"); the same at the thread choice that put i's thread on
 * its processor, if one did. Then it backtracks to the deepest decision with a backtrack option
 * not done whose cost keeps the run within the bound.
 *
 * <p>Why the start edge matters: a thread's first step always depends on the spawn that started
 * it (both write the thread); as a race its reversal cannot be run (the thread does not exist
 * before), so FG added every option there, on every run. The same edge from a waker to the
 * woken thread's next step was tried and hid failures (DporPropertiesTest): a wake stays a race.
 *
 * <p><b>Dependence.</b> Two steps are dependent when they are of one thread, when either is
 * unknown, or when one writes an object the other reads or writes ({@link StepLog.Step}). A
 * sync operation writes its thread and its objects (mutex, condition variable, thread joined or
 * started); a table operation and a spinlock try write the table or lock; marked accesses read or
 * write their location; a global assigned by set! is read and written; the end of a thread writes
 * it; the scheduler's queues are written by a step that changes who waits to run and by the first
 * step of a thread on a processor. Unknown (dependent with all): mutator primitives (a name ending
 * in !), set! of a local variable, definitions at run time, timed waits (they read the clock every
 * step moves), and every step while a collection is pending or that asked for one, so the GC
 * barrier's interleavings are all run and its deadlocks found as plain dfs finds them. Not
 * modelled: object addresses and serial numbers (they depend on allocation order; two schedules
 * that differ only in them count as one).
 *
 * <p><b>Under a preemption bound.</b> DPOR alone is not complete for a bound: the reversal of a
 * race at i's decision may cost a preemption the bound does not allow, while the same reversal
 * earlier, where a thread left its processor anyway, costs none. As loom does (and Coons,
 * Musuvathi and McKinley's bounded POR), each backtrack point is also added at the latest
 * earlier step where the running thread changed (a context switch, or the first step): a switch
 * to the other thread there is as cheap as any switch can be, so every schedule within the bound
 * has an equivalent one the search runs.
 *
 * <p><b>Sleep sets, made safe for the bound.</b> Godefroid's sleep sets as they stand are not
 * sound under a preemption bound: moving a step earlier can cost a preemption (its thread, cut
 * off after it, could have gone on). Here what sleeps is a block: an option's thread's steps
 * from a decision until it stopped (blocked, ended, yielded, gave way at a spinlock), as the run
 * that first took that option ran them, without a switch (a run takes the defaults after its
 * prefix). After option a was explored at a decision, a later option b there puts a to sleep
 * when a's block stopped and cost no more than b; a sleeps down b's subtree until a step of
 * its thread, an unknown step, or a step that conflicts with the block. An option whose thread
 * sleeps is not run. Why that loses nothing within the bound: a schedule E of b's subtree that
 * runs a's block later, after steps independent of it, has the equivalent E' that runs the block
 * first, in a's subtree; E' costs no more, for the switch into a costs no more than b did, the
 * switch out of a's last step is free (it stopped), and taking a's steps out of their later
 * place never adds a preemption (x·a·y costs at least what x·y does). A thread choice wakes
 * every sleeper (kept simple). Steps while a collection is pending are unknown and wake all, so
 * the barrier's deadlocks are still found. A step that gave way (a yield, a failed spinlock try)
 * wakes every sleeper: its thread is not offered again at once, so x·a·y with x ending in a
 * give-way has no a·x·y when y begins with that thread (DporPropertiesTest found it).
 *
 * <p><b>Processors.</b> Two steps on one processor are not ordered by it: which thread a
 * processor takes is a choice, and the steps of two threads it ran one after the other can race
 * (the thread choice there is where the reversal is run). Ordering them hid failures that plain
 * dfs finds without preemption.
 *
 * <p><b>Fewest preemptions.</b> One pass with the whole bound proves a program. When a pass finds
 * a failure with k preemptions, passes with bounds 0..k-1 look for one with fewer, so the failure
 * reported has the fewest preemptions of any failure within the bound (as plain dfs's levels
 * give). One worker: the search is one path.
 *
 * <p>One thread: no locking.
 */
public final class DporSearch {
    private DporSearch() {}

    /** One decision on the current path. */
    static final class Node {
        final Dfs.Decision d;
        /** Option k: 0 is the decision's default, 1.. its others. */
        final BitSet done = new BitSet();
        final BitSet backtrack = new BitSet();
        final BitSet explored = new BitSet();
        final Sleeper[] blocks;
        int current;

        Node(Dfs.Decision d) {
            this.d = d;
            done.set(0);
            backtrack.set(0);
            explored.set(0);
            blocks = new Sleeper[d.others().length + 1];
        }

        int size() {
            return d.others().length + 1;
        }

        int value(int k) {
            return k == 0 ? d.chosen() : d.others()[k - 1];
        }

        int thread(int k) {
            return k == 0 ? d.chosenThread() : d.otherThreads()[k - 1];
        }

        int cost(int k) {
            return d.preemptionsBefore() + (k == 0 ? 0 : d.costs()[k - 1]);
        }

        /**
         * Make the backtrack set hold an option within the bound that runs one of {@code threads}
         * (the reversal's initials, the racing thread first): nothing when it holds one already,
         * else the first such option; all options when none runs any of them (FG's "all
         * enabled"). An option beyond the bound is never run, so it does not count as held.
         */
        void add(int[] threads, int bound) {
            int first = -1;
            boolean any = false;
            for (int t : threads) {
                for (int k = 0; k < size(); k++) {
                    if (thread(k) != t) continue;
                    any = true;
                    if (cost(k) > bound) continue;
                    if (backtrack.get(k)) return;
                    if (first < 0) first = k;
                }
            }
            if (first >= 0) backtrack.set(first);
            else if (!any) backtrack.set(0, size());
        }
    }

    /**
     * A thread's steps from a decision until it stopped (blocked, ended, gave way), run there
     * without a switch: what the sleep sets hold. {@code sleepable} is false when a step was
     * unknown or the run ended before the thread stopped.
     */
    record Sleeper(int thread, Object[] reads, Object[] writes, boolean sleepable) {
        static Sleeper of(List<StepLog.Step> steps, int from) {
            int thread = steps.get(from).thread();
            java.util.Set<Object> r = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            java.util.Set<Object> w = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int i = from; i < steps.size(); i++) {
                StepLog.Step s = steps.get(i);
                if (s.thread() != thread || s.unknown()) break;
                r.addAll(java.util.Arrays.asList(s.reads()));
                w.addAll(java.util.Arrays.asList(s.writes()));
                if (s.stops()) return new Sleeper(thread, r.toArray(), w.toArray(), true);
            }
            return new Sleeper(thread, new Object[0], new Object[0], false);
        }

        /** Whether {@code s} wakes it: a step of its thread, an unknown one, or one that conflicts with its steps. */
        boolean wokenBy(StepLog.Step s) {
            return s.thread() == thread || s.unknown() || Races.conflict(writes, s.writes()) || Races.conflict(writes, s.reads())
                    || Races.conflict(reads, s.writes());
        }
    }

    /** Search within the bound; see the class comment. {@code ran} hears of every run that warned, in the pass that decided. */
    public static DfsSearch.Result search(ProgramRuns runs, int bound, long maxSteps, long maxRuns, Predicate<Outcome> sought,
            BooleanSupplier stop, Consumer<WarnedRuns> ran) {
        return search(runs, 0, bound, maxSteps, maxRuns, sought, stop, ran);
    }

    /** The same with the VM's generator seeded with {@code machineSeed} (a shrink keeps the failing run's). */
    public static DfsSearch.Result search(ProgramRuns runs, long machineSeed, int bound, long maxSteps, long maxRuns, Predicate<Outcome> sought,
            BooleanSupplier stop, Consumer<WarnedRuns> ran) {
        Pass top = new Pass(runs, machineSeed, bound, maxSteps, maxRuns, sought, stop);
        top.run();
        long schedules = top.taken;
        long inconclusive = top.inconclusive;
        Pass found = top;
        for (int b = 0; top.failure != null && b < top.failurePreemptions; b++) {
            Pass lower = new Pass(runs, machineSeed, b, maxSteps, maxRuns - schedules, sought, stop);
            lower.run();
            schedules += lower.taken;
            inconclusive += lower.inconclusive;
            if (lower.failure != null) {
                found = lower;
                break;
            }
        }
        ran.accept(found.warned);
        if (found.failure == null) return new DfsSearch.Result(schedules, inconclusive, top.complete, null, null, 0, false, null);
        Outcome o = found.failure;
        return new DfsSearch.Result(schedules, inconclusive, false, o, o.report().choices(), found.failurePreemptions,
                o.failedBeforeAnyChoice(), found.failingRun);
    }

    /** One depth-first pass with one bound. */
    private static final class Pass {
        final ProgramRuns runs;
        final long machineSeed;
        final int bound;
        final long maxSteps;
        final long maxRuns;
        final Predicate<Outcome> sought;
        final BooleanSupplier stop;
        final List<Node> path = new ArrayList<>();
        List<List<Sleeper>> sleep = List.of();
        long taken;
        long inconclusive;
        boolean complete;
        Outcome failure;
        int failurePreemptions;
        DfsSearch.Run failingRun;
        /** The warnings of its runs, each once (a pass ends at its first failure: every run is before it). */
        final WarnedRuns warned = new WarnedRuns();

        Pass(ProgramRuns runs, long machineSeed, int bound, long maxSteps, long maxRuns, Predicate<Outcome> sought, BooleanSupplier stop) {
            this.runs = runs;
            this.machineSeed = machineSeed;
            this.bound = bound;
            this.maxSteps = maxSteps;
            this.maxRuns = maxRuns;
            this.sought = sought;
            this.stop = stop;
        }

        void run() {
            int[] prefix = new int[0];
            while (prefix != null) {
                if (taken >= maxRuns || stop.getAsBoolean() || Thread.currentThread().isInterrupted()) return;
                Machine vm = runs.next(machineSeed);
                vm.configure(vm.settings().controlled(0, new Chooser.Dfs(prefix, true)).withMaxSteps(maxSteps));
                Outcome o = runs.run();
                taken++;
                List<Dfs.Decision> ds = o.report().dfsDecisions();
                for (int i = path.size(); i < ds.size(); i++) path.add(new Node(ds.get(i)));
                DfsSearch.Run run = new DfsSearch.Run(o.report().preemptions(), prefix);
                warned.note(run, o.warnings());
                if ((o.status() == Outcome.Status.ERROR || o.status() == Outcome.Status.DEADLOCK) && sought.test(o)) {
                    failure = o;
                    failurePreemptions = o.report().preemptions();
                    failingRun = run;
                    return;
                }
                if (o.status() == Outcome.Status.TIMEOUT) inconclusive++;
                List<StepLog.Step> steps = o.report().dfsSteps();
                Races.backtrack(steps, path, bound);
                sleep = Sleep.along(steps, path, prefix.length);
                prefix = next(ds.size());
            }
            complete = true;
        }

        /** The prefix of the next run: the deepest decision with a backtrack option not done, within the bound; null when none. */
        private int[] next(int length) {
            while (path.size() > length) path.remove(path.size() - 1); // a run shorter than the path (cannot happen in a deterministic program)
            for (int i = path.size() - 1; i >= 0; i--) {
                Node n = path.get(i);
                for (int k = n.backtrack.nextSetBit(0); k >= 0; k = n.backtrack.nextSetBit(k + 1)) {
                    if (n.done.get(k)) continue;
                    n.done.set(k);
                    if (n.cost(k) > bound || Sleep.asleep(sleep, i, n.thread(k))) continue;
                    n.current = k;
                    n.explored.set(k);
                    while (path.size() > i + 1) path.remove(path.size() - 1);
                    int[] p = new int[i + 1];
                    for (int x = 0; x <= i; x++) p[x] = path.get(x).value(path.get(x).current);
                    return p;
                }
            }
            return null;
        }
    }

    /** The sleep sets along the path after a run (see the class comment). */
    static final class Sleep {
        private Sleep() {}

        /**
         * Record the blocks of the options this run took first (from the last decision of its
         * prefix on, each option ran without a switch until its thread stopped), then walk its
         * steps: at each decision the sleepers are those of the one before, plus the options
         * explored there before the current one whose block stopped and cost no more, minus
         * those the step there wakes. A thread choice wakes all (kept simple).
         */
        static List<List<Sleeper>> along(List<StepLog.Step> steps, List<Node> path, int prefixLength) {
            int[] stepAt = new int[path.size()];
            java.util.Arrays.fill(stepAt, -1);
            for (int j = 0; j < steps.size(); j++) {
                int d = steps.get(j).decision();
                if (d >= 0 && d < path.size()) stepAt[d] = j;
            }
            for (int i = Math.max(0, prefixLength - 1); i < path.size(); i++) {
                Node n = path.get(i);
                if (stepAt[i] >= 0 && !n.d.pick() && n.blocks[n.current] == null) n.blocks[n.current] = Sleeper.of(steps, stepAt[i]);
            }
            List<List<Sleeper>> at = new ArrayList<>();
            for (int i = 0; i < path.size(); i++) at.add(List.of());
            List<Sleeper> asleep = new ArrayList<>();
            for (StepLog.Step s : steps) {
                if (s.pick() >= 0 && s.pick() < path.size()) {
                    at.set(s.pick(), List.copyOf(asleep));
                    asleep.clear();
                }
                int d = s.decision();
                if (d >= 0 && d < path.size()) {
                    at.set(d, List.copyOf(asleep));
                    Node n = path.get(d);
                    if (!n.d.pick()) {
                        for (int k = n.explored.nextSetBit(0); k >= 0; k = n.explored.nextSetBit(k + 1)) {
                            Sleeper b = n.blocks[k];
                            if (k != n.current && b != null && b.sleepable() && n.cost(k) <= n.cost(n.current)) asleep.add(b);
                        }
                    }
                }
                if (s.gaveWay()) asleep.clear(); // see the class comment
                else asleep.removeIf(b -> b.wokenBy(s));
            }
            return at;
        }

        static boolean asleep(List<List<Sleeper>> sleep, int node, int thread) {
            if (node >= sleep.size()) return false;
            for (Sleeper b : sleep.get(node)) if (b.thread() == thread) return true;
            return false;
        }
    }

    /** The race analysis of one run's steps (see the class comment). */
    static final class Races {
        private Races() {}

        static boolean dependent(StepLog.Step a, StepLog.Step b) {
            if (a.thread() == b.thread() || a.unknown() || b.unknown()) return true;
            return conflict(a.writes(), b.writes()) || conflict(a.writes(), b.reads()) || conflict(a.reads(), b.writes());
        }

        static boolean conflict(Object[] x, Object[] y) {
            for (Object a : x) for (Object b : y) if (a == b) return true;
            return false;
        }

        /** Add the backtrack points of every race in {@code steps} to the nodes of {@code path}. */
        static void backtrack(List<StepLog.Step> steps, List<Node> path, int bound) {
            int n = steps.size();
            int threads = 0;
            for (StepLog.Step s : steps) {
                threads = Math.max(threads, s.thread() + 1);
            }
            // Vector clocks over threads: clock[j][t] = how many of t's steps happen before or at j.
            int[][] clock = new int[n][];
            int[] lastOfThread = new int[threads];
            java.util.Arrays.fill(lastOfThread, -1);
            int[] ordinal = new int[n];
            int[] enabler = new int[threads];
            java.util.Arrays.fill(enabler, -1);
            for (int j = 0; j < n; j++) {
                StepLog.Step s = steps.get(j);
                int[] c = new int[threads];
                if (lastOfThread[s.thread()] >= 0) join(c, clock[lastOfThread[s.thread()]]);
                if (enabler[s.thread()] >= 0) join(c, clock[enabler[s.thread()]]);
                enabler[s.thread()] = -1;
                int race = -1;
                for (int i = j - 1; i >= 0; i--) {
                    StepLog.Step e = steps.get(i);
                    if (!dependent(e, s)) continue;
                    boolean before = c[e.thread()] >= ordinal[i];
                    if (!before && race < 0 && e.thread() != s.thread()) race = i;
                    join(c, clock[i]);
                }
                ordinal[j] = c[s.thread()] + 1;
                c[s.thread()] = ordinal[j];
                clock[j] = c;
                lastOfThread[s.thread()] = j;
                for (int t : s.enabled()) if (t < threads && t != s.thread()) enabler[t] = j;
                if (race >= 0) {
                    int[] initials = initials(steps, race, j, clock, ordinal);
                    add(steps, race, initials, path, bound);
                    add(steps, lastSwitch(steps, race), initials, path, bound);
                }
            }
        }

        private static void join(int[] into, int[] other) {
            for (int t = 0; t < into.length; t++) into[t] = Math.max(into[t], other[t]);
        }

        /** The latest step at or before {@code i} where the running thread changed (a context switch), or the first step. */
        private static int lastSwitch(List<StepLog.Step> steps, int i) {
            int k = i;
            while (k > 0 && steps.get(k - 1).thread() == steps.get(k).thread()) k--;
            return Math.max(k, 0);
        }

        /**
         * The threads that can run first in the reversal of the race of steps i and j: j's thread,
         * then each thread whose first step after i that does not happen after i has no such step
         * before it that happens before it (source-set DPOR's initials of notdep(i).j).
         */
        static int[] initials(List<StepLog.Step> steps, int i, int j, int[][] clock, int[] ordinal) {
            int ti = steps.get(i).thread();
            List<Integer> v = new ArrayList<>();
            List<Integer> out = new ArrayList<>();
            out.add(steps.get(j).thread());
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int x = i + 1; x < j; x++) {
                if (clock[x][ti] >= ordinal[i]) continue; // happens after i
                StepLog.Step sx = steps.get(x);
                if (seen.add(sx.thread())) {
                    boolean initial = true;
                    for (int y : v) if (clock[x].length > steps.get(y).thread() && clock[x][steps.get(y).thread()] >= ordinal[y]) initial = false;
                    if (initial && sx.thread() != out.get(0)) out.add(sx.thread());
                }
                v.add(x);
            }
            int[] r = new int[out.size()];
            for (int k = 0; k < r.length; k++) r[k] = out.get(k);
            return r;
        }

        /** Step i's decision and thread choice should also try running one of {@code threads} first. */
        private static void add(List<StepLog.Step> steps, int i, int[] threads, List<Node> path, int bound) {
            StepLog.Step s = steps.get(i);
            if (s.decision() >= 0 && s.decision() < path.size()) path.get(s.decision()).add(threads, bound);
            if (s.pick() >= 0 && s.pick() < path.size()) path.get(s.pick()).add(threads, bound);
        }
    }
}
