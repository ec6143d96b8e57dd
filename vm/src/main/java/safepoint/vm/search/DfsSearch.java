package safepoint.vm.search;

import safepoint.vm.run.Outcome;
import safepoint.vm.data.MonitorOrder;
import safepoint.vm.Machine;
import safepoint.vm.run.Chooser;
import safepoint.vm.run.Dfs;
import java.util.ArrayDeque;
import java.util.List;
import safepoint.vm.analysis.Warning;

/**
 * Exhaustive search of a program's schedules with at most K preemptions (CHESS's iterative
 * context bounding, done statelessly: every run starts from the checkpoint and replays a prefix of
 * decisions). Each run takes the defaults after its prefix; every decision it passes after the
 * prefix contributes its untaken alternatives as its children (new prefixes), so the runs form a
 * tree, and every schedule is one node of it. Level k is the runs whose prefix costs k
 * preemptions; levels run in order, fewest first, so the first failure found has the fewest
 * preemptions of any, and each level in lexicographic order of prefixes.
 *
 * <p>Memory (issue 16): a level is one depth-first walk of the tree cut at that level, with a
 * stack of the current path's untaken children; nothing is kept per schedule run or to run. The
 * runs of the levels below are run again for their children, not counted again (each was counted
 * at its own level): a few more runs, for the cheap low levels, instead of a frontier of every
 * schedule of the next level, which for five threads at two preemptions filled a 256 MB heap.
 *
 * <p>Workers: on two, the second runs entries below the top of the stack ahead of their turn (at
 * most {@link Search#AHEAD} wait so); results are counted only when they reach the top, so what is
 * counted, the failure reported and where the cap falls are those of one worker, whatever the
 * timing.
 */
public final class DfsSearch {
    /**
     * What the search found: schedules run, inconclusive ones (step bound), whether it ran out of
     * schedules (complete) or of budget, and the first failure (or null) with its choices, its
     * preemptions, whether it came before any scheduling choice (a plain error), and which run
     * it was (null for none).
     */
    public record Result(long schedules, long inconclusive, boolean complete, Outcome failure,
            java.util.List<long[]> failingChoices, int failurePreemptions, boolean plain, Run failingRun) {}

    /**
     * One run of a search, by its place in the search's order: its level (the preemptions of
     * its prefix), then its prefix of decisions, lexicographically. Which runs come before the
     * failure reported does not depend on timing, so neither does what is said about them.
     */
    public record Run(int preemptions, int[] prefix) implements Comparable<Run> {
        @Override
        public int compareTo(Run o) {
            return preemptions != o.preemptions ? Integer.compare(preemptions, o.preemptions) : compare(prefix, o.prefix);
        }
    }

    private DfsSearch() {}

    /** What one search looks for and within which limits (see the public {@code search}es); immutable. */
    private record Query(long machineSeed, int bound, long maxSteps, long maxRuns,
            java.util.function.Predicate<Outcome> sought, java.util.function.BooleanSupplier stop,
            java.util.function.Consumer<WarnedRuns> ran) {}

    /**
     * Search a program's schedules with at most {@code bound} preemptions, at most
     * {@code maxRuns} runs, each from the program's state after compiling, on one thread, with
     * the VM's generator seeded with {@code machineSeed} (a shrink keeps the failing run's).
     * Only failures that {@code sought} accepts end the search (shrinking looks for one failure).
     */
    public static Result search(ProgramRuns runs, long machineSeed, int bound, long maxSteps, long maxRuns,
            java.util.function.Predicate<Outcome> sought) {
        return search(runs, machineSeed, bound, maxSteps, maxRuns, sought, () -> false);
    }

    /** The same, ending early (not complete) once {@code stop} says so (a shrink's time budget). */
    public static Result search(ProgramRuns runs, long machineSeed, int bound, long maxSteps, long maxRuns,
            java.util.function.Predicate<Outcome> sought, java.util.function.BooleanSupplier stop) {
        return search(() -> runs, 1, machineSeed, bound, maxSteps, maxRuns, sought, stop, w -> {});
    }

    /**
     * The same on {@code workers} threads, each with its own compiled program from
     * {@code programs}, ending early (not complete) once {@code stop} says so (Ctrl-C,
     * --timeout). A worker may run a prefix ahead of its turn, but each run counts in the search's
     * order: the failure reported is the first in it (the fewest preemptions, then the first
     * decisions in lexicographic order), the count is of the runs up to it, and neither depends
     * on timing.
     */
    public static Result search(java.util.function.Supplier<ProgramRuns> programs, int workers, int bound, long maxSteps,
            long maxRuns, java.util.function.Predicate<Outcome> sought, java.util.function.BooleanSupplier stop) {
        return search(programs, workers, 0, bound, maxSteps, maxRuns, sought, stop, w -> {});
    }

