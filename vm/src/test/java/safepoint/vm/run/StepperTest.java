package safepoint.vm.run;

import safepoint.vm.Machine;
import safepoint.vm.event.Events;
import safepoint.vm.event.What;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The manual strategy: the debugger's API steps a processor, a thread, or runs N points. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StepperTest {

    static final String TWO_WRITERS = """
            (define (writer name) (lambda () (trace-write name 1) (trace-write name 2)))
            (define a (spawn/name 'a (writer 'a)))
            (define b (spawn/name 'b (writer 'b)))
            (thread-join! a)
            (thread-join! b)
            (display "done")
            """;

    /** Answers from a script, then runs to the end; remembers every view it was shown. */
    static final class Script implements Stepper {
        final Deque<Step> steps;
        final List<View> views = new ArrayList<>();

        Script(Step... steps) {
            this.steps = new ArrayDeque<>(List.of(steps));
        }

        @Override
        public Step next(View view) {
            views.add(view);
            return steps.isEmpty() ? new Run(1_000_000) : steps.poll();
        }
    }

    static Machine machine(Stepper s, StringWriter out) {
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), 0);
        vm.configure(vm.settings().withProcessors(3));
        vm.configure(vm.settings().controlled(0, new Chooser.Manual(s)).withMaxSteps(1_000_000));
        vm.events.setMode(Events.Mode.RECORD);
        return vm;
    }

    @Test
    void steppingAThreadRunsOnlyThatThread() {
        // Run the main thread until both writers sit on processors, then step b by hand to its end.
        Script script = new Script(new Stepper.Run(40));
        StringWriter out = new StringWriter();
        Machine vm = machine(new Stepper() {
            boolean bSeen;

            @Override
            public Step next(View v) {
                script.views.add(v);
                if (v.threadOn().contains("#<thread b>") && !bSeen) bSeen = true;
                if (bSeen && v.threadOn().contains("#<thread b>")) return new StepThread("#<thread b>");
                return new StepProcessor(v.runnable().get(0));
            }
        }, out);
        Outcome o = vm.load(TWO_WRITERS, "t.ss");
        assertEquals(Outcome.Status.VALUE, o.status(), String.valueOf(o.errorText()));
        assertEquals("done", out.toString());
        // Once b was on a processor, nothing else ran until it ended: its writes come before a's.
        List<String> writes = new ArrayList<>();
        for (Events.Event e : vm.events.snapshot()) if (e.what() instanceof What.TraceAccess a && a.write()) writes.add(a.location() + " = " + a.value());
        assertEquals(4, writes.size(), writes.toString());
        assertTrue(writes.get(0).startsWith("b") && writes.get(1).startsWith("b"), writes.toString());
    }

    @Test
    void aRefusedStepIsExplainedAndTheStepperAskedAgain() {
        Script s = new Script(new Stepper.StepProcessor(2), new Stepper.StepThread("#<thread nobody>"), new Stepper.Run(0));
        Machine vm = machine(s, new StringWriter());
        Outcome o = vm.load(TWO_WRITERS, "t.ss");
        assertEquals(Outcome.Status.VALUE, o.status());
        assertEquals(List.of(0), s.views.get(0).runnable(), "at first only the main thread can run");
        assertEquals("P2 has nothing to run", s.views.get(1).refused());
        assertTrue(s.views.get(2).refused().contains("#<thread nobody> is not on a processor"), s.views.get(2).refused());
        assertTrue(s.views.get(3).refused().contains("positive"), s.views.get(3).refused());
    }

    @Test
    void stopEndsTheRunAsInconclusive() {
        Script s = new Script(new Stepper.StepProcessor(0), new Stepper.StepProcessor(0), new Stepper.Stop());
        Machine vm = machine(s, new StringWriter());
        Outcome o = vm.load(TWO_WRITERS, "t.ss");
        assertEquals(Outcome.Status.TIMEOUT, o.status());
        assertEquals(4, o.exitCode());
        assertEquals(2, s.views.get(2).steps(), "each step ran one scheduling point");
        assertTrue(o.errorText().contains("Stopped by hand after 2"), o.errorText());
    }

    @Test
    void runNPointsRunsThatManyThenAsks() {
        Script s = new Script(new Stepper.Run(7));
        Machine vm = machine(s, new StringWriter());
        vm.load(TWO_WRITERS, "t.ss");
        assertEquals(0, s.views.get(0).steps());
        assertEquals(7, s.views.get(1).steps());
    }
}
