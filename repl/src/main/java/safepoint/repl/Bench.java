package safepoint.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import safepoint.repl.bench.Gsi;
import safepoint.repl.bench.InProcess;
import safepoint.repl.bench.JvmInfo;
import safepoint.repl.bench.Policy;
import safepoint.repl.bench.Programs;
import safepoint.repl.bench.Result;
import safepoint.repl.bench.Stats;

/**
 * {@code safepoint bench [NAME...]}: time the benchmark programs on Safepoint and, when gsi is
 * on the PATH, on gsi, and print the times, the ratios Safepoint/gsi and their geometric means.
 * Exit status 0 when every result was right, 1 when any benchmark failed, 2 for an unknown name.
 */
final class Bench {
    private Bench() {}

    static int main(Options o, Writer out) throws IOException {
        Writer err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (o.operands().equals(List.of("polls"))) return polls(out, Policy.DEFAULT);
        if (o.operands().equals(List.of("ring"))) return SmpBench.ring(out, 1000, 100);
        if (o.operands().equals(List.of("controlled"))) return controlled(out, Policy.DEFAULT);
        if (o.operands().equals(List.of("gc"))) return SmpBench.gc(out);
        if (o.operands().equals(List.of("threads"))) return SmpBench.threads(out, 100_000);
        if (o.operands().equals(List.of("analysis"))) return SmpBench.analysis(out, 100_000);
        if (o.operands().equals(List.of("look"))) return SmpBench.look(out, 100_000);
        if (!o.operands().isEmpty() && o.operands().get(0).equals("tables"))
            return TableBench.main(o.operands().subList(1, o.operands().size()), out, err);
        if (o.operands().equals(List.of("explore"))) return ExploreBench.run(out);
        if (o.operands().equals(List.of("repl"))) return safepoint.repl.bench.ReplLatency.run(out);
        if (o.operands().equals(List.of("inspector"))) return InspectorBench.all(out, InspectorBench.Sizes.FULL);
        return run(o.operands(), out, err, Gsi.locate(), Policy.DEFAULT);
    }

    /** {@code ./safepoint bench controlled}: the language benchmarks in controlled mode (seed 1) against free run. */
    static int controlled(Writer out, Policy policy) {
        PrintWriter w = new PrintWriter(out);
        w.println("Controlled mode (--seed 1, random strategy) vs free run, warm medians in ms (ratio = controlled / free)");
        w.println(String.format(Locale.ROOT, "%-10s %10s %11s %8s", "benchmark", "free run", "controlled", "ratio"));
        // The ratio is the second way over the first: controlled / free run.
        return compare(w, "%-10s %10.1f %11.1f %8.2f", "controlled / free run",
                (name, source) -> InProcess.run(name, source, policy, false),
                (name, source) -> InProcess.run(name, source, policy, true), true);
    }

    /**
     * {@code ./safepoint bench polls}: what polls cost. Each benchmark runs as written (a poll at
     * every procedure entry) and compiled inside {@code (declare (not interrupts-enabled))}.
     */
    static int polls(Writer out, Policy policy) {
        PrintWriter w = new PrintWriter(out);
        w.println("Polls on vs compiled out, warm medians in ms (ratio = with polls / without)");
        w.println("JVM: " + JvmInfo.describe());
        w.println(String.format(Locale.ROOT, "%-10s %10s %10s %8s", "benchmark", "polls", "no polls", "ratio"));
        return compare(w, "%-10s %10.1f %10.1f %8.2f", "polls / no polls",
                (name, source) -> InProcess.run(name, source, policy),
                (name, source) -> InProcess.run(name, "(declare (not interrupts-enabled))\n" + source, policy), false);
    }

    /**
     * Every benchmark run two ways, one after the other: a row of warm medians and their ratio
     * each (the second way over the first when {@code secondOverFirst}, else the first over the
     * second), then the ratios' geometric mean. Exit 1 when any run failed.
     */
    static int compare(PrintWriter w, String row, String meanLabel, java.util.function.BiFunction<String, String, Result> first,
            java.util.function.BiFunction<String, String, Result> second, boolean secondOverFirst) {
        return compare(w, row, meanLabel, first, second, secondOverFirst, Programs.NAMES);
    }

