package safepoint.repl;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import safepoint.repl.bench.InProcess;
import safepoint.repl.bench.Policy;
import safepoint.repl.bench.Programs;
import safepoint.repl.bench.Result;
import safepoint.repl.bench.Stats;

class BenchTest {
    /** Only the cold run, at each program's small test size. */
    private static final Policy ONCE_SMALL = new Policy(0, 0, 0, true);

    static List<String> names() {
        return Programs.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void programRunsAndGivesItsExpectedResultAtTheTestSize(String name) {
        Machine vm = new Machine(Writer.nullWriter(), Writer.nullWriter(), Reader.nullReader(), 0);
        Outcome loaded = vm.load(Programs.source(name), name + ".scm");
        assertEquals(Outcome.Status.VALUE, loaded.status(), () -> name + ": " + loaded.errorText());
        for (String g : List.of("bench-run", "bench-size", "bench-expected", "bench-test-size", "bench-test-expected")) {
            assertNotNull(vm.lookup(g), name + " defines " + g);
        }
        assertEquals(Outcome.Status.VALUE, vm.load("(set! bench-size bench-test-size)", "(test)").status());
        Outcome r = vm.call(vm.lookup("bench-run"));
        assertEquals(Outcome.Status.VALUE, r.status(), () -> name + ": " + r.errorText());
        Outcome same = vm.call(vm.lookup("equal?"), r.value(), vm.lookup("bench-test-expected"));
        assertEquals(Boolean.TRUE, same.value(),
                () -> name + " gave " + vm.showResult(r.value()) + ", expected " + vm.showResult(vm.lookup("bench-test-expected")));
    }

    @Test
    void theSuiteHasTheClassicBenchmarksAndTheContinuationOnesAmongThem() {
        assertEquals(List.of("fib", "tak", "ack", "cpstak", "ctak", "fibc", "nqueens", "deriv", "destruc", "primes",
                "sum", "quicksort", "string", "vector"), Programs.NAMES);
        assertTrue(Programs.NAMES.containsAll(Programs.CONTINUATION));
        assertEquals(2, Programs.CONTINUATION.size());
    }

    @Test
    void noNamesSelectsAllAndRepeatedNamesRunOnce() {
        assertEquals(Programs.NAMES, Bench.select(List.of()));
        assertEquals(List.of("tak", "fib"), Bench.select(List.of("tak", "fib", "tak")));
        assertNull(Bench.select(List.of("fib", "nope")));
    }

    @Test
    void anUnknownNameIsAUsageErrorListingTheNames() throws Exception {
        Options o = Options.parse(new String[] {"bench", "fib", "fibb"});
        assertEquals(List.of("fib", "fibb"), o.operands());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Bench.run(o.operands(), out, err, Optional.empty(), ONCE_SMALL);
        assertEquals(2, status);
        assertEquals("", out.toString(), "nothing runs");
        assertTrue(err.toString().startsWith("safepoint: unknown benchmark 'fibb'; the benchmarks are: "), err.toString());
        for (String n : Programs.NAMES) assertTrue(err.toString().contains(" " + n), n);
    }

    @Test
    void aWrongResultIsAFailure() {
        String wrong = "(define bench-size 3) (define bench-test-size 1)\n"
                + "(define (bench-run) (list bench-size 'x))\n"
                + "(define bench-expected '(3 x)) (define bench-test-expected '(1 y))";
        Result r = InProcess.run("wrong", wrong, ONCE_SMALL);
        assertFalse(r.ok());
        assertTrue(r.failure().contains("wrong result (1 x), expected (1 y)"), r.failure());
        Result right = InProcess.run("right", wrong, new Policy(3, 10, 0, false));
        assertTrue(right.ok(), right::failure);
        assertEquals(3, right.warmRuns(), "at least minWarm warm runs even with no time budget");
    }

    @Test
    void anErrorInTheProgramIsAFailure() {
        Result r = InProcess.run("broken", "(define (bench-run) (car '())) (define bench-expected 1)",
                new Policy(0, 0, 0, false));
        assertFalse(r.ok());
        assertTrue(r.failure().startsWith("first run: "), r.failure());
        Result unloadable = InProcess.run("unloadable", "(define (bench-run) 1", ONCE_SMALL);
        assertTrue(unloadable.failure().startsWith("loading failed: "), unloadable.failure());
    }

    @Test
    void withoutGsiTheReportGivesSafepointsTimesAndSaysGsiIsAbsent() throws Exception {
        StringWriter out = new StringWriter();
        int status = Bench.run(List.of("fib", "ctak"), out, new StringWriter(), Optional.empty(), ONCE_SMALL);
        String report = out.toString();
        assertEquals(0, status, report);
        assertTrue(report.contains("gsi: not on the PATH"), report);
        assertTrue(report.contains("GC "), report);
        assertTrue(report.contains("\nfib "), report);
        assertTrue(report.contains("\nctak "), report);
        assertTrue(report.contains("geometric mean of Safepoint times in ms warm: "), report);
        assertFalse(report.contains("FAILED"), report);
    }

    @Test
    void aRowShowsTimesRatiosOrWhyItFailed() {
        Bench.Row good = new Bench.Row("fib", Result.ok("fib", 120, new double[] {50, 60, 70}),
                Result.ok("fib", 200, new double[] {100, 120, 140}));
        assertEquals("fib             120.0      60.0      200.0     120.0      0.60      0.50", good.format());
        Bench.Row bad = new Bench.Row("tak", Result.failed("tak", "wrong result 6, expected 7"),
                Result.ok("tak", 200, new double[] {100}));
        assertFalse(bad.hasRatios());
        assertEquals("tak                      FAILED      200.0     100.0\n    Safepoint: wrong result 6, expected 7", bad.format());
    }

    @Test
    void geometricMean() {
        assertEquals(4.0, Stats.geometricMean(List.of(2.0, 8.0)), 1e-12);
        assertEquals(0.5, Stats.geometricMean(List.of(0.5)), 1e-12);
        assertEquals(1.0, Stats.geometricMean(List.of(0.25, 4.0, 1.0)), 1e-12);
        assertEquals(3.0, Stats.geometricMean(List.of(1.0, 3.0, 9.0)), 1e-12);
        assertEquals(1e300, Stats.geometricMean(List.of(1e300, 1e300, 1e300)), 1e288, "no overflow");
        assertTrue(Double.isNaN(Stats.geometricMean(List.of())));
        assertTrue(Double.isNaN(Stats.geometricMean(List.of(1.0, 0.0))));
    }

    @Test
    void median() {
        assertEquals(2.0, Stats.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}));
        assertEquals(7.0, Stats.median(new double[] {7}));
        assertTrue(Double.isNaN(Stats.median(new double[0])));
    }

    @Test
    void pollsComparisonRunsEveryBenchmarkBothWaysAndChecksResults() {
        java.io.StringWriter out = new java.io.StringWriter();
        int status = Bench.polls(out, new safepoint.repl.bench.Policy(1, 1, 1, true));
        org.junit.jupiter.api.Assertions.assertEquals(0, status, out.toString());
        String text = out.toString();
        for (String name : safepoint.repl.bench.Programs.NAMES) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("\n" + name + " "), name + " missing in\n" + text);
        }
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("geometric mean (polls / no polls):"), text);
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void smpBenchmarksRunAndReportTheirFigures() {
        java.io.StringWriter out = new java.io.StringWriter();
        org.junit.jupiter.api.Assertions.assertEquals(0, SmpBench.ring(out, 50, 5), out.toString());
        org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains("messages/s"), out.toString());
        org.junit.jupiter.api.Assertions.assertEquals(0, SmpBench.gc(out), out.toString());
        org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains("-p 4: ((collections . "), out.toString());
        org.junit.jupiter.api.Assertions.assertEquals(0, SmpBench.threads(out, 1000), out.toString());
        org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains("1000 Scheme threads blocked"), out.toString());
        org.junit.jupiter.api.Assertions.assertEquals(0, SmpBench.analysis(out, 1000), out.toString());
        org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains("wait-for analysis of 1,003 blocked threads"), out.toString());
        org.junit.jupiter.api.Assertions.assertEquals(0, SmpBench.look(out, 1000), out.toString());
        org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains("look() during a free run of 4 processors, 1,009 threads: median"), out.toString());
        org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains("look() between runs, 1,009 threads: median"), out.toString());
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void theInspectorBenchmarkRunsAndReportsItsFiguresWithoutJudgingThem() {
        java.io.StringWriter out = new java.io.StringWriter();
        InspectorBench.Sizes small = new InspectorBench.Sizes(1000, 200, new Policy(1, 1, 0, true), List.of("fib", "tak"), 2000, 1);
        assertEquals(0, InspectorBench.all(out, small), out.toString());
        String s = out.toString();
        assertTrue(s.contains("screen updates, busy free run of 4 processors, 9 threads: "), s);
        assertTrue(s.contains("screen updates, busy free run of 4 processors, 1,009 threads: "), s);
        assertTrue(s.matches("(?s).*\nfib +[0-9.]+ +[0-9.]+ +[0-9.]+\n.*"), s);
        assertTrue(s.contains("geometric mean (looked at / not; bar: at most 1.05): "), s);
        assertTrue(s.contains("lock-heavy free run (4 threads x 2,000 mutex lock/unlock, 4 processors), median of 1: "), s);
    }
}
