package safepoint.repl;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Demo (e) of issue 14, seed bug 5(e): an address-striped table lock whose table a GC moves inside
 * the critical section. The release clears the stripe of the new address; the stripe taken stays
 * locked, the next table on it spins without polls, and the next GC waits for ever.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StripeMovedDemoTest {
    static final String DEMO = Demos.example("table-stripe-moved.ss");

    @Test
    void exploreFindsTheBarrierDeadlockAndNamesTheStrandedStripeAndTheMovedTable() throws Exception {
        CliTest.Result r = Demos.foundByExplore(DEMO, "spinning without polls on #<spinlock table-stripe-0>", "--locks", "striped-address");
        // a takes stripe 0 for its table, the GC comes inside the operation, and a ends without
        // ever releasing stripe 0; b's own table maps to it and spins
        Demos.inOrder(r.out(),
                "#<thread a>", "spinlock-take #<spinlock table-stripe-0>",
                "#<thread a>", "probe slot 6 #<hash-table 1>",
                "#<thread a>", "requests a GC: stop the world",
                "#<thread a>", "thread-end",
                "#<thread b>", "hash-put! #<hash-table 2>",
                "#<thread b>", "spins on #<spinlock table-stripe-0>");
        java.util.List<Demos.Cell> cells = Demos.cells(r.out());
        org.junit.jupiter.api.Assertions.assertEquals(-1, Demos.find(cells, 0, "#<thread a>", "spinlock-release #<spinlock table-stripe-0>"));
        // a's release is a row of its own, in a's column after the GC and before a ends: it
        // cleared the stripe of the table's new address, and stripe 0 stays locked
        int gc = Demos.find(cells, 0, "#<thread a>", "requests a GC: stop the world");
        int end = Demos.find(cells, gc, "#<thread a>", "thread-end");
        int release = -1;
        for (int i = gc; i < end; i++) {
            Demos.Cell c = cells.get(i);
            if (c.thread().equals("#<thread a>") && c.text().matches("release stripe \\d+, not 0 \\(moved from address \\d+ to \\d+\\):"
                    + " stripe 0 stays locked #<hash-table 1>")) release = i;
        }
        org.junit.jupiter.api.Assertions.assertTrue(gc >= 0 && release > gc, InterleavingTest.block(r.out()));
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("in plain words: #<thread a> took the table lock #<spinlock table-stripe-0>"
                + " and ended without releasing it; P"), r.out());
        // the table has a real address from its allocation (controlled mode too), and another after the GC
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#<spinlock table-stripe-(\\d+)> is held by #<thread a>, which has ended"
                + " \\(taken for #<hash-table #2> at address (\\d+); a GC moved the table to (\\d+), so its release cleared stripe (\\d+) instead\\)")
                .matcher(r.out());
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), r.out());
        long before = Long.parseLong(m.group(2));
        long after = Long.parseLong(m.group(3));
        org.junit.jupiter.api.Assertions.assertTrue(before != 0 && after != before, r.out());
        org.junit.jupiter.api.Assertions.assertEquals(safepoint.tables.TableLocks.stripeOf(before), Integer.parseInt(m.group(1)));
        org.junit.jupiter.api.Assertions.assertEquals(safepoint.tables.TableLocks.stripeOf(after), Integer.parseInt(m.group(4)));
    }

    @Test
    void lockAfterProbeTakesTheStripeOnlyWhereNothingCanGc() throws Exception {
        CliTest.Result r = CliTest.run("", "explore", DEMO, "--locks", "lock-after-probe", "-p", "2", "--runs", "200");
        org.junit.jupiter.api.Assertions.assertEquals(0, r.status(), r.out() + r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().startsWith("no failure in 200 schedules (0 inconclusive)"), r.out());
    }
}
