package safepoint.vm.lang;

import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Gerbil's hash-table API (cons.io reference/gerbil/runtime/hash-tables.md) over the raw-table library. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HashTablesTest {
    /** JUnit makes an instance per test, so each test has a fresh machine. */
    private final VmFixture f = new VmFixture();

    @Test
    void basicOperations() {
        f.run("(def h (make-hash-table)) (hash-put! h 'a 1) (hash-put! h \"str\" 2) (hash-put! h '(1 2) 3)");
        assertEquals("(1 2 3 #f dflt)", f.eval("(list (hash-ref h 'a) (hash-ref h \"str\") (hash-ref h (list 1 2)) (hash-get h 'zz) (hash-ref h 'zz 'dflt))"));
        f.run("(hash-update! h 'a (lambda (x) (+ x 10))) (hash-update! h 'new 1+ 0)");
        assertEquals("(11 1 4 #t #f)", f.eval("(list (hash-ref h 'a) (hash-ref h 'new) (hash-length h) (hash-key? h 'a) (hash-key? h 'q))"));
        f.run("(hash-remove! h 'a)");
        assertEquals("(3 #f)", f.eval("(list (hash-length h) (hash-key? h 'a))"));
        assertTrue(f.error("(hash-ref h 'missing)").contains("unknown hash key missing"));
    }

    @Test
    void growthKeepsEveryEntry() {
        f.run("(def big (make-hash-table-eq)) (let loop ((i 0)) (when (< i 5000) (hash-put! big i (* i i)) (loop (+ i 1))))");
        assertEquals("(5000 24990001 41654167500)", f.eval("(list (hash-length big) (hash-ref big 4999) (hash-fold (lambda (k v acc) (+ acc v)) 0 big))"));
    }

    @Test
    void schemeHashAndTestProceduresRunThroughTheInterpreter() {
        f.run("""
                (def calls 0)
                (def ci (make-hash-table test: (lambda (a b) (set! calls (+ calls 1)) (string=? (string-downcase a) (string-downcase b)))
                                         hash: (lambda (s) (string-length s))))
                (hash-put! ci "Hello" 1)""");
        assertEquals("1", f.eval("(hash-ref ci \"HELLO\")"));
        assertTrue(Long.parseLong(f.eval("calls")) >= 1);
        // A callback that escapes with a continuation from inside hash-for-each.
        f.run("(def h (hash (a 1) (b 2) (c 3)))");
        assertEquals("found", f.eval("(call/cc (lambda (k) (hash-for-each (lambda (key v) (when (= v 2) (k 'found))) h) 'none))"));
    }

    @Test
    void literalsLetHashCopyMergeAndConversions() {
        f.run("(def lit (hash (a 1) (b 2)))");
        assertEquals("(3 #f)", f.eval("(let-hash lit (list (+ .a .b) .?zz))"));
        assertEquals("((a . 1) (b . 2))", f.eval("(sort (hash->list (hash-copy lit)) (lambda (x y) (string<? (symbol->string (car x)) (symbol->string (car y)))))"));
        // hash-merge: entries of the first table win; hash-merge-right: the later tables win.
        assertEquals("(1 2 30)", f.eval("(let ((m (hash-merge lit (hash (b 20) (c 30))))) (list (hash-ref m 'a) (hash-ref m 'b) (hash-ref m 'c)))"));
        assertEquals("(1 20)", f.eval("(let ((m (hash-merge-right lit (hash (b 20))))) (list (hash-ref m 'a) (hash-ref m 'b)))"));
        assertEquals("(2 x)", f.eval("(let ((t (plist->hash-table '(k1 x k2 y)))) (list (hash-length t) (hash-ref t 'k1)))"));
        assertEquals("#t", f.eval("(hash-table? (list->hash-table '((a . 1))))"));
    }

    @Test
    void seedsComeFromTheVmsRandomGeneratorSoOrderIsReproducible() {
        String order1 = new VmFixture().eval("(let ((h (make-hash-table))) (for-each (lambda (k) (hash-put! h k #t)) '(a b c d e f g)) (hash-keys h))");
        String order2 = new VmFixture().eval("(let ((h (make-hash-table))) (for-each (lambda (k) (hash-put! h k #t)) '(a b c d e f g)) (hash-keys h))");
        assertEquals(order1, order2);
    }
}
