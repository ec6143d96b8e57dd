package safepoint.inspector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.observe.ThreadView;

/** Inspector.run on a virtual terminal beside a running machine: it draws, takes keys, follows a resize, and q leaves the machine running. */
class RunTest {
    /** Waits until the screen shows what {@code ok} wants (the test's timeout bounds it); a refresh may be under way while it reads. */
    static String await(DefaultVirtualTerminal vt, Predicate<String> ok) throws InterruptedException {
        for (;;) {
            String t = Scripted.text(vt);
            if (ok.test(t)) return t;
            Thread.sleep(10);
        }
    }

    static void type(DefaultVirtualTerminal vt, String s) {
        for (char c : s.toCharArray()) vt.addInput(new KeyStroke(c, false, false));
    }

    @Test
    @Timeout(60)
    void runDrawsTakesKeysFollowsAResizeAndQuitsLeavingTheMachineRunning() throws Exception {
        try (Scripted s = new Scripted(2, 7).start("""
                (define m (make-mutex 'm))
                (mutex-lock! m)
                (define w (spawn/name 'waiter (lambda () (mutex-lock! m))))
                (let loop () (loop))
                """)) {
            s.until(v -> v.threads().stream().anyMatch(t -> t.thread().name().equals("#<thread waiter>") && t.state() == ThreadView.State.WAITING));
            DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread ui = new Thread(() -> {
                try {
                    Inspector.run(s.vm, vt);
                } catch (Throwable t) {
                    failed.set(t);
                }
            }, "inspector");
            ui.setDaemon(true);
            ui.start();
            await(vt, t -> t.contains("─ Processors (2)") && t.contains("q Quit"));
            vt.addInput(new KeyStroke(KeyType.Tab));
            await(vt, t -> t.contains("─ Threads (2)") && t.contains("WAITING #<mutex m>"));
            type(vt, "/wai");
            await(vt, t -> t.contains("filter: wai_") && t.contains("Keep filter"));
            vt.addInput(new KeyStroke(KeyType.Enter));
            String filtered = await(vt, t -> t.contains("─ Threads (1) filter: wai sort"));
            assertFalse(filtered.contains("primordial   "), filtered);
            vt.addInput(new KeyStroke(KeyType.Enter));
            await(vt, t -> t.contains("#<thread waiter>  WAITING #<mutex m>"));
            vt.setTerminalSize(new TerminalSize(200, 60));
            // The key bar is the last row a refresh writes: a screen with it is whole.
            String large = await(vt, t -> t.contains("─ GC & barrier") && t.contains("Esc Clear r Reverse"));
            System.out.println(large);
            assertTrue(large.contains("#<thread waiter>  WAITING #<mutex m>"), "the backtrace stays open after the resize:\n" + large);
            assertTrue(large.matches("(?s).*#<mutex m> +#<thread primordial>( \\(P\\d\\))? +1 waiting: waiter\\n.*"), large);
            type(vt, "?");
            await(vt, t -> t.contains("Help: what the columns mean") && t.contains("TTS: its last time to reach the safepoint"));
            type(vt, "?q");
            ui.join(10_000);
            assertFalse(ui.isAlive(), "q ends the view");
            assertNull(failed.get());
            assertTrue(s.running(), "the machine goes on");
        }
    }
}
