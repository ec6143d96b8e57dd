package safepoint.vm.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.VmFixture;
import safepoint.vm.data.Special;
import safepoint.vm.run.Outcome;

/** Breakpoints, tracing and stepping at procedure entries (Debugging), below the REPL's words. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DebuggingTest {
    private final VmFixture f = new VmFixture("""
            (define (sq x) (* x x))
            (define (f2 x) (+ (sq x) 1))
            (define (k y) (list (f2 y) (f2 (+ y 1))))
            (define (loop n) (if (= n 0) 'done (loop (- n 1))))
            """);

    private Outcome eval(String text) {
        f.out.getBuffer().setLength(0);
        return f.vm.eval(f.vm.readAll(text, "(console)").get(0), "(console)");
    }

    private Stop stopped(Outcome o, String in) {
        assertEquals(Outcome.Status.ERROR, o.status(), String.valueOf(o.errorText()));
        assertTrue(o.stop().interrupted(), "a breakpoint stops like Ctrl-C: ,c runs on");
        assertEquals(in, o.stop().frames.get(0).where().procName());
        return o.stop();
    }

    @Test
    void aTracedCallPrintsItsCallAndValueIndentedByNonTailDepth() {
        eval("(trace f2 sq loop)");
        assertEquals("(10 17)", f.vm.showResult(eval("(k 3)").value()));
        assertEquals("| > (f2 3)\n| | > (sq 3)\n| | 9\n| 10\n| > (f2 4)\n| | > (sq 4)\n| | 16\n| 17\n", f.out.toString());
        eval("(loop 2)");
        assertEquals("| > (loop 2)\n| > (loop 1)\n| > (loop 0)\n| done\n", f.out.toString(), "a tail call keeps its caller's level");
        eval("(untrace)");
        eval("(k 1)");
        assertEquals("", f.out.toString());
    }

    @Test
    void aBreakpointIsNoExceptionAndContinuingRunsTheBodyOrReturnsTheValueGiven() {
        eval("(break sq)");
        Stop s = stopped(eval("(with-exception-catcher (lambda (e) 'caught) (lambda () (f2 5)))"), "sq");
        assertEquals("5", f.vm.showResult(f.vm.variables(s, 0).get(0).value()));
        assertEquals("26", f.vm.showResult(f.vm.resume(s, s.frames.get(0), Special.VOID, Debugging.Step.NONE).value()));
        assertEquals("101", f.vm.showResult(f.vm.resume(s, s.returning(0), 100L, Debugging.Step.NONE).value()),
                ",(c 100) at the entry makes 100 the value of (sq 5)");
        eval("(unbreak sq)");
        assertEquals("26", f.vm.showResult(eval("(f2 5)").value()));
    }

    @Test
    void stepGoesIntoEveryEntryAndLeapGoesOverTheCallsOfTheStoppedProcedure() {
        eval("(break k)");
        Stop atK = stopped(eval("(k 3)"), "k");
        Stop into = stopped(f.vm.resume(atK, atK.frames.get(0), Special.VOID, Debugging.Step.INTO), "f2");
        Stop deeper = stopped(f.vm.resume(into, into.frames.get(0), Special.VOID, Debugging.Step.INTO), "sq");
        assertEquals("3", f.vm.showResult(f.vm.variables(deeper, 0).get(0).value()));
        Stop over = stopped(f.vm.resume(into, into.frames.get(0), Special.VOID, Debugging.Step.OVER), "f2");
        assertEquals("4", f.vm.showResult(f.vm.variables(over, 0).get(0).value()), "leaping from (f2 3) skips (sq 3): next is (f2 4)");
        assertEquals("(10 17)", f.vm.showResult(f.vm.resume(atK, atK.frames.get(0), Special.VOID, Debugging.Step.OVER).value()),
                "leaping from k skips all its calls; nothing after it");
    }

    @Test
    void onlyInterpretedProceduresCanBeMarked() {
        Outcome o = eval("(trace car)");
        assertEquals(Outcome.Status.ERROR, o.status());
        assertTrue(o.errorText().contains("(Argument 1) Interpreted PROCEDURE expected"), o.errorText());
    }
}
