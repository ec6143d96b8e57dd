package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.inspector.Feed;
import safepoint.inspector.Inspector;
import safepoint.vm.Machine;
import safepoint.vm.run.RunSettings;

/**
 * The inspector's time line over the REPL's paused world (World's Control): going back shows the
 * panes as they were then (the threads not yet started, the mutex not yet held), going forward
 * again redoes the recorded moves and shows the later world; on Lanterna's virtual terminal.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimeLineTest {
    static String text(DefaultVirtualTerminal vt) {
        StringBuilder sb = new StringBuilder();
        TerminalSize s = vt.getTerminalSize();
        for (int y = 0; y < s.getRows(); y++) {
            StringBuilder row = new StringBuilder();
            for (int x = 0; x < s.getColumns(); x++) row.append(vt.getCharacter(x, y).getCharacterString());
            sb.append(row.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** The screen once {@code ok} holds for it (the test's timeout bounds the wait). */
    static String await(DefaultVirtualTerminal vt, Predicate<String> ok) throws InterruptedException {
        for (;;) {
            String t = text(vt);
            if (ok.test(t)) return t;
            Thread.sleep(10);
        }
    }

    static void keys(DefaultVirtualTerminal vt, String s) {
        for (char c : s.toCharArray()) vt.addInput(new KeyStroke(c, false, false));
    }

    @Test
    void backShowsTheWorldAsItWasAndForwardRedoesTheRecordedMoves() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Machine vm = new Machine(out, err, new StringReader(""), 0);
        vm.configure(RunSettings.freeRun(2));
        vm.deadline = System.nanoTime() + 50_000_000_000L;
        vm.load("""
                (define m (make-mutex 'm))
                (define worker (make-thread (lambda () (mutex-lock! m) (thread-receive)) 'worker))
                (define waiter (make-thread (lambda () (thread-sleep! 0.001) (mutex-lock! m)) 'waiter))
                """, "t.ss");
        World world = new World(vm, out, err);
        world.command(",pause", out, err);
        Object form = vm.readAll("(begin (thread-start! worker) (thread-start! waiter))", "t").get(0);
        world.eval(form, () -> vm.eval(form, "t"));
        long started = world.steps();
        world.command(",run 200", out, err); // until nothing can run: the waiter waits for the worker's mutex
        long latest = world.steps();
        assertTrue(latest > 2, out.toString());

        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(200, 50)); // every pane at once
        AtomicReference<String> ended = new AtomicReference<>("not yet");
        Thread ui = new Thread(() -> {
            try {
                ended.set(Inspector.run(Feed.of(vm), vt, world.control()));
            } catch (Exception e) {
                ended.set("failed: " + e);
            }
        }, "inspector");
        ui.setDaemon(true);
        ui.start();
        String now = await(vt, t -> t.contains("step " + latest + " of " + latest + " (latest)") && t.contains("[] Time"));
        assertTrue(now.contains("#<thread waiter>") && now.contains("WAITING #<mutex m>"), now);

        keys(vt, "<");
        String then = await(vt, t -> t.contains("step 0 of " + latest + " (the pause)") && !t.contains("WAITING #<mutex m>"));
        assertFalse(then.contains("#<thread worker>"), "at the pause neither thread had started:\n" + then);

        keys(vt, "]"); // one step on: the evaluation's steps, done whole
        String both = await(vt, t -> t.contains("step " + started + " of " + latest) && t.contains("#<thread worker>"));
        assertFalse(both.contains("WAITING #<mutex m>"), "after the evaluation the threads are there, nobody waits yet:\n" + both);

        keys(vt, ">");
        String again = await(vt, t -> t.contains("step " + latest + " of " + latest + " (latest)") && t.contains("WAITING #<mutex m>"));
        assertTrue(again.matches("(?s).*#<mutex m> +#<thread worker>.*1 waiting: waiter.*"), "forward again, the same world:\n" + again);

        keys(vt, "[");
        await(vt, t -> t.contains("step " + (latest - 1) + " of " + latest));
        keys(vt, "q");
        ui.join(10_000);
        assertTrue(ended.get() == null, String.valueOf(ended.get()));
        assertTrue(world.steps() == latest - 1, "the world stays where the time line left it: " + world.steps());
        world.command(",resume", out, err); // ends the paused world's driver thread
    }

    private static safepoint.vm.event.Events.Event last(List<safepoint.vm.event.Events.Event> events) {
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    @Test
    void anAttachedViewerWithControlMovesThePausedWorldOnlyWhileTheReplWaitsAtItsPrompt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Machine vm = new Machine(out, err, new StringReader(""), 0);
        vm.configure(RunSettings.freeRun(2));
        vm.deadline = System.nanoTime() + 50_000_000_000L;
        vm.load("(define m (make-mutex 'm)) (define w (thread-start! (make-thread (lambda () (let loop ((i 0)) (mutex-lock! m) (mutex-unlock! m) (loop (+ i 1)))) 'w)))",
                "t.ss");
        World world = new World(vm, out, err);
        try (safepoint.inspector.attach.AttachServer server = safepoint.inspector.attach.AttachServer.start(vm, 0, dir, world.remoteControl());
                safepoint.inspector.attach.AttachClient viewer = safepoint.inspector.attach.AttachClient.connect(server.port(),
                        safepoint.inspector.attach.TokenFile.read(dir, server.port()))) {
            safepoint.inspector.Control keys = viewer.control();
            world.working(); // this thread is the REPL's, evaluating
            String busy = keys.pauseOrResume();
            assertTrue(busy.startsWith("busy: the REPL is evaluating"), busy);
            assertFalse(world.paused());
            world.atPrompt(); // its prompt waits: the keys act
            String paused = keys.pauseOrResume();
            assertTrue(world.paused(), paused);
            assertTrue(err.toString().contains("[paused from an attached inspector: paused"), err.toString());
            keys.step(-1, null);
            keys.step(-1, null);
            keys.step(-1, null);
            assertTrue(keys.travel(1).startsWith("at step 1 of 3"), "the viewer's time line");
            for (long deadline = System.nanoTime() + 40_000_000_000L; System.nanoTime() < deadline;) {
                if (new safepoint.inspector.Control.TimeLine(1, 3).equals(keys.timeLine())) break;
                Thread.sleep(20);
            }
            assertTrue(new safepoint.inspector.Control.TimeLine(1, 3).equals(keys.timeLine()), String.valueOf(keys.timeLine()));
            // The viewer's events end where the rewound machine's do, not after the steps it went back over
            // (it may hold older ones than the machine's live ring still has).
            List<safepoint.vm.event.Events.Event> now = vm.events.snapshot();
            for (long deadline = System.nanoTime() + 40_000_000_000L; System.nanoTime() < deadline;) {
                if (last(viewer.events()).equals(last(now))) break;
                Thread.sleep(20);
            }
            assertEquals(last(now), last(viewer.events()));
            long newest = last(now).seq();
            assertTrue(viewer.events().stream().allMatch(e -> e.seq() <= newest), "no event of a step the world went back over");
            world.working();
            assertTrue(world.steps() == 1, "the REPL sees the world where the viewer left it: " + world.steps());
            world.atPrompt();
            assertTrue(keys.pauseOrResume().startsWith("resumed"));
            assertFalse(world.paused());
        } finally {
            vm.stopBackground(); // the resumed world runs on in the background: w would spin on through the next tests
        }
    }
}
