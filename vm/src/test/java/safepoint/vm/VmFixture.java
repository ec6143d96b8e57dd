package safepoint.vm;

import safepoint.vm.run.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;

/** A fresh Machine with string ports, for tests. */
public final class VmFixture {
    public final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    public final Machine vm = new Machine(out, err, new StringReader(""), 0);

    public VmFixture() {
        // A runaway test program stops itself instead of burning a core after its JUnit timeout.
        vm.deadline = System.nanoTime() + 100_000_000_000L;
    }

    /** A fresh machine that has already loaded {@code setup} (imports, definitions). */
    public VmFixture(String setup) {
        this();
        run(setup);
    }

    /**
     * Ctrl-C from another thread, as a person presses it: first after {@code afterMs}, then, when
     * {@code again}, every 200 ms until the returned thread is interrupted (a press before the
     * run starts is dropped). Interrupt and join it when done.
     */
    public Thread pressCtrlC(long afterMs, boolean again) {
        Thread t = new Thread(() -> {
            long wait = afterMs;
            do {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
                vm.interrupt();
                wait = 200;
            } while (again && !Thread.currentThread().isInterrupted());
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Load {@code program}; return its stdout, or throw with the error text. */
    public String run(String program) {
        Outcome o = vm.load(program, "test.ss");
        if (o.status() != Outcome.Status.VALUE) throw new AssertionError("program failed: " + o.errorText() + "\nstdout: " + out);
        return out.toString();
    }

    /** Evaluate one expression and return its written value. */
    public String eval(String expr) {
        Outcome o = vm.load(expr, "test.ss");
        if (o.status() != Outcome.Status.VALUE) throw new AssertionError(expr + " failed: " + o.errorText());
        return vm.showResult(o.value());
    }

    /** Load {@code program}, expecting an uncaught error; return its text. */
    public String error(String program) {
        Outcome o = vm.load(program, "test.ss");
        if (o.status() != Outcome.Status.ERROR) throw new AssertionError("expected an error from " + program + ", got " + o.status() + " " + vm.showResult(o.value()));
        return o.errorText();
    }

    /** Asserts each pair (expression, expected written value). */
    public void check(String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) assertEquals(pairs[i + 1], eval(pairs[i]), pairs[i]);
    }
}
