package safepoint.repl;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import safepoint.vm.run.Chooser;
import safepoint.vm.run.Pct;
import safepoint.vm.run.RunReport;
import safepoint.vm.run.RunSettings;
import safepoint.vm.analysis.Warning;
import safepoint.vm.analysis.WarningText;
import safepoint.vm.search.DfsSearch;
import safepoint.vm.search.ProgramRuns;
import safepoint.vm.search.SeedSearch;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code safepoint explore FILE}: runs the program in controlled mode under seeds 1..N, or every
 * schedule up to K preemptions ({@code --strategy dfs}), on both cores, each run from the state
 * right after compiling (one compile per worker, a rewind per run), and stops at the first
 * failure: an uncaught error in any thread, a proven deadlock or hang. It prints the failing
 * run's seed and schedule, its {@link Interleaving}, and a {@link Shrink}ed schedule. A run that
 * reaches the step bound is inconclusive, not a failure. Exit: 1 failure found, 0 none, 4 all
 * inconclusive, 5 a failure before any scheduling choice.
 */
final class Explore {
    private Explore() {}

    /** Set by Ctrl-C: no new runs start; the search reports what it found so far (exit 4 if nothing). */
    static final java.util.concurrent.atomic.AtomicBoolean INTERRUPTED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Why a search stopped early: "interrupted" (Ctrl-C), "--timeout expired", or null while it may go on. */
    private static String stopped(long deadline) {
        if (INTERRUPTED.get()) return "interrupted";
        if (deadline != 0 && System.nanoTime() - deadline > 0) return "--timeout expired";
        return null;
    }

    /** The program compiled once on a VM of its own (one per worker), to run again and again. */
    static ProgramRuns compiled(Options o, String text, String file) {
        RunSettings base = base(o);
        return new ProgramRuns(text, file, vm -> vm.configure(base));
    }

    /** What every run of a search keeps: the processors, the heap and the table locking the options give. */
    static RunSettings base(Options o) {
        RunSettings settings = RunSettings.freeRun(o.processors()).withLocks(o.locks());
        return o.heapBytes() == null ? settings : settings.withHeapBytes(o.heapBytes());
    }

    /**
     * A failing run: the report's first lines, its choices, outcome and preemptions, whether it
     * failed before any choice, and the settings it ran with (what its replay command keeps).
     */
    private record Failure(String report, java.util.List<long[]> choices, Outcome outcome, int preemptions, boolean plain,
            RunSettings settings) {}

    static int run(Options o, Writer out, Writer err) throws IOException {
        String file = o.operands().get(0);
        String text = Main.readProgram(file, err);
        if (text == null) return 2;
        return search(o, text, file, out);
    }

