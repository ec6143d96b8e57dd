package safepoint.vm.smp;

import safepoint.vm.run.Outcome;
import safepoint.vm.event.Events;
import safepoint.vm.Machine;
import safepoint.vm.event.What;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.observe.Wait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.data.Feed;

/**
 * A read of the console with no input ready makes the green thread wait on the port, not the
 * processor's Java thread (the one rule): other threads go on, the wait shows in ,threads and
 * the analysis, and the input wakes the reader when it comes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsoleReadsTest {
    /** A reader waits on the console; once it does, a worker computes and finishes; then the input comes. */
    static final String READER_AND_WORKER = """
            (define reader (thread-start! (make-thread (lambda () (read-line)) 'reader)))
            (let wait () (if (not (thread-state-waiting? (thread-state reader))) (begin (thread-yield!) (wait))))
            (define (count n acc) (if (= n 0) acc (count (- n 1) (+ acc 1))))
            (define worker (thread-start! (make-thread (lambda () (count 200000 0)) 'worker)))
            (display (thread-join! worker)) (newline)
            (display (eq? (thread-state-waiting-for (thread-state reader)) (current-input-port))) (newline)
            (display "input please") (newline) (force-output)
            (display (thread-join! reader)) (newline)
            """;

    final Feed stdin = new Feed();
    final StringWriter out = new StringWriter();
    final Machine vm = new Machine(out, new StringWriter(), stdin, 0);

    ConsoleReadsTest() {
        vm.deadline = System.nanoTime() + 50_000_000_000L; // a hung run ends itself after the JUnit timeout
    }

    @AfterEach
    void endInput() {
        stdin.end(); // the console's reader thread ends
    }

    /** Start loading {@code program} on its own thread: the test plays the user at the console meanwhile. */
    CompletableFuture<Outcome> start(String program) {
        return CompletableFuture.supplyAsync(() -> vm.load(program, "console.ss"));
    }

    /** Wait (the JUnit timeout bounds it) until the program has printed {@code text}. */
    void awaitOutput(String text) throws InterruptedException {
        while (!out.toString().contains(text)) Thread.sleep(5);
    }

    String runReaderAndWorker() throws Exception {
        vm.events.setMode(Events.Mode.RECORD);
        CompletableFuture<Outcome> run = start(READER_AND_WORKER);
        awaitOutput("input please");
        assertEquals("200000\n#t\ninput please\n", out.toString(), "the worker finished while the reader waited on the port");
        MachineView view = vm.look(); // in controlled mode: only once the controller waits for input
        ThreadView reader = view.threads().stream().filter(t -> t.thread().name().equals("#<thread reader>")).findFirst().orElseThrow();
        assertEquals(ThreadView.State.WAITING, reader.state(), view.threads().toString());
        assertEquals("#<input-port (stdin)>", ((Wait.OnOther) reader.waitsFor()).what().name());
        safepoint.vm.analysis.Why why = vm.why("reader");
        assertTrue(why instanceof safepoint.vm.analysis.Why.Chain c && c.chain().get(0).kind() == safepoint.vm.analysis.EdgeKind.WAITS_FOR_INPUT
                && c.chain().get(0).to().equals("#<input-port (stdin)>"), why.toString());
        assertFalse(vm.survey().cycle(), vm.survey().toString());
        stdin.give("hello\n");
        Outcome o = run.get();
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        assertEquals("200000\n#t\ninput please\nhello\n", out.toString());
        assertTrue(vm.events.snapshot().stream().anyMatch(e -> e.what() instanceof What.Wait w && w.thread().name().equals("#<thread reader>")
                && w.on().equals(new What.OnInput("#<input-port (stdin)>"))), "a wait event on the port");
        return o.report().schedule(READER_AND_WORKER);
    }

    @Test
    void aReaderWithoutInputWaitsOnThePortWhileOthersRunInFreeRun() throws Exception {
        vm.configure(vm.settings().withProcessors(2));
        runReaderAndWorker();
    }

    @Test
    void oneProcessorRunsTheOthersWhileTheReaderWaits() throws Exception {
        vm.configure(vm.settings().withProcessors(1));
        runReaderAndWorker();
    }

    @Test
    void controlledModeWaitsForInputInsteadOfReportingADeadlockAndRepeatsItsSchedule() throws Exception {
        vm.configure(vm.settings().withProcessors(2));
        vm.configure(vm.settings().controlled(7, "random").withMaxSteps(10_000_000));
        String schedule = runReaderAndWorker();
        ConsoleReadsTest again = new ConsoleReadsTest();
        again.vm.configure(again.vm.settings().withProcessors(2));
        again.vm.configure(again.vm.settings().controlled(7, "random").withMaxSteps(10_000_000));
        try {
            assertEquals(schedule, again.runReaderAndWorker(), "the same seed makes the same run, input and all");
        } finally {
            again.endInput();
        }
    }

    @Test
    void theEndOfInputEndsTheWaitWithEof() throws Exception {
        CompletableFuture<Outcome> run = start("(display \"reading\") (force-output) (write (list (read-line) (read-char)))");
        awaitOutput("reading");
        stdin.end();
        assertEquals(Outcome.Status.VALUE, run.get().status());
        assertEquals("reading(#!eof #!eof)", out.toString());
    }

    /** Wait (the JUnit timeout bounds it) until threads have begun {@code n} waits on the console. */
    void awaitWaits(int n) throws InterruptedException {
        while (vm.events.snapshot().stream().filter(e -> e.what() instanceof What.Wait w && w.on().equals(new What.OnInput("#<input-port (stdin)>"))).count() < n) {
            Thread.sleep(5);
        }
    }

    @Test
    void aReadThatWaitsMidDatumReadsTheWholeDatumOnceItCame() throws Exception {
        vm.events.setMode(Events.Mode.RECORD);
        CompletableFuture<Outcome> run = start("(write (list (read) (read-line) (read-line) (read-string 3) (peek-char) (read-char)))");
        awaitWaits(1);
        stdin.give("(a b");
        awaitWaits(2); // read took "(a b", gave it back and waits again
        stdin.give(" \"c d\")\nfirst ");
        awaitWaits(3); // the datum, an empty rest of its line, and half a line
        stdin.give("line\r\nx");
        awaitWaits(4); // a line, and one of three characters
        stdin.give("yz!");
        Outcome o = run.get();
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        assertEquals("((a b \"c d\") \"\" \"first line\\r\" \"xyz\" #\\! #\\!)", out.toString());
    }

    @Test
    void inputThatIsReadyIsReadAtOnceAndCharReadyIsTrueAtItsEnd() {
        Machine m = new Machine(out, new StringWriter(), new java.io.StringReader("one\ntwo"), 0);
        Outcome o = m.load("(write (list (char-ready?) (read-line) (read-line) (read-line) (char-ready?)))", "ready.ss");
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        assertEquals("(#t \"one\" \"two\" #!eof #t)", out.toString()); // as gsi
    }
}
