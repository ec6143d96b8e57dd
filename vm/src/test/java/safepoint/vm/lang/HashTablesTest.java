package safepoint.vm.lang;

import safepoint.vm.SchemeCaseSuite;
import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Gerbil's hash-table API (cons.io reference/gerbil/runtime/hash-tables.md) over the raw-table library. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HashTablesTest extends SchemeCaseSuite {
    /** JUnit makes an instance per test, so each test has a fresh machine. */
    private final VmFixture f = new VmFixture();

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
    void seedsComeFromTheVmsRandomGeneratorSoOrderIsReproducible() {
        String order1 = new VmFixture().eval("(let ((h (make-hash-table))) (for-each (lambda (k) (hash-put! h k #t)) '(a b c d e f g)) (hash-keys h))");
        String order2 = new VmFixture().eval("(let ((h (make-hash-table))) (for-each (lambda (k) (hash-put! h k #t)) '(a b c d e f g)) (hash-keys h))");
        assertEquals(order1, order2);
    }
}