    /** The search of one program, {@code text} as read from {@code file} (which replay lines name); its exit status. */
    static int search(Options o, String text, String file, Writer out) throws IOException {
        String strategy = o.strategy() == null ? "random" : o.strategy();
        if (strategy.equals("dfs")) return dfs(o, text, file, o.maxSteps() == null ? 1_000_000L : o.maxSteps(), out);
        int runs = o.runs() == null ? 1000 : o.runs();
        long t0 = System.nanoTime();
        long deadline = o.timeoutSecs() == null ? 0 : t0 + (long) (o.timeoutSecs() * 1e9);
        int depth = o.depth() == null ? Pct.DEFAULT_DEPTH : o.depth();
        SeedSearch.Result s = SeedSearch.search(new SeedSearch.Query(() -> compiled(o, text, file), strategy, runs, depth, o.maxSteps(),
                deadline, () -> stopped(deadline) != null));
        if (strategy.equals("pct")) out.write(pctBound(s, Math.max(2, o.processors()), depth));
        if (s.failure() != null) {
            SeedSearch.Found found = s.failure();
            int seed = found.seed();
            Outcome r = found.outcome();
            RunReport ran = r.report();
            String report = found.plain() ? r.errorText() + "\n"
                    : "failure found on run " + seed + " of " + runs + " (seed " + seed + ", strategy " + strategy + ", -p "
                            + o.processors() + ", " + preemptions(ran.preemptions()) + ")\n" + r.errorText() + "\n";
            int status = report(o, text, file, seed, "seed " + seed,
                    new Failure(report, ran.choices(), r, ran.preemptions(), found.plain(), found.settings()), s.bound(), out);
            Warnings.bySeed(s.warnings()).print(out, seed); // runs after the failing one may or may not have run: not shown
            out.flush();
            return status;
        }
        int inconclusive = s.inconclusive();
        double secs = (System.nanoTime() - t0) / 1e9;
        String why = stopped(deadline);
        if (why != null && s.completed() < runs) {
            out.write(String.format(java.util.Locale.ROOT, "%s after %d of %d schedules: no failure so far (%d inconclusive)%n",
                    why.equals("interrupted") ? "interrupted" : "--timeout expired", s.completed(), runs, inconclusive));
            Warnings.bySeed(s.warnings()).print(out, null);
            out.flush();
            return 4;
        }
        if (inconclusive == runs) {
            out.write(String.format(java.util.Locale.ROOT, "all %d runs were inconclusive (step bound of %,d scheduling points reached)%n", runs, s.bound()));
            out.write(stillRunning(s.stillRunning()));
            out.flush();
            return 4;
        }
        if (inconclusive == 0) {
            out.write(String.format(java.util.Locale.ROOT, "no failure in %d schedules (0 inconclusive), %.1f schedules/s%n", runs, runs / secs));
        } else {
            // Runs cut at the bound are not passes: say how many ended, and how many did not.
            out.write(String.format(java.util.Locale.ROOT, "no failure in the %d of %d schedules that ended (%d inconclusive at a step bound of %,d), %.1f schedules/s%n",
                    runs - inconclusive, runs, inconclusive, s.bound(), runs / secs));
        }
        Warnings.bySeed(s.warnings()).print(out, null);
        out.write(stillRunning(s.stillRunning()));
        out.flush();
        return 0;
    }

    /**
     * PCT's guarantee per run, when it means something: k measured on a run that ended, and every
     * run ended (a run cut at the step bound may hide a bug of any depth). Otherwise why there is none.
     */
    private static String pctBound(SeedSearch.Result s, int processors, int depth) {
        if (!s.kMeasured()) {
            return String.format(java.util.Locale.ROOT, "PCT bound: none (the run that measures k reached the step bound of %,d, so k is unknown)%n", s.bound());
        }
        if (s.inconclusive() > 0) {
            return String.format(java.util.Locale.ROOT, "PCT bound: none (%d of %d runs reached the step bound; a bound holds only for runs that end)%n",
                    s.inconclusive(), s.completed());
        }
        return Machine.pctBound(processors, s.k(), depth) + " (k = " + s.k() + " sync and allocation points, measured)\n";
    }

    /** What the first inconclusive run was still running at its bound; nothing when no run was inconclusive. */
    private static String stillRunning(java.util.NavigableMap<Integer, safepoint.vm.observe.MachineView> first) {
        if (first.isEmpty()) return "";
        return "run " + first.firstKey() + " was still running at the bound:\n" + safepoint.repl.view.RunningText.of(first.firstEntry().getValue());
    }

    /** A failure found: plain (exit 5), or the report, the interleaving and the shrunk schedule (exit 1). */
    private static int report(Options o, String text, String file, long machineSeed, String label, Failure f, long maxSteps, Writer out)
            throws IOException {
        out.write(f.report());
        if (f.plain()) {
            out.write(Main.PLAIN_FAILURE + "\n");
            out.flush();
            return 5;
        }
        ProgramRuns runs = compiled(o, text, file);
        String schedule = Machine.scheduleString(f.choices(), text);
        out.write("schedule: " + replayLines("replay", runs, file, text, f.settings(), schedule, f.outcome()));
        out.flush(); // the failure and its replay are out before anything that may run out of memory
        try {
            out.write(Interleaving.of(runs, machineSeed, f.choices(), label, file));
        } catch (OutOfMemoryError e) {
            out.write("interleaving: not shown (Java ran out of memory recording the run's events)\n");
        }
        out.flush();
        if (!label.startsWith("dfs")) {
            out.write(Shrink.shrink(runs, text, file, f.settings(), f.choices(), f.outcome(), f.preemptions()));
        }
        out.flush();
        return 1;
    }

