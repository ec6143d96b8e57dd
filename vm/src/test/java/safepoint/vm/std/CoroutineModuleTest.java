package safepoint.vm.std;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** :std/coroutine, checked against the example of cons.io reference/std/coroutine.html. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CoroutineModuleTest {

    @Test
    void theDocumentedExampleAndValuesPassedBothWays() {
        StringWriter out = new StringWriter();
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), 0);
        Outcome o = vm.load("""
                (import :std/coroutine)
                (def (1-to-n n)
                  (let lp ((i 1))
                    (when (<= i n)
                      (yield i)
                      (lp (1+ i))))
                  'end)
                (let (cort (coroutine 1-to-n 10))
                  (let lp ()
                    (let (next (continue cort))
                      (unless (eq? next 'end)
                        (displayln next)
                        (lp)))))
                (def echo (coroutine (lambda () (let lp ((x (yield 'ready))) (lp (yield (* x 2)))))))
                (write (list (coroutine? echo) (continue echo) (continue echo 5) (continue echo 7)))""", "test.ss");
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        assertEquals("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n(#t ready 10 14)", out.toString());
    }
}
