package safepoint.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.interp.Stop;
import safepoint.vm.run.Outcome;

/** What a debugger level stands on: the stopped computation's frames, their variables, evaluation there, and continuing it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DebugLevelsTest {
    private final VmFixture f = new VmFixture("(define (f x) (let ((y (* x 2))) (+ 1 (car y))))");

    private Object datum(String text) {
        return f.vm.readAll(text, "(console)").get(0);
    }

    private Stop failing(String text) {
        Outcome o = f.vm.eval(datum(text), "(console)");
        assertEquals(Outcome.Status.ERROR, o.status(), String.valueOf(o.errorText()));
        assertNotNull(o.stop(), "an uncaught error keeps the stopped computation");
        return o.stop();
    }

    private String value(Outcome o) {
        assertEquals(Outcome.Status.VALUE, o.status(), String.valueOf(o.errorText()));
        return f.vm.showResult(o.value());
    }

    @Test
    void theFramesAreTheRaisePointThenTheCallsThatWait() {
        Stop s = failing("(+ 1 (f 5))");
        assertEquals("f", s.frames.get(0).where().procName());
        assertEquals(1, s.frames.get(0).where().src().line());
        assertEquals(39, s.frames.get(0).where().src().col(), "the (car y) in f's definition");
        assertNull(s.frames.get(1).where().procName(), "the second frame is the call at top level");
        assertEquals(2, s.frames.size());
    }

    @Test
    void aFramesVariablesAreItsLocalsInnermostFirst() {
        Stop s = failing("(+ 1 (f 5))");
        List<Machine.Variable> vars = f.vm.variables(s, 0);
        assertEquals(List.of("y", "x"), vars.stream().map(Machine.Variable::name).toList());
        assertEquals("10", f.vm.showResult(vars.get(0).value()));
        assertEquals("5", f.vm.showResult(vars.get(1).value()));
        assertEquals(List.of(), f.vm.variables(s, 1), "the top level has no locals");
    }

    @Test
    void anExpressionTypedAtALevelSeesTheFramesLocalsAndGlobals() {
        Stop s = failing("(+ 1 (f 5))");
        assertEquals("(5 10 #t)", value(f.vm.evalAt(s, 0, datum("(list x y (procedure? f))"), "(console)")));
        Outcome unbound = f.vm.evalAt(s, 1, datum("y"), "(console)");
        assertEquals(Outcome.Status.ERROR, unbound.status(), "frame 1 is the top level: y is not in scope there");
        assertNotNull(unbound.stop(), "an error at a level stops again (a deeper level)");
    }

    @Test
    void aDefinitionAtALevelDefinesAGlobal() {
        Stop s = failing("(+ 1 (f 5))");
        value(f.vm.evalAt(s, 0, datum("(define z (* x 100))"), "(console)"));
        assertEquals("500", f.eval("z"));
    }

    @Test
    void continuingWithAValueMakesItTheValueOfTheFramesCall() {
        Stop s = failing("(+ 1 (f 5))");
        assertEquals("43", value(f.vm.resume(s, 1, 42L)), "42 is the value of (f 5): (+ 1 42)");
        assertEquals("43", value(f.vm.resume(s, 1, 42L)), "a stop can be continued again: its frames are copied before reuse");
    }

    @Test
    void parametersAreThoseOfTheStoppedComputation() {
        f.run("(define p (make-parameter 'outer)) (define (g) (parameterize ((p 'inner)) (car (p))))");
        Stop s = failing("(g)");
        assertEquals("inner", value(f.vm.evalAt(s, 0, datum("(p)"), "(console)")));
        assertEquals("outer", f.eval("(p)"));
    }

    @Test
    void ctrlCStopsAtAPollAndContinuingGoesOnFromThere() throws Exception {
        f.run("(define n 0) (define stop? #f) (define (spin) (if stop? n (begin (set! n (+ n 1)) (spin))))");
        Thread ctrlC = f.pressCtrlC(200, false);
        Outcome o = f.vm.eval(datum("(list 'spun (spin))"), "(console)");
        ctrlC.join();
        assertEquals(Outcome.Status.ERROR, o.status());
        assertTrue(o.errorText().contains("User interrupt"), o.errorText());
        Stop s = o.stop();
        assertNotNull(s);
        value(f.vm.evalAt(s, 0, datum("(set! stop? #t)"), "(console)"));
        String spun = value(f.vm.resume(s, 0, safepoint.vm.data.Special.VOID));
        assertTrue(spun.startsWith("(spun "), "the interrupted call went on and returned to its caller: " + spun);
        assertTrue(Long.parseLong(spun.substring(6, spun.length() - 1)) > 0, spun);
    }

    @Test
    void aStopsObjectsAreRootsOfTheCollectorWhileItsLevelIsOpen() {
        f.run("(define (h v) (car v))");
        Stop s = failing("(h (make-vector 200000 0))");
        f.vm.levels.add(s);
        f.eval("(gc)");
        long kept = f.vm.look().heap().liveAfterGcWords();
        assertEquals("200000", value(f.vm.evalAt(s, 0, datum("(vector-length v)"), "(console)")));
        f.vm.levels.remove(s);
        f.eval("(gc)");
        long dropped = f.vm.look().heap().liveAfterGcWords();
        assertTrue(kept - dropped >= 200000, "the vector lives while the level is open: " + kept + " then " + dropped);
    }
}