    /**
     * The schedule as shown (or where it was written), then the line "{@code label}: ./safepoint
     * replay ..." with every option that made the run; checked first by replaying the schedule
     * as printed under those settings, and when that does not fail the same way, a note says so.
     */
    static String replayLines(String label, ProgramRuns runs, String file, String text, RunSettings settings, String schedule,
            Outcome failure) {
        ReplayCommand.Printed printed = ReplayCommand.of(file, settings, schedule);
        if (printed.command() == null) return printed.shown() + "\n" + label + ": none\n";
        Machine vm = runs.next(settings.control().seed());
        vm.configure(settings.choosing(Chooser.replay(schedule, text, new StringBuilder())));
        Outcome again = runs.run();
        String note = Shrink.same(failure.failure(), again) ? ""
                : "note: replaying this schedule did not reproduce the failure (it ended with exit status " + again.exitCode()
                        + "); this is a bug in Safepoint's replay\n";
        return printed.shown() + "\n" + label + ": ./safepoint " + printed.command() + "\n" + note;
    }

    static String preemptions(long n) {
        return n + (n == 1 ? " preemption" : " preemptions");
    }

    /**
     * The race and lock-order warnings explore's runs found, each kept once (from the first run,
     * in the search's order, that found it, by {@link Warning#identity}), so a passing search
     * still says what it saw. A run is a seed (random, pct) or a dfs {@link DfsSearch.Run}.
     */
    static final class Warnings<R extends Comparable<R>> {
        private final java.util.TreeMap<R, java.util.List<Warning>> byRun = new java.util.TreeMap<>();
        /** What a dfs search told ({@link #note(safepoint.vm.search.WarnedRuns)}): each warning once, its run, how many runs warned. */
        private final java.util.Map<Warning.Identity, Warning> firstSeen = new java.util.LinkedHashMap<>();
        private final java.util.Map<Warning.Identity, R> runOf = new java.util.HashMap<>();
        private long counted;
        /** How the header names the first run ("seed"), and how each warning's run is named ("seed 3"). */
        private final String first;
        private final java.util.function.Function<R, String> name;

        Warnings(String first, java.util.function.Function<R, String> name) {
            this.first = first;
            this.name = name;
        }

        /** Seeds 1..N. */
        static Warnings<Integer> bySeed() {
            return new Warnings<>("seed", seed -> "seed " + seed);
        }

        /** A seed search's warnings, by seed. */
        static Warnings<Integer> bySeed(java.util.SortedMap<Integer, java.util.List<Warning>> found) {
            Warnings<Integer> w = bySeed();
            found.forEach((seed, list) -> w.note(list, seed));
            return w;
        }

        /** A dfs search's runs, fewest preemptions first; each named by its preemptions. */
        static Warnings<DfsSearch.Run> byDfsRun() {
            return new Warnings<>("schedule", run -> preemptions(run.preemptions()));
        }

        synchronized void note(java.util.List<Warning> found, R run) {
            if (!found.isEmpty()) byRun.put(run, found);
        }

        /** A dfs search's warnings, each once already (it keeps no list per run: issue 16's bounded memory). */
        @SuppressWarnings("unchecked")
        synchronized void note(safepoint.vm.search.WarnedRuns w) {
            for (safepoint.vm.search.WarnedRuns.First f : w.firsts()) {
                firstSeen.putIfAbsent(f.warning().identity(), f.warning());
                runOf.putIfAbsent(f.warning().identity(), (R) f.run());
            }
            counted += w.runs();
        }

