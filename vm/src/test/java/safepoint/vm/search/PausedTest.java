package safepoint.vm.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.Machine;
import safepoint.vm.observe.MachineView;
import safepoint.vm.run.Outcome;
import safepoint.vm.run.RunSettings;
import safepoint.vm.run.Stepper;

/** The paused world: steps move it as asked, a step back is the same world as before the steps, and looks work meanwhile. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PausedTest {
    static final String WORKERS = """
            (define m (make-mutex 'm))
            (define total 0)
            (define (work name) (lambda () (let loop ((i 0)) (when (< i 30) (mutex-lock! m) (set! total (+ total 1)) (mutex-unlock! m) (loop (+ i 1))))))
            (define a (make-thread (work 'a) 'a))
            (define b (make-thread (work 'b) 'b))
            """;

    final StringWriter out = new StringWriter();

    Machine machine() {
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), 0);
        vm.configure(RunSettings.freeRun(2));
        assertEquals(Outcome.Status.VALUE, vm.load(WORKERS, "w.ss").status());
        return vm;
    }

    static Outcome eval(Machine vm, Paused p, String text) {
        Object form = vm.readAll(text, "t").get(0);
        return p.eval(form, () -> vm.eval(form, "t"));
    }

    /** What a step back must give again: every thread's state, waits, held locks, place and progress; the locks. */
    record Seen(long steps, List<?> threads, List<?> locks) {
        static Seen of(Paused p, MachineView v) {
            return new Seen(p.steps(), v.threads(), v.locks());
        }
    }

    @Test
    void stepsMoveTheWorldAndAStepBackIsTheWorldAsItWasThen() {
        Machine vm = machine();
        Paused p = Paused.pause(vm, out, new StringWriter(), 0);
        assertEquals(0, p.steps());
        eval(vm, p, "(begin (thread-start! a) (thread-start! b))");
        List<Seen> seen = new ArrayList<>();
        seen.add(Seen.of(p, vm.look()));
        List<Stepper.Step> moves = List.of(new Stepper.StepProcessor(0), new Stepper.StepProcessor(1), new Stepper.Run(7),
                new Stepper.StepThread("#<thread b>"), new Stepper.Run(25), new Stepper.StepProcessor(0));
        for (Stepper.Step s : moves) {
            Paused.Stepped r = p.step(s);
            assertNull(r.refused(), String.valueOf(r.refused()));
            assertTrue(r.to() > r.from(), "a step moves the world: " + r);
            assertEquals(r.to(), p.steps());
            assertTrue(r.slices().stream().allMatch(x -> x.points() > 0));
            seen.add(Seen.of(p, vm.look()));
        }
        // One processor's step runs only that processor.
        for (int i = 5; i >= 1; i--) {
            Seen then = seen.get(i);
            long now = p.back(p.steps() - then.steps());
            assertEquals(then.steps(), now);
            assertEquals(then, Seen.of(p, vm.look()), "back to step " + then.steps());
        }
        // And forwards again from there: the same moves give the same world.
        Paused.Stepped again = p.step(new Stepper.StepProcessor(1));
        assertEquals(seen.get(2).steps(), again.to());
        assertEquals(seen.get(2), Seen.of(p, vm.look()));
    }

    @Test
    void aStepOfOneProcessorRunsOnlyItAndARefusedStepSaysWhy() {
        Machine vm = machine();
        Paused p = Paused.pause(vm, out, new StringWriter(), 0);
        Paused.Stepped idle = p.step(new Stepper.Run(1));
        assertTrue(idle.idle(), "only made, not started: nothing can run");
        assertEquals(0, p.moves().size(), "a step that ran nothing is not a move");
        eval(vm, p, "(thread-start! a)");
        Paused.Stepped r = p.step(new Stepper.StepProcessor(1));
        assertNotNull(r.refused(), "P1 has nothing: a alone is on P0");
        assertEquals(r.from(), r.to());
        Paused.Stepped s = p.step(new Stepper.StepProcessor(0));
        assertEquals(1, s.slices().size());
        assertEquals(0, s.slices().get(0).processor());
        assertEquals("#<thread a>", s.slices().get(0).thread());
    }

    @Test
    void anEvaluationWhilePausedRunsUnderTheControllerAndIsUndoneByAStepBack() {
        Machine vm = machine();
        Paused p = Paused.pause(vm, out, new StringWriter(), 0);
        eval(vm, p, "(begin (thread-start! a) (thread-start! b))");
        long before = p.steps();
        Outcome joined = eval(vm, p, "(begin (thread-join! a) (thread-join! b) total)");
        assertEquals(Outcome.Status.VALUE, joined.status());
        assertEquals(60L, ((Number) joined.value()).longValue());
        assertTrue(p.steps() > before + 60, "the joins ran the workers: " + p.steps());
        p.back(p.steps() - before);
        assertEquals(before, p.steps());
        assertEquals(0L, ((Number) vm.lookup("total")).longValue(), "back before the joins: no work done yet");
        p.resume();
        assertEquals(RunSettings.freeRun(2), vm.settings());
    }

    @Test
    void looksFromOtherThreadsAreAnsweredWhileTheWorldWaitsForItsUser() throws Exception {
        Machine vm = machine();
        Paused p = Paused.pause(vm, out, new StringWriter(), 0);
        eval(vm, p, "(thread-start! a)");
        p.step(new Stepper.StepProcessor(0));
        MachineView[] seen = new MachineView[1];
        Thread inspector = new Thread(() -> seen[0] = vm.look());
        inspector.start();
        inspector.join(10_000);
        assertNotNull(seen[0], "the look came back while the world waited for a step");
        assertEquals(MachineView.Mode.CONTROLLED, seen[0].mode());
        assertTrue(vm.why("a").toString().contains("#<thread a>"));
    }
}