    /** As above, for the benchmarks {@code names} only. */
    static int compare(PrintWriter w, String row, String meanLabel, java.util.function.BiFunction<String, String, Result> first,
            java.util.function.BiFunction<String, String, Result> second, boolean secondOverFirst, List<String> names) {
        List<Double> ratios = new ArrayList<>();
        boolean failed = false;
        for (String name : names) {
            String source = Programs.source(name);
            System.gc();
            Result a = first.apply(name, source);
            System.gc();
            Result b = second.apply(name, source);
            if (!a.ok() || !b.ok()) {
                failed = true;
                w.println(String.format(Locale.ROOT, "%-10s FAILED", name));
                continue;
            }
            double r = secondOverFirst ? b.warmMs() / a.warmMs() : a.warmMs() / b.warmMs();
            ratios.add(r);
            w.println(String.format(Locale.ROOT, row, name, a.warmMs(), b.warmMs(), r));
            w.flush();
        }
        double logSum = 0;
        for (double r : ratios) logSum += Math.log(r);
        w.println(String.format(Locale.ROOT, "geometric mean (%s): %.3f  (%d benchmarks)", meanLabel, Math.exp(logSum / ratios.size()),
                ratios.size()));
        w.flush();
        return failed ? 1 : 0;
    }

    static int run(List<String> names, Writer out, Writer err, Optional<Path> gsi, Policy policy) throws IOException {
        List<String> selected = select(names);
        if (selected == null) {
            for (String n : names) {
                if (!Programs.NAMES.contains(n)) {
                    err.write("safepoint: unknown benchmark '" + n + "'; the benchmarks are: "
                            + String.join(" ", Programs.NAMES) + "\n");
                    break;
                }
            }
            err.flush();
            return 2;
        }
        PrintWriter w = new PrintWriter(out);
        w.println("Safepoint benchmarks: " + String.join(" ", selected));
        w.println("JVM: " + JvmInfo.describe());
        w.println(gsi.isPresent()
                ? "gsi: " + Gsi.version(gsi.get()) + " at " + gsi.get() + " (interpreting the same files)"
                : "gsi: not on the PATH, so Safepoint's times only, without ratios");
        w.println("times in ms: cold = first run in a fresh VM (a fresh gsi process; on Safepoint a fresh Machine in this JVM,");
        w.println("  so it includes JIT warm-up of that program's paths), warm = median of " + policy.minWarm() + " to "
                + policy.maxWarm() + " later runs (at most about " + policy.budgetMillis() / 1000 + " s of them)");
        if (gsi.isPresent()) w.println("ratio = Safepoint time / gsi time (below 1: Safepoint is faster)");
        w.println();
        w.println(gsi.isPresent()
                ? String.format(Locale.ROOT, "%-10s %20s %20s %19s", "", "Safepoint (ms)", "gsi (ms)", "Safepoint/gsi")
                : String.format(Locale.ROOT, "%-10s %20s", "", "Safepoint (ms)"));
        w.println(gsi.isPresent()
                ? String.format(Locale.ROOT, "%-10s %10s %9s %10s %9s %9s %9s", "benchmark", "cold", "warm", "cold", "warm",
                        "cold", "warm")
                : String.format(Locale.ROOT, "%-10s %10s %9s", "benchmark", "cold", "warm"));
        w.flush();

        List<Row> rows = new ArrayList<>();
        boolean failed = false;
        for (String name : selected) {
            String source = Programs.source(name);
            System.gc(); // start each benchmark without the previous one's garbage
            Result sp = InProcess.run(name, source, policy);
            Result gs = gsi.isPresent() ? Gsi.run(gsi.get(), name, source, policy) : null;
            Row row = new Row(name, sp, gs);
            rows.add(row);
            failed |= !sp.ok() || (gs != null && !gs.ok());
            w.println(row.format());
            w.flush();
        }
        w.println();
        summary(w, rows, gsi.isPresent());
        if (failed) w.println("FAILED: some benchmarks did not give their expected result (see above)");
        w.flush();
        return failed ? 1 : 0;
    }

