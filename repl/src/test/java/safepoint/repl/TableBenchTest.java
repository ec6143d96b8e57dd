package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import safepoint.repl.TableBench.Cell;
import safepoint.repl.TableBench.Kind;
import safepoint.repl.TableBench.Results;
import safepoint.repl.TableBench.Workload;
import safepoint.tables.Policy;

/**
 * {@code bench tables}: its measurements are records with a cell for every workload, policy and
 * processor count; {@code --svg} draws them as well-formed SVG with a bar per cell and a legend;
 * a bad {@code --svg} is one line and exit 2, before anything is measured. (Nothing here times
 * anything: the figures are the benchmark's, in the README.)
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TableBenchTest {
    @TempDir
    Path dir;

    /** Results made by hand: distinct made-up throughputs, none unsafe on the shared table, one failed cell. */
    private static Results handMade() {
        List<Cell> cells = new ArrayList<>();
        double v = 1000;
        for (Workload wl : Workload.values()) {
            for (int p : TableBench.PROCESSORS) {
                for (Policy policy : Policy.values()) {
                    Kind k = policy == Policy.NONE && wl.insertsShared ? Kind.UNSAFE
                            : wl == Workload.OWN && policy == Policy.GLOBAL && p == 4 ? Kind.FAILED : Kind.MEASURED;
                    cells.add(new Cell(wl, policy, p, k, k == Kind.MEASURED ? v *= 1.1 : 0));
                }
                cells.add(new Cell(wl, null, p, Kind.MEASURED, 50_000_000));
            }
        }
        return new Results(TableBench.Size.QUICK, cells);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> withClass(Document d, String tag, String cls) {
        List<Element> found = new ArrayList<>();
        NodeList all = d.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cls)) found.add(e);
        }
        return found;
    }

    @Test
    void theChartIsWellFormedSvgWithOneBarPerCellAReferenceLineEachAndTheLegend() throws Exception {
        Results r = handMade();
        Document d = parse(TableChart.svg(r));
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());

        List<Element> bars = withClass(d, "rect", "bar");
        int groups = Workload.values().length * TableBench.PROCESSORS.length;
        assertEquals(groups * Policy.values().length, bars.size(), "one bar per (workload, processors, policy)");
        Set<String> keys = new HashSet<>();
        for (Element b : bars) {
            String key = b.getAttribute("data-workload") + "/" + b.getAttribute("data-processors") + "/" + b.getAttribute("data-policy");
            assertTrue(keys.add(key), "one bar only for " + key);
            Cell c = r.cell(Workload.valueOf(b.getAttribute("data-workload")), Policy.named(b.getAttribute("data-policy")),
                    Integer.parseInt(b.getAttribute("data-processors")));
            double h = Double.parseDouble(b.getAttribute("height"));
            if (c.kind() == Kind.MEASURED) assertTrue(h > 0, key + " is measured: its bar has a height");
            else assertEquals(0.0, h, key + " is " + c.kind() + ": no bar height");
        }
        // a higher throughput is a taller bar: compare two measured cells of one group
        Element low = bar(bars, "OWN", 1, "none");
        Element high = bar(bars, "OWN", 1, "lock-free-reads");
        assertTrue(Double.parseDouble(high.getAttribute("height")) > Double.parseDouble(low.getAttribute("height")));

        assertEquals(groups, withClass(d, "line", "reference").size(), "the ConcurrentHashMap line over every group");
        assertEquals(1, withClass(d, "text", "title").size());
        assertEquals(2, withClass(d, "text", "axis-label").size(), "both axes are labelled");

        List<Element> legend = withClass(d, "g", "legend");
        assertEquals(1, legend.size());
        List<String> labels = new ArrayList<>();
        NodeList texts = legend.get(0).getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) labels.add(texts.item(i).getTextContent());
        List<String> expected = new ArrayList<>();
        for (Policy p : Policy.values()) expected.add(p.cliName());
        expected.add("ConcurrentHashMap (reference)");
        assertEquals(expected, labels);
        // each policy's bars share its legend colour
        NodeList keysInLegend = legend.get(0).getElementsByTagName("rect");
        for (int i = 0; i < Policy.values().length; i++) {
            String colour = ((Element) keysInLegend.item(i)).getAttribute("fill");
            for (Element b : bars)
                if (b.getAttribute("data-policy").equals(Policy.values()[i].cliName())) assertEquals(colour, b.getAttribute("fill"));
        }
    }

    private static Element bar(List<Element> bars, String wl, int p, String policy) {
        for (Element b : bars)
            if (b.getAttribute("data-workload").equals(wl) && b.getAttribute("data-processors").equals(String.valueOf(p))
                    && b.getAttribute("data-policy").equals(policy)) return b;
        throw new AssertionError("no bar " + wl + " " + p + " " + policy);
    }

    @Test
    void aMeasurementHasACellForEveryWorkloadPolicyAndProcessorCount() {
        StringWriter log = new StringWriter();
        Results r = TableBench.measure(new TableBench.Size(200, 1), new PrintWriter(log));
        assertFalse(r.failed(), log::toString);
        for (Workload wl : Workload.values()) {
            for (int p : TableBench.PROCESSORS) {
                for (Policy policy : Policy.values()) {
                    Cell c = r.cell(wl, policy, p);
                    assertEquals(policy == Policy.NONE && wl.insertsShared ? Kind.UNSAFE : Kind.MEASURED, c.kind(), c.toString());
                    if (c.kind() == Kind.MEASURED) assertTrue(c.opsPerSecond() > 0, c.toString());
                }
                assertTrue(r.cell(wl, null, p).opsPerSecond() > 0, "the reference line at -p " + p);
            }
        }
        int expected = Workload.values().length * TableBench.PROCESSORS.length * (Policy.values().length + 1);
        assertEquals(expected, r.cells().size());
    }

    @Test
    void theTargetsAreTheIssuesRatiosOfTheCellsAndSayWhichAreMet() {
        Results r = handMade();
        List<TableBench.Target> targets = r.targets();
        assertEquals(8, targets.size(), targets.toString());
        TableBench.Target first = targets.get(0);
        assertEquals("own tables, per-table / global at -p 2", first.what());
        assertEquals(r.cell(Workload.OWN, Policy.PER_TABLE, 2).opsPerSecond() / r.cell(Workload.OWN, Policy.GLOBAL, 2).opsPerSecond(),
                first.ratio(), 1e-9);
        assertEquals(1.3, first.goal());
        // global failed at -p 4: no ratio against it, and the target says so instead of a figure
        assertTrue(Double.isNaN(targets.get(2).ratio()), targets.get(2).toString());
        TableBench.Target readMostly = targets.get(7);
        assertEquals("read-mostly, lock-free-reads / per-table at -p 4", readMostly.what());
        assertEquals(r.ratio(Workload.READ_MOSTLY, Policy.LOCK_FREE_READS, Policy.PER_TABLE, 4), readMostly.ratio(), 1e-9);
        assertEquals(readMostly.ratio() >= 1.5, readMostly.met());
        StringWriter out = new StringWriter();
        TableBench.print(r, new PrintWriter(out));
        String text = out.toString();
        assertTrue(text.contains("issue 14's targets"), text);
        assertTrue(text.contains("own tables, per-table / global at -p 4") && text.contains("not measured"), text);
        assertTrue(text.contains(first.met() ? "met" : "MISSED"), text);
    }

    @Test
    void onOneProcessorARunMeasuresItsCpuTimePerOperation() {
        StringWriter log = new StringWriter();
        TableBench.Run run = TableBench.scheme(Workload.OWN, Policy.PER_TABLE, 1, 500, new PrintWriter(log));
        assertTrue(run != null, log::toString);
        assertTrue(run.opsPerSecond() > 0 && run.cpuNanosPerOp() > 0, run.toString());
        Results r = TableBench.measure(new TableBench.Size(200, 1), new PrintWriter(log));
        assertTrue(r.cell(Workload.OWN, Policy.NONE, 1).cpuNanosPerOp() > 0, "measured on one processor");
        assertTrue(Double.isNaN(r.cell(Workload.OWN, Policy.NONE, 2).cpuNanosPerOp()), "not on two: other processors' threads run too");
        assertTrue(Double.isNaN(r.cell(Workload.OWN, null, 1).cpuNanosPerOp()), "nor for the reference line");
    }

    /** Runs {@code bench tables ARGS}: the exit status and what went to stderr. */
    private static String[] tables(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = TableBench.main(List.of(args), out, err);
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    @Test
    void aBadSvgPathIsOneClearLineAndExitTwoBeforeMeasuring() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        for (String bad : new String[] {dir.resolve("no/such/dir/chart.svg").toString(), folder.toString()}) {
            String[] r = tables("--svg", bad);
            assertEquals("2", r[0], bad);
            assertEquals("", r[1], "nothing measured for " + bad);
            assertEquals(1, r[2].lines().count(), r[2]);
            assertTrue(r[2].startsWith("safepoint: --svg: cannot write " + bad + ": "), r[2]);
        }
        String[] missing = tables("--svg");
        assertEquals("2", missing[0]);
        assertEquals("safepoint: --svg needs a FILE\n", missing[2].replace("\r\n", "\n"));
        String[] unknown = tables("--fast");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].contains("unknown argument --fast"), unknown[2]);
    }

    @Test
    void svgAndQuickOutsideBenchTablesAreUsageErrors() {
        Options.UsageError e = org.junit.jupiter.api.Assertions.assertThrows(Options.UsageError.class,
                () -> Options.parse(new String[] {"run", "x.ss", "--svg", "c.svg"}));
        assertTrue(e.getMessage().contains("--svg goes with bench tables"), e.getMessage());
    }
}
