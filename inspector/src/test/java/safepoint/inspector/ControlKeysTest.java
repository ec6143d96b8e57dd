package safepoint.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.Machine;
import safepoint.vm.run.RunSettings;

/**
 * The control keys: space, n, b and v reach the control with what is selected (the processor in
 * the Processors pane, the thread in the Threads pane), what it answers is on the status line,
 * and v ends the view naming the thread to visit. A view without a control says it is a view only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ControlKeysTest {
    static Machine machine() {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        vm.configure(RunSettings.freeRun(2));
        vm.load("(define m (make-mutex 'm)) (mutex-lock! m) (define w (thread-start! (make-thread (lambda () (mutex-lock! m)) 'waiter)))"
                + " (thread-sleep! 0.05)", "t.ss");
        return vm;
    }

    /** The inspector on {@code vt}, on its own thread; what it returns goes to {@code visit}. */
    static Thread show(Machine vm, DefaultVirtualTerminal vt, Control control, AtomicReference<String> visit) {
        Thread ui = new Thread(() -> {
            try {
                visit.set(Inspector.run(Feed.of(vm), vt, control));
            } catch (Exception e) {
                visit.set("failed: " + e);
            }
        });
        ui.setDaemon(true);
        ui.start();
        return ui;
    }

    /** A machine, a virtual terminal {@code cols} wide and the inspector on it, with what it returns. */
    record Session(DefaultVirtualTerminal vt, Thread ui, AtomicReference<String> visit) {}

    static Session open(int cols, Control control) {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, 30));
        AtomicReference<String> visit = new AtomicReference<>("not yet");
        return new Session(vt, show(machine(), vt, control, visit), visit);
    }

    static void key(DefaultVirtualTerminal vt, char c) {
        vt.addInput(new KeyStroke(c, false, false));
    }

    @Test
    void eachKeyAsksTheControlForWhatIsSelectedAndShowsTheAnswer() throws Exception {
        RecordingControl r = new RecordingControl(new Control.TimeLine(5, 20));
        Session session = open(120, r);
        DefaultVirtualTerminal vt = session.vt();
        Thread ui = session.ui();
        AtomicReference<String> visit = session.visit();
        RunTest.await(vt, t -> t.contains("─ Processors (2)") && t.contains("Space Pause"));
        key(vt, ' ');
        RunTest.await(vt, t -> t.contains("[paused (recorded)]"));
        vt.addInput(new KeyStroke(KeyType.ArrowDown)); // the Processors pane has the focus: P1
        key(vt, 'n');
        RunTest.await(vt, t -> t.contains("[stepped P1]"));
        vt.addInput(new KeyStroke(KeyType.Tab)); // Threads, sorted by number: primordial, waiter
        vt.addInput(new KeyStroke(KeyType.ArrowDown));
        key(vt, 'n');
        RunTest.await(vt, t -> t.contains("[stepped #<thread waiter>]"));
        key(vt, 'b');
        RunTest.await(vt, t -> t.contains("[went back (recorded)]"));
        key(vt, '3'); // another pane: the world
        key(vt, 'n');
        RunTest.await(vt, t -> t.contains("[stepped the world]"));
        assertEquals(List.of("pause", "step 1 null", "step -1 #<thread waiter>", "back", "step -1 null"), r.calls);
        key(vt, '2');
        key(vt, 'v');
        ui.join(10_000);
        assertEquals("#<thread waiter>", visit.get(), "v ends the view with the thread to visit");
    }

    @Test
    void theTimeLineKeysAskForAStepFromWhereTheWorldIsAndTheBarShowsIt() throws Exception {
        RecordingControl r = new RecordingControl(new Control.TimeLine(5, 20));
        Session session = open(120, r);
        DefaultVirtualTerminal vt = session.vt();
        Thread ui = session.ui();
        AtomicReference<String> visit = session.visit();
        String screen = RunTest.await(vt, t -> t.contains("Time line ◀ step 5 of 20 ▶") && t.contains("[] Time"));
        java.util.regex.Matcher bar = java.util.regex.Pattern.compile("├(━*)●(─*)┤").matcher(screen);
        assertTrue(bar.find(), screen);
        int done = bar.group(1).length(), width = done + bar.group(2).length();
        assertEquals(width * 5 / 20, done, 1, "the cursor a quarter of the way along: " + bar.group());
        for (char c : "[]{}<>".toCharArray()) key(vt, c);
        RunTest.await(vt, t -> t.contains("[travelled to " + Long.MAX_VALUE + " (recorded)]"));
        assertEquals(List.of("travel 4", "travel 6", "travel 0", "travel 15", "travel 0", "travel " + Long.MAX_VALUE), r.calls);
        key(vt, 'q');
        ui.join(10_000);
    }

    @Test
    void withoutAControlTheKeysSayTheViewIsAViewOnly() throws Exception {
        Machine vm = machine();
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(120, 30));
        AtomicReference<String> visit = new AtomicReference<>("not yet");
        Thread ui = show(vm, vt, null, visit);
        RunTest.await(vt, t -> t.contains("─ Processors (2)"));
        key(vt, 'n');
        RunTest.await(vt, t -> t.contains("[view only: the control keys"));
        assertFalse(Scripted.text(vt).contains("Time line"), "no time line without a control");
        key(vt, 'q');
        ui.join(10_000);
        assertNull(visit.get());
    }

    @Test
    void onANarrowScreenTheAnswerIsKeptWholeAndTheCountsGiveWay() throws Exception {
        RecordingControl r = new RecordingControl(new Control.TimeLine(5, 20));
        Session session = open(64, r);
        DefaultVirtualTerminal vt = session.vt();
        Thread ui = session.ui();
        AtomicReference<String> visit = session.visit();
        RunTest.await(vt, t -> t.contains("Processors (2)"));
        key(vt, ' ');
        String screen = RunTest.await(vt, t -> t.contains("[paused (recorded)]"));
        String status = screen.lines().findFirst().orElse("");
        assertTrue(status.startsWith(" Safepoint inspector"), status);
        assertTrue(status.contains("~  [paused (recorded)]"), "the counts are cut, not the answer: " + status);
        key(vt, 'q');
        ui.join(10_000);
    }
}