        /** The warnings of the runs up to {@code upTo} (null: all), once each. */
        synchronized void print(Writer out, R upTo) throws IOException {
            java.util.Map<Warning.Identity, Warning> firstSeen = new java.util.LinkedHashMap<>(this.firstSeen);
            java.util.Map<Warning.Identity, R> runOf = new java.util.HashMap<>(this.runOf);
            long runs = counted;
            for (java.util.Map.Entry<R, java.util.List<Warning>> e : (upTo == null ? byRun : byRun.headMap(upTo, true)).entrySet()) {
                runs++;
                for (Warning w : e.getValue()) {
                    if (firstSeen.putIfAbsent(w.identity(), w) == null) runOf.put(w.identity(), e.getKey());
                }
            }
            if (firstSeen.isEmpty()) return;
            out.write("\n" + runs + " run" + (runs == 1 ? "" : "s") + " printed warnings; each once, from the first " + first + " that showed it:\n");
            for (java.util.Map.Entry<Warning.Identity, Warning> e : firstSeen.entrySet()) {
                out.write("(" + name.apply(runOf.get(e.getKey())) + ") " + WarningText.of(e.getValue()) + "\n");
            }
        }
    }

    /** Default cap on dfs runs when --runs is not given. */
    static final int DFS_RUNS = 100_000;

    /** {@code explore --strategy dfs}: every schedule with at most K preemptions, fewest first. */
    private static int dfs(Options o, String text, String file, long maxSteps, Writer out) throws IOException {
        int bound = o.preemptions() == null ? 2 : o.preemptions();
        long cap = o.runs() == null ? DFS_RUNS : o.runs();
        long t0 = System.nanoTime();
        int workers = safepoint.vm.search.Workers.count();
        long deadline = o.timeoutSecs() == null ? 0 : t0 + (long) (o.timeoutSecs() * 1e9);
        Warnings<DfsSearch.Run> warnings = Warnings.byDfsRun();
        boolean dpor = o.reduction().equals("dpor");
        java.util.function.BooleanSupplier stop = () -> stopped(deadline) != null;
        DfsSearch.Result r = dpor
                ? safepoint.vm.search.DporSearch.search(compiled(o, text, file), bound, maxSteps, cap, x -> true, stop, warnings::note)
                : DfsSearch.search(() -> compiled(o, text, file), workers, bound, maxSteps, cap, x -> true, stop, warnings::note);
        double secs = (System.nanoTime() - t0) / 1e9;
        String covers = "with at most " + preemptions(bound) + " on " + o.processors() + (o.processors() == 1 ? " processor" : " processors")
                + " (dfs, " + o.reduction() + ": " + r.schedules() + " schedules)";
        if (r.failure() != null) {
            boolean plain = r.plain();
            String report = plain ? r.failure().errorText() + "\n"
                    : "failure found by the dfs search after " + r.schedules() + " schedules (-p " + o.processors() + ", "
                            + preemptions(r.failurePreemptions()) + ", the fewest: every schedule with fewer passes)\n"
                            + r.failure().errorText() + "\n";
            // dfs runs with the machine's seed 0 (no --seed in its replay) under its step bound.
            RunSettings settings = base(o).controlled(0, new Chooser.Random()).withMaxSteps(maxSteps);
            int status = report(o, text, file, 0, "dfs",
                    new Failure(report, r.failingChoices(), r.failure(), r.failurePreemptions(), plain, settings), maxSteps, out);
            warnings.print(out, r.failingRun()); // runs after the failing one may or may not have run: not shown
            out.flush();
            return status;
        }
        String pre = " with at most " + preemptions(bound);
        if (r.inconclusive() == r.schedules()) {
            out.write("all " + r.schedules() + " schedules" + pre + " were inconclusive (step bound reached)\n");
            out.flush();
            return 4;
        }
        String inc = r.inconclusive() > 0 ? " (" + r.inconclusive() + " inconclusive)" : "";
        if (r.complete()) {
            out.write(String.format(java.util.Locale.ROOT, "proven: no failure in any schedule %s%s, %.1f schedules/s%n", covers, inc,
                    r.schedules() / secs));
            warnings.print(out, null);
        } else {
            out.write("no failure in the first " + r.schedules() + " schedules" + pre + inc + "; the search is not finished ("
                    + (stopped(deadline) != null ? stopped(deadline) : "--runs raises the cap") + ")\n");
            warnings.print(out, null);
            if (stopped(deadline) != null) {
                out.flush();
                return 4;
            }
        }
        out.flush();
        return 0;
    }
}
