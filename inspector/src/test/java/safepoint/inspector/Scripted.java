package safepoint.inspector;

import safepoint.vm.run.Outcome;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import safepoint.vm.Machine;
import safepoint.vm.observe.MachineView;
import safepoint.vm.run.Chooser;
import safepoint.vm.run.Stepper;

/**
 * Machine states for the tests, made by running small programs on a controlled (seeded) machine
 * on another Java thread and looking until the state is there; and screens, drawn on Lanterna's
 * virtual terminal and read back as text.
 */
final class Scripted implements AutoCloseable {
    final Machine vm;
    private Thread run;
    final AtomicReference<Outcome> outcome = new AtomicReference<>();

    Scripted(int processors, long seed) {
        vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        vm.deadline = System.nanoTime() + 60_000_000_000L;
        vm.configure(vm.settings().withProcessors(processors).controlled(seed, "random").withMaxSteps(Long.MAX_VALUE));
    }

    /** Starts {@code program} on another Java thread. */
    Scripted start(String program) {
        run = new Thread(() -> outcome.set(vm.load(program, "scripted.ss")), "scripted-run");
        run.setDaemon(true);
        run.start();
        return this;
    }

    /**
     * Runs {@code program} stepping the processors in turn (a manual stepper, on the controller's
     * own thread) and returns the first look for which {@code ok} holds, stopping the run there;
     * for states that the controller would otherwise prove stuck and end before another thread looks.
     */
    MachineView stepUntil(String program, Predicate<MachineView> ok) {
        AtomicReference<MachineView> seen = new AtomicReference<>();
        vm.configure(vm.settings().controlled(0, new Chooser.Manual(view -> {
            MachineView v = vm.look();
            if (seen.get() == null && ok.test(v)) seen.set(v);
            if (seen.get() != null) return new Stepper.Stop();
            return new Stepper.StepProcessor(view.runnable().get((int) (view.steps() % view.runnable().size())));
        })).withMaxSteps(1_000_000));
        outcome.set(vm.load(program, "scripted.ss"));
        if (seen.get() == null) throw new AssertionError("never seen; the run: " + outcome.get().status() + " " + outcome.get().errorText());
        return seen.get();
    }

    /** Looks until {@code ok} holds. */
    MachineView until(Predicate<MachineView> ok) throws InterruptedException {
        for (;;) {
            MachineView v = vm.look();
            if (ok.test(v)) return v;
            if (run != null && !run.isAlive()) throw new AssertionError("the run ended first: " + outcome.get().errorText());
            Thread.sleep(2);
        }
    }

    boolean running() {
        return run != null && run.isAlive();
    }

    /** Ends the run (the deadline stops even code without polls) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        vm.deadline = System.nanoTime();
        if (run != null) run.join(20_000);
    }

    /** The screen's text, one line per row, trailing blanks cut. */
    static String text(DefaultVirtualTerminal vt) {
        TerminalSize s = vt.getTerminalSize();
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < s.getRows(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < s.getColumns(); c++) line.append(vt.getCharacter(c, r).getCharacterString());
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** A headless screen of {@code w} x {@code h}. */
    record Headless(DefaultVirtualTerminal vt, TerminalScreen screen) {
        static Headless of(int w, int h) throws IOException {
            DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(w, h));
            TerminalScreen screen = new TerminalScreen(vt);
            screen.startScreen();
            return new Headless(vt, screen);
        }

        /** Draws the inspector's state and returns the screen's text (printed, to look at it). */
        String draw(Inspector in) throws IOException {
            in.draw(screen);
            String t = text(vt);
            System.out.println(t);
            return t;
        }
    }
}
