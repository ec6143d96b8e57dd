package safepoint.repl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import safepoint.repl.TableBench.Cell;
import safepoint.repl.TableBench.Kind;
import safepoint.repl.TableBench.Results;
import safepoint.repl.TableBench.Workload;
import safepoint.tables.Policy;

/**
 * {@code bench tables --svg FILE}: the results as an SVG bar chart, made from the {@link Results}
 * records (never from the printed table). One group of bars per workload and processor count, one
 * bar and colour per policy, ConcurrentHashMap as a dashed reference line over each group. The
 * y axis is logarithmic: the reference is ten times the policies or more, and on a log scale a
 * ratio between two policies is the same height wherever it is.
 */
final class TableChart {
    private TableChart() {}

    private static final int BAR = 14;
    private static final int GAP = 22;
    private static final int LEFT = 90;
    private static final int TOP = 60;
    private static final int PLOT_HEIGHT = 300;
    private static final int BOTTOM = 110;

    /** One colour per policy, in {@link Policy} order; the reference line is black. */
    private static final String[] COLOURS = {"#8c8c8c", "#d62728", "#1f77b4", "#ff7f0e", "#9467bd", "#2ca02c"};

    /** Why {@code file} cannot be written (checked before a long measurement), or null when it can. */
    static String unwritable(Path file) {
        if (Files.isDirectory(file)) return "it is a folder";
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) return "no such folder " + (dir == null ? "" : dir);
        if (!Files.isWritable(dir) || Files.exists(file) && !Files.isWritable(file)) return "permission denied";
        return null;
    }

    static String svg(Results r) {
        Policy[] policies = Policy.values();
        int groups = Workload.values().length * TableBench.PROCESSORS.length;
        int groupWidth = policies.length * BAR + GAP;
        int width = LEFT + groups * groupWidth + 30;
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        Scale y = Scale.of(r.cells());
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(s, width / 2, 24, "middle", 16, "title", "Gerbil hash tables under each --locks policy, free run ("
                + TableBench.THREADS + " threads, best of " + r.size().runs() + ")");
        axis(s, y, width);
        for (int g = 0; g < groups; g++) {
            Workload wl = Workload.values()[g / TableBench.PROCESSORS.length];
            int p = TableBench.PROCESSORS[g % TableBench.PROCESSORS.length];
            int x0 = LEFT + g * groupWidth + GAP / 2;
            for (int i = 0; i < policies.length; i++) bar(s, r.cell(wl, policies[i], p), x0 + i * BAR, y, COLOURS[i]);
            reference(s, r.cell(wl, null, p), x0, policies.length * BAR, y);
            text(s, x0 + policies.length * BAR / 2, TOP + PLOT_HEIGHT + 16, "middle", 12, "processors", "-p " + p);
            if (g % TableBench.PROCESSORS.length == 1)
                text(s, x0 + policies.length * BAR / 2, TOP + PLOT_HEIGHT + 34, "middle", 13, "workload", wl.title);
        }
        legend(s, policies, TOP + PLOT_HEIGHT + 60);
        s.append("</svg>\n");
        return s.toString();
    }

    /** A logarithmic axis from the decade below the smallest measured value to the decade above the largest. */
    private record Scale(int lowDecade, int highDecade) {
        static Scale of(List<Cell> cells) {
            double lo = Double.MAX_VALUE;
            double hi = 0;
            for (Cell c : cells) {
                if (c.kind() != Kind.MEASURED || c.opsPerSecond() <= 0) continue;
                lo = Math.min(lo, c.opsPerSecond());
                hi = Math.max(hi, c.opsPerSecond());
            }
            if (hi == 0) return new Scale(3, 4);
            int low = (int) Math.floor(Math.log10(lo));
            return new Scale(low, Math.max(low + 1, (int) Math.ceil(Math.log10(hi))));
        }

        /** The y coordinate of {@code ops} operations per second (the bottom for nothing). */
        double at(double ops) {
            if (ops <= 0) return TOP + PLOT_HEIGHT;
            double f = (Math.log10(ops) - lowDecade) / (highDecade - lowDecade);
            return TOP + PLOT_HEIGHT * (1 - Math.max(0, Math.min(1, f)));
        }
    }

    private static void axis(StringBuilder s, Scale y, int width) {
        for (int d = y.lowDecade(); d <= y.highDecade(); d++) {
            double at = y.at(Math.pow(10, d));
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>%n",
                    LEFT, at, width - 30, at));
            text(s, LEFT - 6, (int) at + 4, "end", 12, "tick", ops(Math.pow(10, d)));
        }
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP, LEFT, TOP + PLOT_HEIGHT));
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP + PLOT_HEIGHT, width - 30, TOP + PLOT_HEIGHT));
        s.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"20\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 20 %d)\">"
                + "table operations per second (log scale)</text>%n", TOP + PLOT_HEIGHT / 2, TOP + PLOT_HEIGHT / 2));
        text(s, LEFT + (width - 30 - LEFT) / 2, TOP + PLOT_HEIGHT + 52, "middle", 12, "axis-label", "workload and processors (-p)");
    }

    /** One cell's bar; an unmeasured cell is a bar of no height, marked with why. */
    private static void bar(StringBuilder s, Cell c, int x, Scale y, String colour) {
        double top = c.kind() == Kind.MEASURED ? y.at(c.opsPerSecond()) : TOP + PLOT_HEIGHT;
        String what = c.kind() == Kind.MEASURED ? ops(c.opsPerSecond()) + " op/s" : c.kind() == Kind.UNSAFE ? "unsafe" : "failed";
        s.append(String.format(Locale.ROOT, "<rect class=\"bar\" data-workload=\"%s\" data-processors=\"%d\" data-policy=\"%s\""
                + " x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
                c.workload().name(), c.processors(), c.series(), x, top, BAR - 2, TOP + PLOT_HEIGHT - top, colour,
                escape(c.workload().title + ", " + c.series() + ", -p " + c.processors() + ": " + what)));
        if (c.kind() != Kind.MEASURED) {
            int tx = x + BAR / 2 + 2;
            int ty = TOP + PLOT_HEIGHT - 4;
            s.append(String.format(Locale.ROOT, "<text class=\"unmeasured\" x=\"%d\" y=\"%d\" font-size=\"10\" transform=\"rotate(-90 %d %d)\">%s</text>%n",
                    tx, ty, tx, ty, c.kind() == Kind.UNSAFE ? "unsafe" : "failed"));
        }
    }

    private static void reference(StringBuilder s, Cell c, int x, int w, Scale y) {
        if (c.kind() != Kind.MEASURED) return;
        double at = y.at(c.opsPerSecond());
        s.append(String.format(Locale.ROOT, "<line class=\"reference\" data-workload=\"%s\" data-processors=\"%d\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
                + " stroke=\"black\" stroke-width=\"2\" stroke-dasharray=\"4 3\"><title>%s</title></line>%n",
                c.workload().name(), c.processors(), x - 3, at, x + w + 1, at,
                escape(c.workload().title + ", ConcurrentHashMap, " + c.processors() + " Java threads: " + ops(c.opsPerSecond()) + " op/s")));
    }

    private static void legend(StringBuilder s, Policy[] policies, int y) {
        s.append("<g class=\"legend\">\n");
        List<String> names = new ArrayList<>();
        for (Policy p : policies) names.add(p.cliName());
        int x = LEFT;
        for (int i = 0; i <= names.size(); i++) {
            String name = i < names.size() ? names.get(i) : "ConcurrentHashMap (reference)";
            if (i < names.size()) {
                s.append(String.format(Locale.ROOT, "<rect class=\"legend-key\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, y - 10, COLOURS[i]));
            } else {
                s.append(String.format(Locale.ROOT, "<line class=\"legend-key\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"2\""
                        + " stroke-dasharray=\"4 3\"/>%n", x, y - 4, x + 12, y - 4));
            }
            text(s, x + 16, y, "start", 12, "legend-label", name);
            x += 30 + 7 * name.length();
        }
        s.append("</g>\n");
    }

    private static void text(StringBuilder s, int x, int y, String anchor, int size, String cls, String content) {
        s.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                cls, x, y, anchor, size, escape(content)));
    }

    /** 1,234,567 as "1.23M", for ticks and tooltips. */
    static String ops(double v) {
        if (v >= 1e6) return String.format(Locale.ROOT, "%.3gM", v / 1e6);
        if (v >= 1e3) return String.format(Locale.ROOT, "%.3gk", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
