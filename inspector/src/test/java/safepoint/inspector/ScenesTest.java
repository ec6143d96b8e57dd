package safepoint.inspector;

import safepoint.vm.run.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ThreadView;

/** Scripted machine states, drawn at 80x24 and 200x60, and what a person reads on the screen. */
class ScenesTest {
    @Test
    @Timeout(60)
    void aSpinnerOnAHeldSpinlockShowsInProcessorsThreadsAndLocks() throws Exception {
        try (Scripted s = new Scripted(2, 3)) {
            MachineView v = s.stepUntil("""
                (define L (make-spinlock 'L))
                (spinlock-acquire! L)
                (define s (spawn/name 'spinner (lambda () (spinlock-acquire! L) (spinlock-release! L))))
                (let loop () (loop))
                """, x -> x.threads().stream().anyMatch(t -> t.spinningOn() != null) && x.thread(1).state() == ThreadView.State.RUNNING);
            Inspector in = new Inspector(s.vm);
            in.looks.add(v);
            in.log.take(s.vm.events);
            Scripted.Headless h = Scripted.Headless.of(200, 60);
            String screen = h.draw(in);
            assertTrue(screen.contains("#<spinlock L>"), screen);
            assertTrue(screen.contains("spins on #<spinlock L>, held by"), screen);
            assertTrue(screen.matches("(?s).*#<spinlock L> +#<thread primordial> \\(P\\d\\) +spinner \\(P\\d\\) spins \\(\\d+\\).*"), screen);
            assertTrue(screen.matches("(?s).*\\nP\\d +spinning +spinner on #<spinlock L>.*"), screen);
            String small = Scripted.Headless.of(80, 24).draw(in);
            assertTrue(small.contains("\nP   STATE         THREAD               Q   POLLS POLLS/S  SWITCH   SPINS     TTS\n"), "every column at 80:\n" + small);
            assertTrue(small.matches("(?s).*\\nP\\d  spinning      spinner on #<spin~   0 .*"), small);
        }
    }

    @Test
    @Timeout(60)
    void aThreadWaitingOnAMutexNamesItAndItsHolder() throws Exception {
        try (Scripted s = new Scripted(2, 7)) {
            MachineView v = s.stepUntil("""
                (define m (make-mutex 'm))
                (mutex-lock! m)
                (define w (spawn/name 'waiter (lambda () (mutex-lock! m))))
                (let loop () (loop))
                """, x -> x.threads().stream().anyMatch(t -> t.thread().name().equals("#<thread waiter>")
                    && t.state() == ThreadView.State.WAITING) && x.thread(1).state() == ThreadView.State.RUNNING);
            Inspector in = new Inspector(s.vm);
            in.looks.add(v);
            in.log.take(s.vm.events);
            in.model.focus(Pane.THREADS);
            Scripted.Headless h = Scripted.Headless.of(80, 24);
            String screen = h.draw(in);
            assertEquals("#<thread primordial>", v.thread(1).thread().name());
            int p = v.thread(1).processor();
            assertTrue(screen.matches("(?s).*\\n +2  waiter +WAITING #<mutex m> +\\d+  held by primordial \\(P" + p + "\\)\\n.*"), screen);
            assertTrue(screen.matches("(?s).*\\n +1  primordial +RUNNING P" + p + " .*holds #<mutex m>.*"), screen);
            assertTrue(screen.contains(" 7 Problems"), "the tab bar names every pane at 80 columns:\n" + screen);
        }
    }

    @Test
    @Timeout(60)
    void aSleeperSaysWhenItWakesFromNowNotTheClocksReading() throws Exception {
        try (Scripted s = new Scripted(2, 7)) {
            MachineView v = s.stepUntil("""
                (define w (spawn/name 'sleeper (lambda () (thread-sleep! 5))))
                (let loop () (loop))
                """, x -> x.threads().stream().anyMatch(t -> t.thread().name().equals("#<thread sleeper>")
                    && t.state() == ThreadView.State.SLEEPING));
            Inspector in = new Inspector(s.vm);
            in.looks.add(v);
            in.model.focus(Pane.THREADS);
            String screen = Scripted.Headless.of(80, 24).draw(in);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("sleeper +SLEEPING +\\d+  wakes in (\\d+\\.\\d)s").matcher(screen);
            assertTrue(m.find(), screen);
            double in_ = Double.parseDouble(m.group(1));
            assertTrue(in_ > 4 && in_ <= 5.0, "five seconds from the look, at most: " + screen);
        }
    }

    @Test
    @Timeout(60)
    void aRehashShowsInTheTableRowAndTheScrollingLog() throws Exception {
        String screen = tablesAfter("""
                (define big (make-hash-table-string))
                (let loop ((i 0)) (when (< i 100) (hash-put! big (number->string i) i) (loop (+ i 1))))
                """);
        assertTrue(screen.matches("(?s).*\\n#<hash-table \\d+> +raw +string/[^ ]+ +100 +\\d+ +0\\.\\d\\d +\\d+ +\\d+ +0  per-table\\n.*"), screen);
        assertTrue(screen.contains("rehash / resize log (newest last)"), screen);
        assertTrue(screen.matches("(?s).*rehash-end +128 -> 256 slots +by primordial\\n.*"), screen);
    }

