package safepoint.vm.search;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import safepoint.vm.event.Events;
import safepoint.vm.event.What;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compile once, rewind per run: a run on a rewound VM is the run a fresh VM makes, byte for
 * byte (output, error, schedule, event stream), for every golden program and example, whatever
 * ran on the VM before. A state a rewind forgot shows here as a difference.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class RewindTest {

    static List<Path> programs() throws Exception {
        List<Path> all = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/golden"), Path.of("..", "examples"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".ss")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    /** One run, as everything that must not differ. */
    static String describe(Machine vm, Outcome o, StringWriter out, String text) {
        StringBuilder sb = new StringBuilder();
        sb.append(o.status()).append(' ').append(o.exitCode()).append('\n').append(out).append('\n').append(o.errorText()).append('\n');
        sb.append(o.report().schedule(text)).append('\n');
        for (Events.Event e : vm.events.snapshot()) {
            // A GC's pause is wall-clock time: the one field that differs between any two runs.
            What w = e.what() instanceof What.GcRelease g ? new What.GcRelease(g.epoch(), g.liveWords(), 0) : e.what();
            sb.append(e.seq()).append(" P").append(e.processor()).append(' ').append(e.nanos()).append(' ').append(w).append('\n');
        }
        return sb.toString();
    }

    static final long STEPS = 2_000_000;

    public static String fresh(String text, String file, long seed) {
        StringWriter out = new StringWriter();
        Machine vm = new Machine(out, new StringWriter(), new StringReader(""), seed);
        vm.configure(vm.settings().withProcessors(2));
        vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(STEPS));
        vm.events.setMode(Events.Mode.RECORD);
        vm.deadline = System.nanoTime() + 60_000_000_000L;
        return describe(vm, vm.load(text, file), out, text);
    }

    public static String rewound(Machine vm, Checkpoint snap, Machine.Prepared p, String text, long seed) {
        StringWriter out = new StringWriter();
        snap.rewind(out, new StringWriter(), seed);
        vm.configure(vm.settings().controlled(seed, "random").withMaxSteps(STEPS));
        vm.events.setMode(Events.Mode.RECORD);
        vm.deadline = System.nanoTime() + 60_000_000_000L;
        return describe(vm, vm.run(p), out, text);
    }

    @Test
    void aRewoundRunIsTheRunOfAFreshVm() throws Exception {
        List<Path> programs = programs();
        assertTrue(programs.size() > 90, "golden programs and examples found: " + programs.size());
        List<String> differ = new ArrayList<>();
        for (Path program : programs) {
            String text = Files.readString(program);
            String file = program.getFileName().toString();
            Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
            vm.configure(vm.settings().withProcessors(2));
            Machine.Prepared p = vm.prepare(text, file);
            Checkpoint snap = safepoint.vm.search.Checkpoint.of(vm, p);
            // Runs in an order unlike the fresh ones: each must still match its fresh twin.
            for (long seed : new long[] {3, 1, 2, 1}) {
                String expected = fresh(text, file, seed);
                String actual = rewound(vm, snap, p, text, seed);
                if (!expected.equals(actual)) {
                    differ.add(file + " seed " + seed + ": " + firstDifference(expected, actual));
                    break;
                }
            }
        }
        assertTrue(differ.isEmpty(), differ.size() + " programs differ:\n" + String.join("\n\n", differ));
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) return "line " + i + "\n--- fresh\n" + cut(x[i]) + "\n--- rewound\n" + cut(y[i]);
        }
        return "lengths " + x.length + " and " + y.length;
    }

    private static String cut(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    @Test
    void aRewindDropsWhatTheLastRunDefinedAndChanged() {
        String text = """
                (define v (vector 1 2 3))
                (define (bump!) (vector-set! v 0 (+ (vector-ref v 0) 1)) (set! car cdr) (vector-ref v 0))
                (display (bump!))
                (display (object->serial-number (lambda () 1)))
                (display (gensym))
                """;
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        Machine.Prepared p = vm.prepare(text, "t.ss");
        Checkpoint snap = safepoint.vm.search.Checkpoint.of(vm, p);
        assertTrue(snap.size() > 1000, "the builtins' globals are kept: " + snap.size());
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StringWriter out = new StringWriter();
            snap.rewind(out, new StringWriter(), 0);
            Outcome o = vm.run(p);
            assertEquals(Outcome.Status.VALUE, o.status(), String.valueOf(o.errorText()));
            outs.add(out.toString());
        }
        assertEquals(outs.get(0), outs.get(1));
        assertEquals(outs.get(0), outs.get(2));
        assertTrue(outs.get(0).startsWith("2"), outs.get(0));
        assertFalse(outs.get(0).isEmpty());
    }
}