    /**
     * The same, telling {@code ran} of the warnings of the runs that warned, once the search is
     * over, each warning once from the earliest run that showed it, and only of runs no later than
     * the failure reported (so what explore says of them does not depend on timing); holding none
     * of the search's locks.
     */
    public static Result search(java.util.function.Supplier<ProgramRuns> programs, int workers, int bound, long maxSteps,
            long maxRuns, java.util.function.Predicate<Outcome> sought, java.util.function.BooleanSupplier stop,
            java.util.function.Consumer<WarnedRuns> ran) {
        return search(programs, workers, 0, bound, maxSteps, maxRuns, sought, stop, ran);
    }

    private static Result search(java.util.function.Supplier<ProgramRuns> programs, int workers, long machineSeed, int bound,
            long maxSteps, long maxRuns, java.util.function.Predicate<Outcome> sought, java.util.function.BooleanSupplier stop,
            java.util.function.Consumer<WarnedRuns> ran) {
        Search s = new Search(new Query(machineSeed, bound, maxSteps, maxRuns, sought, stop, ran));
        Workers.run(workers, "dfs", () -> s.work(programs.get()));
        return s.result();
    }

    /**
     * A run to do, on the search's stack: the decisions {@code base[0..length)} of the run it
     * branches from, then {@code alt} (none for the first run); its cost in preemptions; the
     * level that put it there. Once run, what its turn in the search's order needs: whether it
     * failed (then it has no children), was inconclusive, warned, and its children.
     */
    private static final class Entry {
        final int[] base;
        final int length;
        final int alt;
        final int cost;
        final int level;
        boolean running;
        boolean ran;
        Outcome failure;
        boolean inconclusive;
        List<Warning> warnings;
        int[] chosen;
        int[] childAt;
        int[] childAlt;
        int[] childCost;
        boolean pruned;

        Entry(int[] base, int length, int alt, int cost, int level) {
            this.base = base;
            this.length = length;
            this.alt = alt;
            this.cost = cost;
            this.level = level;
        }

        static Entry root(int level) {
            return new Entry(new int[0], 0, -1, 0, level);
        }

        int[] prefix() {
            if (alt < 0) return new int[0];
            int[] p = java.util.Arrays.copyOf(base, length + 1);
            p[length] = alt;
            return p;
        }
    }

    /**
     * A run's children within its level, in the search's (lexicographic) order, and whether it
     * left out any of a higher level within the bound. Child (i, a) takes the run's decisions
     * before i, then a; against (i', b) with i < i' it comes first exactly when a is below the
     * run's own decision at i. So the order is: at each depth from the prefix's end down, the
     * alternatives below the run's decision, then back up, the ones above it.
     */
    private record Children(int[] chosen, int[] at, int[] alt, int[] cost, boolean pruned) {
        static Children of(Entry e, List<Dfs.Decision> ds, int bound) {
            int[] chosen = new int[ds.size()];
            for (int i = 0; i < chosen.length; i++) chosen[i] = ds.get(i).chosen();
            int from = e.alt < 0 ? 0 : e.length + 1;
            int n = 0;
            boolean pruned = false;
            for (int i = from; i < ds.size(); i++) {
                Dfs.Decision d = ds.get(i);
                for (int j = 0; j < d.others().length; j++) {
                    int cost = d.preemptionsBefore() + d.costs()[j];
                    if (cost <= e.level) n++;
                    else if (cost <= bound) pruned = true;
                }
            }
            int[] at = new int[n];
            int[] alt = new int[n];
            int[] cost = new int[n];
            int k = 0;
            for (int below = 1; below >= 0; below--) {
                for (int step = 0; step < ds.size() - from; step++) {
                    int i = below == 1 ? from + step : ds.size() - 1 - step;
                    Dfs.Decision d = ds.get(i);
                    int[] others = d.others().clone();
                    java.util.Arrays.sort(others);
                    for (int a : others) {
                        if ((a < d.chosen()) != (below == 1)) continue;
                        int c = d.preemptionsBefore() + d.costs()[indexOf(d.others(), a)];
                        if (c > e.level) continue;
                        at[k] = i;
                        alt[k] = a;
                        cost[k++] = c;
                    }
                }
            }
            return new Children(chosen, at, alt, cost, pruned);
        }

        private static int indexOf(int[] xs, int x) {
            for (int i = 0; i < xs.length; i++) if (xs[i] == x) return i;
            throw new IllegalStateException("no option " + x);
        }
    }

    /** The shared state of one search. Locking rule: every field but the query is guarded by this object's monitor. */
    private static final class Search {
        /** How many runs may wait, done, below the stack's top for their turn in the search's order (a worker ahead of the other). */
        static final int AHEAD = 8;

