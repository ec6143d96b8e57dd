package safepoint.vm.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.Machine;
import safepoint.vm.run.Stepper;

/**
 * The paused world's time line: after going back, travel forward redoes the recorded moves (the
 * world at each step is the world as it was then), the same move as recorded keeps the moves
 * after it, and a different move forgets them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PausedTimeLineTest {
    final PausedTest base = new PausedTest();

    @Test
    void travelGoesBackAndForwardAlongTheRecordedMovesAndANewMoveCutsWhatFollows() {
        Machine vm = base.machine();
        Paused p = Paused.pause(vm, base.out, new StringWriter(), 0);
        PausedTest.eval(vm, p, "(begin (thread-start! a) (thread-start! b))");
        List<PausedTest.Seen> seen = new ArrayList<>();
        seen.add(PausedTest.Seen.of(p, vm.look()));
        for (Stepper.Step s : List.of(new Stepper.StepProcessor(0), new Stepper.Run(5), new Stepper.StepProcessor(1), new Stepper.Run(9),
                new Stepper.StepThread("#<thread a>"), new Stepper.Run(3))) {
            p.step(s);
            seen.add(PausedTest.Seen.of(p, vm.look()));
        }
        long end = p.steps();
        assertEquals(end, p.latest());
        // To the pause's first look, then forwards to each step the moves reached, and to points inside a Run.
        for (int i : new int[] {0, 3, 1, 6, 2, 4}) {
            assertEquals(seen.get(i).steps(), p.travel(seen.get(i).steps()));
            assertEquals(seen.get(i), PausedTest.Seen.of(p, vm.look()), "at step " + seen.get(i).steps());
            assertEquals(end, p.latest(), "travel keeps the whole time line");
        }
        assertEquals(end, p.travel(Long.MAX_VALUE), "the end of the time line is as far as forward goes");
        assertEquals(seen.get(6), PausedTest.Seen.of(p, vm.look()));
        assertEquals(0, p.travel(-5));
        // Back at step 1 (after the first move), the move that was made there keeps the rest...
        p.travel(seen.get(1).steps());
        p.step(new Stepper.Run(5));
        assertEquals(seen.get(2), PausedTest.Seen.of(p, vm.look()));
        assertEquals(end, p.latest(), "the recorded move again: the moves after it stay");
        assertEquals(end, p.travel(end));
        assertEquals(seen.get(6), PausedTest.Seen.of(p, vm.look()));
        // ...and a different one forgets them.
        p.travel(seen.get(1).steps());
        p.step(new Stepper.StepProcessor(1));
        assertEquals(p.steps(), p.latest(), "a new move: the time line ends here");
        assertEquals(p.steps(), p.travel(end));
    }
}