    @Test
    @Timeout(60)
    void gcTablesShowTheirKindAndGcRehashesBesideRawAndGambitTables() throws Exception {
        String screen = tablesAfter("""
                (define raw (make-hash-table-eqv))
                (hash-put! raw 1 1)
                (define gct (make-gc-table))
                (define k (list 'k))
                (gc-table-set! gct k 1)
                (gc)
                (gc-table-ref gct k #f)
                (gc)
                (gc-table-ref gct k #f)
                (define weak (make-hash-table weak-values: #t))
                (define locked (make-hash-table-eqv lock: (make-mutex 'm)))
                """);
        assertTrue(screen.contains("\nTABLE           KIND   HASH/TEST    COUNT SLOTS LOAD REHASH RESIZE GC  POLICY\n"), screen);
        assertTrue(screen.matches("(?s).*\\n#<hash-table \\d+> +raw +eqv/eqv +1 +16 0\\.06 +0 +0 +0  per-table\\n.*"), screen);
        // two GCs moved k; each first access after one placed the entry again
        assertTrue(screen.matches("(?s).*\\n#<gc-table \\d+> +gc +address/eq +1 +\\d+ 0\\.\\d\\d +2 +0 +2  per-table\\n.*"), screen);
        assertTrue(screen.matches("(?s).*\\n#<table \\d+> +gambit +gambit/equal +0 +0 0\\.00 +0 +0 +0  -\\n.*"), screen);
        assertTrue(screen.matches("(?s).*\\n#<hash-table \\d+> +locked +eqv/eqv +0 +16 0\\.00 +0 +0 +0  per-table\\n.*"), screen);
    }

    /** The Tables pane at 80x24, in focus, after {@code program} ran on one processor. */
    private static String tablesAfter(String program) throws Exception {
        Scripted s = new Scripted(1, 1);
        var o = s.vm.load(program, "tables.ss");
        assertEquals(safepoint.vm.run.Outcome.Status.VALUE, o.status(), o.errorText());
        Inspector in = new Inspector(s.vm);
        in.refresh();
        in.model.focus(Pane.TABLES);
        return Scripted.Headless.of(80, 24).draw(in);
    }

    @Test
    @Timeout(60)
    void aBarrierHalfArrivedSaysWhyTheOtherProcessorIsNotThere() throws Exception {
        String program = java.nio.file.Files.readString(java.nio.file.Path.of("../examples/gc-barrier-spin.ss"));
        try (Scripted s = new Scripted(2, 1)) {
            MachineView v = s.stepUntil(program, x -> x.barrier().pending() && x.barrier().arrived().size() == 1);
            Inspector in = new Inspector(s.vm);
            in.looks.add(v);
            in.log.take(s.vm.events);
            in.model.focus(Pane.BARRIER);
            String small = Scripted.Headless.of(80, 24).draw(in);
            int there = v.barrier().arrived().get(0), missing = 1 - there;
            assertTrue(small.contains("GC pending, asked by #<thread primordial>"), small);
            assertTrue(small.contains("arrived 1 / 2 (P" + there + ")"), small);
            assertTrue(small.contains("P" + missing + " not there: spinning without polls on #<spinlock L> held by primordial\n"),
                    small);
            String large = Scripted.Headless.of(200, 60).draw(in);
            assertTrue(large.matches("(?s).*\\nP" + missing + " +spin, no poll +spinner on #<spinlock L> .*"), large);
            assertTrue(large.matches("(?s).*barrier held up +P" + missing + " runs #<thread spinner> in code without polls.*"), large);
            assertTrue(large.contains("GC 0 PENDING"), large);
        }
    }

    @Test
    @Timeout(60)
    void aBarrierTheRunEndedInStillNamesTheProcessorThatNeverCame() throws Exception {
        String program = java.nio.file.Files.readString(java.nio.file.Path.of("../examples/gc-barrier-spin.ss"));
        try (Scripted s = new Scripted(2, 1)) {
            MachineView live = s.stepUntil(program, x -> x.barrier().pending() && x.barrier().arrived().size() == 1);
            MachineView after = s.vm.look(); // the run is over: between runs, every processor idle
            assertEquals(MachineView.Mode.IDLE, after.mode());
            assertTrue(after.barrier().pending(), "the barrier the run ended in");
            Inspector in = new Inspector(s.vm);
            in.looks.add(live);
            in.looks.add(after);
            in.model.focus(Pane.BARRIER);
            String screen = Scripted.Headless.of(100, 24).draw(in);
            int missing = 1 - live.barrier().arrived().get(0);
            assertTrue(screen.contains("arrived 1 / 2"), screen);
            assertTrue(screen.contains("  the run has ended; as its last look saw them:\n  P" + missing
                    + " not there: spinning without polls on #<spinlock L> held by primordial\n"), screen);
            assertTrue(!screen.contains("idle (counts as there)"), screen);
            // No look while the barrier waited (a spin deadlock is proved at once): the processor's last events say it.
            Inspector blind = new Inspector(s.vm);
            blind.looks.add(after);
            blind.log.take(s.vm.events);
            blind.model.focus(Pane.BARRIER);
            String told = Scripted.Headless.of(100, 24).draw(blind);
            assertTrue(told.contains("  the run has ended; as their last events saw them:\n  P" + missing
                    + " not there: #<thread spinner> spins on #<spinlock L>\n    held by #<thread primordial>\n"), told);
            in.looks.add(live); // a run again: what is seen now, as it is
            assertTrue(Scripted.Headless.of(100, 24).draw(in).contains("P" + missing + " not there: spinning without polls"));
        }
    }
}
