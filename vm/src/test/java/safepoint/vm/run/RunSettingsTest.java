package safepoint.vm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.Machine;

/** The settings a Machine runs with, and the report a run gives back. */
class RunSettingsTest {
    @Test
    void copiesChangeOnlyWhatTheySay() {
        RunSettings free = RunSettings.freeRun(4).withHeapBytes(1 << 20);
        assertFalse(free.controlled());
        RunSettings c = free.controlled(9, "pct").withMaxSteps(500);
        assertEquals(new RunSettings(4, 1 << 20, new RunSettings.Control(9, new Chooser.Pct(Pct.DEFAULT_DEPTH, Pct.DEFAULT_K), 500), safepoint.tables.Policy.DEFAULT), c);
        // Another chooser keeps the seed and the bound; from free run, seed 0 and the default bound.
        RunSettings.Control replay = c.choosing(Chooser.replay(List.of())).control();
        assertEquals(9, replay.seed());
        assertEquals(500, replay.maxSteps());
        assertEquals(new RunSettings.Control(0, new Chooser.RoundRobin(), RunSettings.DEFAULT_MAX_STEPS),
                free.choosing(new Chooser.RoundRobin()).control());
        assertEquals(2, c.withProcessors(2).processors());
        assertEquals(c.control(), c.withProcessors(2).control());
    }

    @Test
    void badSettingsSaySo() {
        assertEquals("processors: at least 1, not 0", assertThrows(IllegalArgumentException.class, () -> RunSettings.freeRun(0)).getMessage());
        assertEquals("heap size: a positive number of bytes, not 0",
                assertThrows(IllegalArgumentException.class, () -> RunSettings.freeRun(1).withHeapBytes(0)).getMessage());
        assertEquals("step bound: at least 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> RunSettings.freeRun(1).controlled(1, "random").withMaxSteps(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunSettings.freeRun(1).withMaxSteps(5)).getMessage()
                .startsWith("a step bound needs controlled mode"));
        assertEquals("unknown strategy 'fifo' (random, rr, pct or dfs)",
                assertThrows(IllegalArgumentException.class, () -> RunSettings.freeRun(1).controlled(1, "fifo")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Chooser.Pct(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Chooser.Dfs(new int[] {-1}));
    }

    @Test
    void aRunReportsWhatItDidAndAFreeRunReportsNothing() {
        String program = "(define m (make-mutex)) (for-each thread-join! (map (lambda (i) (spawn (lambda () (mutex-lock! m) (mutex-unlock! m)))) '(1 2 3)))";
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        vm.configure(RunSettings.freeRun(2).controlled(3, "random"));
        Outcome o = vm.load(program, "t.ss");
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        assertTrue(o.report().steps() > 0 && !o.report().choices().isEmpty() && o.report().hadChoice(), o.report().toString());
        assertTrue(o.report().schedule(program).startsWith("S2:"));
        vm.configure(vm.settings().choosing(Chooser.replay(o.report().choices())));
        assertEquals(o.report().schedule(program), vm.load(program, "t.ss").report().schedule(program), "the choices replay");
        vm.configure(RunSettings.freeRun(2));
        assertEquals(RunReport.NONE, vm.load(program, "t.ss").report());
    }
}