    /** The benchmarks to run (all of them for none named), or null when a name is unknown. */
    static List<String> select(List<String> names) {
        if (names.isEmpty()) return Programs.NAMES;
        for (String n : names) {
            if (!Programs.NAMES.contains(n)) return null;
        }
        return List.copyOf(new java.util.LinkedHashSet<>(names));
    }

    /** One benchmark's line of the table; gsi is null when gsi is absent. */
    record Row(String name, Result sp, Result gsi) {
        boolean hasRatios() {
            return sp.ok() && gsi != null && gsi.ok();
        }

        double coldRatio() {
            return sp.coldMs() / gsi.coldMs();
        }

        double warmRatio() {
            return sp.warmMs() / gsi.warmMs();
        }

        String format() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-10s", name));
            b.append(sp.ok() ? String.format(Locale.ROOT, " %10.1f %9.1f", sp.coldMs(), sp.warmMs())
                    : String.format(Locale.ROOT, " %20s", "FAILED"));
            if (gsi != null) {
                b.append(gsi.ok() ? String.format(Locale.ROOT, " %10.1f %9.1f", gsi.coldMs(), gsi.warmMs())
                        : String.format(Locale.ROOT, " %20s", "FAILED"));
                if (hasRatios()) b.append(String.format(Locale.ROOT, " %9.2f %9.2f", coldRatio(), warmRatio()));
            }
            if (!sp.ok()) b.append("\n    Safepoint: ").append(sp.failure());
            if (gsi != null && !gsi.ok()) b.append("\n    gsi: ").append(gsi.failure());
            return b.toString();
        }
    }

    private static void summary(PrintWriter w, List<Row> rows, boolean withGsi) {
        if (!withGsi) {
            List<Double> warm = new ArrayList<>();
            List<Double> cold = new ArrayList<>();
            for (Row r : rows) {
                if (r.sp().ok()) {
                    warm.add(r.sp().warmMs());
                    cold.add(r.sp().coldMs());
                }
            }
            if (!warm.isEmpty()) {
                w.println(String.format(Locale.ROOT, "geometric mean of Safepoint times in ms warm: %.1f  cold: %.1f  (%s)",
                        Stats.geometricMean(warm), Stats.geometricMean(cold), count(warm.size())));
            }
            return;
        }
        means(w, "geometric mean", rows, false, false);
        // The continuation benchmarks measure call/cc alone, so they are also summarised apart.
        boolean someCont = rows.stream().anyMatch(r -> Programs.CONTINUATION.contains(r.name()));
        boolean someOther = rows.stream().anyMatch(r -> !Programs.CONTINUATION.contains(r.name()));
        if (someCont && someOther) {
            String conts = String.join(", ", Programs.NAMES.stream().filter(Programs.CONTINUATION::contains).toList());
            means(w, "without the continuation benchmarks (" + conts + "): geometric mean", rows, true, false);
            means(w, "continuation benchmarks (" + conts + ") alone: geometric mean", rows, false, true);
        }
    }

    private static String count(int n) {
        return n + (n == 1 ? " benchmark" : " benchmarks");
    }

    /** One line of geometric means of the ratios over the rows chosen; nothing when none qualify. */
    private static void means(PrintWriter w, String label, List<Row> rows, boolean withoutContinuations, boolean onlyContinuations) {
        List<Double> warm = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        int left = 0;
        for (Row r : rows) {
            boolean cont = Programs.CONTINUATION.contains(r.name());
            if ((withoutContinuations && cont) || (onlyContinuations && !cont)) continue;
            if (!r.hasRatios()) {
                left++;
                continue;
            }
            warm.add(r.warmRatio());
            cold.add(r.coldRatio());
        }
        if (warm.isEmpty()) return;
        w.println(String.format(Locale.ROOT, "%s warm: %.2f  cold: %.2f  (%s%s)", label,
                Stats.geometricMean(warm), Stats.geometricMean(cold), count(warm.size()),
                left == 0 ? "" : "; " + left + " failed, left out"));
    }
}