        final Query q;
        /** The current level: the preemptions of the runs it counts (lower ones are run again only for their children). */
        int level;
        /**
         * The current path's untaken children, the next in the search's order on top: the one
         * thing the search keeps that grows with the program, and only with one run's length
         * (each level is one depth-first walk), never with the schedules run (issue 16).
         */
        final ArrayDeque<Entry> stack = new ArrayDeque<>();
        /** Entries run but not yet reached in the search's order, and those running or run of the current level. */
        int ahead;
        int newAhead;
        /** Schedules counted (each once, at its own level, in the search's order), and inconclusive ones among them. */
        long done;
        long inconclusive;
        /** Whether this level left out a child of a higher level within the bound (if not, no higher level has a run). */
        boolean pruned;
        boolean over;
        boolean complete;
        Result best;
        /** The warnings, each once, of the runs counted (all before any failure: the order is the search's). */
        final WarnedRuns warned = new WarnedRuns();

        Search(Query q) {
            this.q = q;
            stack.push(Entry.root(0));
        }

        /** The next run, or null when the search is over. */
        synchronized Entry take() {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.DFS_SEARCH, this);
            for (;;) {
                if (over) return null;
                if (q.stop().getAsBoolean() || Thread.currentThread().isInterrupted()) { // interrupted: another worker failed
                    end(false);
                    return null;
                }
                advance();
                if (over) return null;
                Entry e = next();
                if (e != null) {
                    e.running = true;
                    if (e.cost == level) newAhead++;
                    return e;
                }
                try {
                    wait();
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }

        /**
         * The highest entry not yet run that may run now: the top one always; below it (ahead of
         * its turn) only while few runs wait, none past a failure run ahead (all of it comes after)
         * and no schedule of this level past what the cap leaves.
         */
        private Entry next() {
            boolean top = true;
            boolean capFull = done + newAhead >= q.maxRuns();
            for (Entry e : stack) {
                if (e.ran && e.failure != null) return null;
                if (!e.ran && !e.running && (top || !(capFull && e.cost == level))) return e;
                if (ahead >= AHEAD) return null;
                top = false;
            }
            return null;
        }

        /** Count the runs that reached the top of the stack, in order; start the next level when one is over. */
        private void advance() {
            while (!over) {
                Entry top = stack.peek();
                if (top == null) {
                    if (!pruned || level == q.bound()) {
                        end(true);
                        return;
                    }
                    level++;
                    pruned = false;
                    stack.push(Entry.root(level));
                    continue;
                }
                if (!top.ran) {
                    if (top.cost == level && !top.running && done >= q.maxRuns()) end(false); // another schedule, past the cap
                    return;
                }
                stack.pop();
                ahead--;
                if (top.cost == level) {
                    newAhead--;
                    if (done >= q.maxRuns()) { // run ahead of its turn, past the cap
                        end(false);
                        return;
                    }
                    done++;
                    if (top.inconclusive) inconclusive++;
                    if (top.warnings != null) warned.note(new Run(level, top.prefix()), top.warnings);
                    if (top.failure != null) {
                        Outcome o = top.failure;
                        best = new Result(0, 0, false, o, o.report().choices(), o.report().preemptions(), o.failedBeforeAnyChoice(),
                                new Run(level, top.prefix()));
                        end(false);
                        return;
                    }
                }
                pruned |= top.pruned;
                for (int k = top.childAt.length - 1; k >= 0; k--) stack.push(new Entry(top.chosen, top.childAt[k], top.childAlt[k], top.childCost[k], level));
            }
        }

        private void end(boolean finished) {
            over = true;
            complete = finished;
            notifyAll();
        }

        /** What run {@code e} did, as far as the search needs it (its children are worked out before, outside the lock). */
        synchronized void ran(Entry e, Outcome o, Children c) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.DFS_SEARCH, this);
            e.running = false;
            e.ran = true;
            ahead++;
            if (e.cost == level) {
                if ((o.status() == Outcome.Status.ERROR || o.status() == Outcome.Status.DEADLOCK) && q.sought().test(o)) e.failure = o;
                e.inconclusive = o.status() == Outcome.Status.TIMEOUT;
                if (!o.warnings().isEmpty()) e.warnings = o.warnings();
            }
            if (e.failure == null) {
                e.chosen = c.chosen;
                e.childAt = c.at;
                e.childAlt = c.alt;
                e.childCost = c.cost;
                e.pruned = c.pruned;
            }
            advance();
            notifyAll();
        }

        void work(ProgramRuns runs) {
            for (Entry e; (e = take()) != null; ) {
                Machine vm = runs.next(q.machineSeed());
                vm.configure(vm.settings().controlled(0, new Chooser.Dfs(e.prefix())).withMaxSteps(q.maxSteps()));
                Outcome o = runs.run();
                ran(e, o, Children.of(e, o.report().dfsDecisions(), q.bound()));
            }
        }

        Result result() {
            Result r;
            synchronized (this) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.DFS_SEARCH, this);
                r = best != null
                        ? new Result(done, inconclusive, false, best.failure(), best.failingChoices(), best.failurePreemptions(), best.plain(),
                                best.failingRun())
                        : new Result(done, inconclusive, complete, null, null, 0, false, null);
            }
            q.ran().accept(warned);
            return r;
        }
    }

    /** Lexicographic order of decision prefixes (a prefix of another comes first). */
    static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
        return Integer.compare(a.length, b.length);
    }
}
