package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ,tables}: every kind of table Gerbil's API makes, each with its kind, policy, sizes and rehashes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TablesCommandTest {
    @Test
    void listsRawGcGambitAndLockedTablesWithTheirGcRehashes() throws Exception {
        CliTest.Result r = CliTest.run("""
                (define raw (make-hash-table-string))
                (hash-put! raw "a" 1)
                (define gct (make-gc-table))
                (define k (list 'k))
                (gc-table-set! gct k 1)
                (gc)
                (gc-table-ref gct k #f)
                (define weak (make-hash-table weak-keys: #t))
                (hash-put! weak k 2)
                (define locked (make-hash-table lock: (make-mutex 'm)))
                (define eqs (make-hash-table test: eq?))
                ,tables
                """, "-p", "1", "--locks", "lock-after-probe");
        String out = r.out();
        assertTrue(out.matches("(?s).*#<hash-table \\d+>  raw  string/string  lock-after-probe  1 entry in 16 slots \\(load 0\\.06\\)"
                + "  rehashes 0 \\(0 resizes\\)\n.*"), out);
        // the GC moved k: the first access after it placed the entry again, in the same store
        assertTrue(out.matches("(?s).*#<gc-table \\d+>  gc  address/eq  lock-after-probe  1 entry in \\d+ slots \\(load 0\\.\\d\\d\\)"
                + "  rehashes 1 \\(0 resizes, 1 after GCs\\)\n.*"), out);
        assertTrue(out.matches("(?s).*#<table \\d+>  gambit  gambit/equal  -  1 entry in 0 slots \\(load 0\\.00\\).*"), out);
        assertTrue(out.matches("(?s).*#<hash-table \\d+>  locked  equal/equal  lock-after-probe lock:  0 entries.*"), out);
        // dispatch rule 2: eq? without a seed is a gc-hash-table, which prints as a hash-table
        assertTrue(out.matches("(?s).*#<hash-table \\d+>  gc  address/eq  lock-after-probe  0 entries.*"), out);
    }

    @Test
    void aTableIsListedUnderTheTypeNameItPrintsWith() throws Exception {
        // Gerbil's gc-hash-table::t is named hash-table, its __gc-table::t gc-table, Gambit's table table
        CliTest.Result r = CliTest.run("""
                (list (make-hash-table test: eq?) (make-gc-table) (make-hash-table weak-keys: #t) (make-hash-table-eqv))
                ,tables
                """, "-p", "1");
        String out = r.out();
        assertTrue(out.contains("(#<hash-table #2> #<gc-table #3> #<table #4> #<hash-table #5>)"), out);
        java.util.List<String> rows = out.lines().filter(l -> l.startsWith("#<") && l.contains(" slots ")).toList();
        assertTrue(rows.size() == 4, out);
        assertTrue(rows.get(0).startsWith("#<hash-table 1>  gc  address/eq"), out);
        assertTrue(rows.get(1).startsWith("#<gc-table 2>  gc  address/eq"), out);
        assertTrue(rows.get(2).startsWith("#<table 3>  gambit"), out);
        assertTrue(rows.get(3).startsWith("#<hash-table 4>  raw  eqv/eqv"), out);
    }
}
