package safepoint.vm.std;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.SchemeCaseSuite;
import safepoint.vm.VmFixture;

/**
 * :std/error (doc/reference/std/errors.md): the classes, predicates and raisers as values in
 * /cases/StdErrorTest.cases; here, what a person reads: display-exception and the report of an
 * uncaught Error, in the form Gerbil's pages show (doc/reference/std/misc/path.md, atom.md).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StdErrorTest extends SchemeCaseSuite {
    @Test
    void anUncaughtErrorIsReportedAsGerbilShowsIt() {
        VmFixture f = new VmFixture("(import :std/error)");
        // Gerbil's pages show "?" where its runtime knows no place; Safepoint names the call that raised.
        assertEquals("*** ERROR IN \"test.ss\"@1.1 [Error]: Path not absolute", f.error("(error \"Path not absolute\")"));
        assertEquals("*** ERROR IN \"test.ss\"@1.1 [IOError]: bad\n--- irritants: 1 \"x\"", f.error("(raise-io-error 'f \"bad\" 1 \"x\")"));
        assertEquals("*** ERROR IN \"test.ss\"@1.53 [BadArgument]: bad argument; expected string\n--- irritants: 1",
                f.error("(def (g x) (check-argument (string? x) \"string\" x)) (g 1)"));
    }

    @Test
    void displayExceptionShowsTheClassTheMessageAndTheIrritants() {
        VmFixture f = new VmFixture("(import :std/error)");
        assertEquals("[Error]: boom\n--- irritants: \"a\" 2\n",
                f.run("(display-exception (with-catch values (lambda () (error \"boom\" \"a\" 2))) (current-output-port))"));
    }
}
