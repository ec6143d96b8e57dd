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
 * the verdict, the schedules each took and the seconds, and the geometric means of dpor's over
 * none's (proofs and failures apart, over the rows where both searches concluded: a capped row's
 * ratio says nothing). Then the five- and six-thread fixed examples at 1 and 2 preemptions on 4
 * processors (explore's default), with a lower cap so that the bench ends in minutes. A search
 * stops at its cap (then the row says so). The verdicts are the search's records, never its text.
 */
final class ExploreBench {
    private ExploreBench() {}

    /** A program, and the table locking its demo is run with. */
    record Program(String file, Policy locks) {
        Program(String file) {
            this(file, Policy.NONE);
        }
    }

    /** How a search is bounded: processors, preemptions, schedules. */
    record Bounds(int processors, int preemptions, long cap) {}

    static final Bounds MAIN = new Bounds(2, 2, 20_000);
    static final long BIG_CAP = 5_000;
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

    /** The five- and six-thread fixed examples, searched again at each of {@link #BIG_PREEMPTIONS} on 4 processors. */
    static final List<Program> BIG = List.of(new Program("philosophers-fixed.ss"), new Program("bounded-buffer-fixed.ss"));
    static final List<Integer> BIG_PREEMPTIONS = List.of(1, 2);

    /** One search's outcome: its schedules and seconds, and what it concluded. */
    record Searched(long schedules, double seconds, boolean complete, boolean failed, int failurePreemptions) {
        String verdict() {
            if (failed) return "fails (" + failurePreemptions + (failurePreemptions == 1 ? " preemption)" : " preemptions)");
            return complete ? "proven" : "not finished";
        }

        boolean concluded() {
            return failed || complete;
        }
    }

    /** A program searched both ways under the same bounds. */
    record Row(Program program, Bounds bounds, Searched dpor, Searched none) {
        String verdict() {
            return dpor.verdict().equals(none.verdict()) ? dpor.verdict() : dpor.verdict() + " / " + none.verdict();
        }

        double ratio() {
            return (double) dpor.schedules() / none.schedules();
        }
    }

    static int run(Writer out) throws IOException {
        return run(out, PROGRAMS, BIG);
    }

    static int run(Writer out, List<Program> programs, List<Program> big) throws IOException {
        PrintWriter w = new PrintWriter(out);
        Path dir = Path.of("examples");
        if (!Files.isDirectory(dir)) {
            w.println("safepoint bench explore: run it from the project's folder (it searches examples/*.ss)");
            w.flush();
            return 2;
        }
        w.printf(Locale.ROOT, "dfs, at most %d preemptions on %d processors, capped at %,d schedules; dpor against none (plain dfs, %d workers)%n",
                MAIN.preemptions(), MAIN.processors(), MAIN.cap(), Workers.count());
        w.printf(Locale.ROOT, "%-32s %-26s %10s %8s %10s %8s %7s%n", "program", "verdict (dpor / none)", "dpor", "s", "none", "s", "ratio");
        java.util.ArrayList<Row> rows = new java.util.ArrayList<>();
        for (Program p : programs) {
            Row r = row(dir, p, MAIN);
            if (r == null) continue;
            rows.add(r);
            w.printf(Locale.ROOT, "%-32s %-26s %,10d %8.2f %,10d %8.2f %7s%n", p.file(), r.verdict(), r.dpor().schedules(),
                    r.dpor().seconds(), r.none().schedules(), r.none().seconds(), ratio(r));
            w.flush();
        }
        means(w, rows);
        if (!big.isEmpty()) {
            Bounds first = new Bounds(4, BIG_PREEMPTIONS.get(0), BIG_CAP);
            w.printf(Locale.ROOT, "%nthe five- and six-thread fixed examples on %d processors, capped at %,d schedules%n", first.processors(),
                    first.cap());
            w.printf(Locale.ROOT, "%-32s %4s %-21s %10s %8s %10s %8s %7s%n", "program", "-P", "verdict (dpor / none)", "dpor", "s", "none", "s",
                    "ratio");
            for (Program p : big) {
                for (int k : BIG_PREEMPTIONS) {
                    Row r = row(dir, p, new Bounds(first.processors(), k, BIG_CAP));
                    if (r == null) continue;
                    w.printf(Locale.ROOT, "%-32s %4d %-21s %,10d %8.2f %,10d %8.2f %7s%n", p.file(), k, r.verdict(), r.dpor().schedules(),
                            r.dpor().seconds(), r.none().schedules(), r.none().seconds(), ratio(r));
                    w.flush();
                }
            }
        }
        w.flush();
        return 0;
    }

    /** The ratio, or "-" when a search did not conclude (its schedules are the cap, not the program's). */
    private static String ratio(Row r) {
        return r.dpor().concluded() && r.none().concluded() ? String.format(Locale.ROOT, "%.2f", r.ratio()) : "-";
    }

    /** Geometric means of dpor over none, schedules and seconds, for proofs and failures apart, over the rows both concluded. */
    private static void means(PrintWriter w, List<Row> rows) {
        String[] what = {"proofs", "failures found"};
        for (int kind = 0; kind < 2; kind++) {
            double schedules = 0, seconds = 0;
            int n = 0, left = 0;
            for (Row r : rows) {
                if ((r.dpor().failed() ? 1 : 0) != kind) continue;
                if (!r.dpor().concluded() || !r.none().concluded()) {
                    left++;
                    continue;
                }
                schedules += Math.log(r.ratio());
                seconds += Math.log(Math.max(r.dpor().seconds(), 1e-3) / Math.max(r.none().seconds(), 1e-3));
                n++;
            }
            if (n == 0) continue;
            w.printf(Locale.ROOT, "geometric mean dpor / none, %s: schedules %.2f, seconds %.2f, over %d programs%s%n", what[kind],
                    Math.exp(schedules / n), Math.exp(seconds / n), n, left == 0 ? "" : " (" + left + " not finished left out)");
        }
    }

    /** {@code p} searched both ways, or null when the example is missing. */
    private static Row row(Path dir, Program p, Bounds b) throws IOException {
        Path file = dir.resolve(p.file());
        if (!Files.exists(file)) return null;
        String text = Files.readString(file);
        return new Row(p, b, search(p, text, file.toString(), true, b), search(p, text, file.toString(), false, b));
    }

    static Searched search(Program p, String text, String file, boolean dpor) {
        return search(p, text, file, dpor, MAIN);
    }

    static Searched search(Program p, String text, String file, boolean dpor, Bounds b) {
        RunSettings settings = RunSettings.freeRun(b.processors()).withLocks(p.locks());
        long t0 = System.nanoTime();
        DfsSearch.Result r = dpor
                ? DporSearch.search(new ProgramRuns(text, file, vm -> vm.configure(settings)), b.preemptions(), MAX_STEPS, b.cap(), x -> true,
                        () -> false, warned -> {})
                : DfsSearch.search(() -> new ProgramRuns(text, file, vm -> vm.configure(settings)), Workers.count(), b.preemptions(),
                        MAX_STEPS, b.cap(), x -> true, () -> false);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Searched(r.schedules(), secs, r.complete(), r.failure() != null, r.failurePreemptions());
    }
}
