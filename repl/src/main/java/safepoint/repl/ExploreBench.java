package safepoint.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import safepoint.tables.Policy;
import safepoint.vm.run.RunSettings;
import safepoint.vm.search.DfsSearch;
import safepoint.vm.search.DporSearch;
import safepoint.vm.search.ProgramRuns;
import safepoint.vm.search.Workers;

/**
 * {@code ./safepoint bench explore}: what dynamic partial-order reduction saves. Each program of
 * {@code examples/} is searched by dfs for every schedule with at most 2 preemptions on 2
 * processors, once with {@code --reduction dpor} and once with {@code none}, and the table gives
 * the verdict, the schedules each took and the seconds. A search stops at {@link #CAP} schedules
 * (then the row says so: neither finished). The verdicts are the search's records, never its text.
 */
final class ExploreBench {
    private ExploreBench() {}

    /** A program, and the table locking its demo is run with. */
    record Program(String file, Policy locks) {
        Program(String file) {
            this(file, Policy.NONE);
        }
    }

    static final int BOUND = 2;
    static final int PROCESSORS = 2;
    static final long CAP = 20_000;
    static final long MAX_STEPS = 1_000_000;

    /** The examples with a dfs search (fixed ones proven, broken ones found), as examples/README.md runs them. */
    static final List<Program> PROGRAMS = List.of(
            new Program("lost-update.ss"), new Program("lost-update-fixed.ss"),
            new Program("abba-deadlock.ss"), new Program("abba-fixed.ss"),
            new Program("registry-two-locks.ss"), new Program("registry-one-lock.ss"),
            new Program("condvar-lost-wakeup.ss"),
            new Program("completion-double-post.ss"), new Program("completion-waiters.ss"),
            new Program("rwlock-reread.ss"), new Program("rwlock-readers-writer.ss"),
            new Program("barrier-short-count.ss"), new Program("barrier-phases.ss"),
            new Program("channel-early-close.ss"), new Program("channel-pipeline.ss"),
            new Program("table-unlocked-writers.ss"), new Program("table-unlocked-writers-fixed.ss"),
            new Program("gc-table-stale-resize.ss", Policy.PER_TABLE),
            new Program("philosophers-deadlock.ss"), new Program("philosophers-fixed.ss"),
            new Program("bounded-buffer-if.ss"), new Program("bounded-buffer-fixed.ss"));

    /** One search's outcome: its schedules and seconds, and what it concluded. */
    record Searched(long schedules, double seconds, boolean complete, boolean failed, int failurePreemptions) {
        String verdict() {
            if (failed) return "fails (" + failurePreemptions + (failurePreemptions == 1 ? " preemption)" : " preemptions)");
            return complete ? "proven" : "not finished";
        }
    }

    static int run(Writer out) throws IOException {
        return run(out, PROGRAMS);
    }

    static int run(Writer out, List<Program> programs) throws IOException {
        PrintWriter w = new PrintWriter(out);
        Path dir = Path.of("examples");
        if (!Files.isDirectory(dir)) {
            w.println("safepoint bench explore: run it from the project's folder (it searches examples/*.ss)");
            w.flush();
            return 2;
        }
        w.printf(Locale.ROOT, "dfs, at most %d preemptions on %d processors, capped at %,d schedules; dpor against none (plain dfs)%n",
                BOUND, PROCESSORS, CAP);
        w.printf(Locale.ROOT, "%-32s %-26s %10s %8s %10s %8s %7s%n", "program", "verdict (dpor / none)", "dpor", "s", "none", "s", "ratio");
        double[] logSum = new double[2]; // proofs, then failures found
        int[] rows = new int[2];
        for (Program p : programs) {
            Path file = dir.resolve(p.file());
            if (!Files.exists(file)) continue;
            String text = Files.readString(file);
            Searched dpor = search(p, text, file.toString(), true);
            Searched none = search(p, text, file.toString(), false);
            String verdict = dpor.verdict().equals(none.verdict()) ? dpor.verdict() : dpor.verdict() + " / " + none.verdict();
            double ratio = (double) dpor.schedules() / none.schedules();
            w.printf(Locale.ROOT, "%-32s %-26s %,10d %8.2f %,10d %8.2f %7.2f%n", p.file(), verdict,
                    dpor.schedules(), dpor.seconds(), none.schedules(), none.seconds(), ratio);
            w.flush();
            int kind = dpor.failed() ? 1 : 0;
            logSum[kind] += Math.log(ratio);
            rows[kind]++;
        }
        String[] what = {"proofs", "failures found"};
        for (int k = 0; k < 2; k++) {
            if (rows[k] > 0) w.printf(Locale.ROOT, "geometric mean of schedules dpor / none, %s: %.2f over %d programs%n", what[k],
                    Math.exp(logSum[k] / rows[k]), rows[k]);
        }
        w.flush();
        return 0;
    }

    static Searched search(Program p, String text, String file, boolean dpor) {
        RunSettings settings = RunSettings.freeRun(PROCESSORS).withLocks(p.locks());
        long t0 = System.nanoTime();
        DfsSearch.Result r = dpor
                ? DporSearch.search(new ProgramRuns(text, file, vm -> vm.configure(settings)), BOUND, MAX_STEPS, CAP, x -> true,
                        () -> false, warned -> {})
                : DfsSearch.search(() -> new ProgramRuns(text, file, vm -> vm.configure(settings)), Workers.count(), BOUND, MAX_STEPS,
                        CAP, x -> true, () -> false);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Searched(r.schedules(), secs, r.complete(), r.failure() != null, r.failurePreemptions());
    }
}
