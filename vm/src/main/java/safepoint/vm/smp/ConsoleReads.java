package safepoint.vm.smp;

import safepoint.vm.data.MonitorOrder;
import safepoint.vm.event.What;
import safepoint.vm.interp.Calls;
import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.Frame;
import java.util.ArrayList;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Symbol;

/**
 * Reads that may have to wait for console input (the one rule, DESIGN.md): {@code read-char},
 * {@code peek-char}, {@code read-line}, {@code read-string} and {@code read} become control
 * primitives over the port primitives. On a string port they just read. On the console they
 * read under the scheduler's monitor; when no input is there yet the port is put back as it was
 * and the green thread waits on the port (WAITING #<input-port (stdin)>), like a mutex wait, while
 * its processor runs other threads. When input or the end of input comes, the console's reader
 * thread raises a flag ({@link #arrived}); the driver takes it at its next look for expired
 * timeouts ({@link #take}) and wakes each waiter whose port has something to read, and each reads
 * again, whole. Between evaluations no driver looks, so the REPL reading its next line (",threads"
 * say) wakes nobody: the waiters go on waiting if the REPL took it all. One per VM.
 *
 * <p>Concurrency: a console read checks for input and parks holding the scheduler's monitor, and
 * waiters are woken under it, so no wakeup is lost. The reader thread never waits for that
 * monitor while controlled mode holds it for the whole run: it only sets the flag there (the
 * controller reads it between slices); in free run it also wakes the idle processors.
 */
public final class ConsoleReads {
    private final ThreadHost vm;
    /** Input (or its end) came since the drivers last looked. */
    private volatile boolean arrived;

    public ConsoleReads(ThreadHost vm) {
        this.vm = vm;
    }

    /** The console's listener, on its reader thread: input or the end of input came. */
    public void arrived() {
        arrived = true;
        if (vm.controlled()) return; // the controller holds the scheduler: it takes the flag between slices
        synchronized (vm.scheduler()) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, vm.scheduler());
            vm.scheduler().notifyAll(); // an idle processor looks now
        }
    }

    /** The primordial thread while it waits at the paused world's prompt (Machine.runAtPrompt): input never wakes it. */
    public volatile SThread atPrompt;

    /** Under the scheduler's monitor: if input came, wake every thread waiting on a port that has something to read. */
    public void take() {
        if (!arrived) return;
        arrived = false;
        for (SThread t : waiters()) {
            if (t != atPrompt && ((InputPort) t.waitingOn).charReady()) vm.scheduler().wake(t, null, What.Cause.INPUT);
        }
    }

    /** Under the scheduler's monitor: whether a thread waits for console input (input may still come: not a deadlock). */
    public boolean awaited() {
        return !waiters().isEmpty();
    }

    private java.util.List<SThread> waiters() {
        java.util.List<SThread> w = new ArrayList<>();
        for (SThread t : vm.scheduler().waiting) if (t.waitingOn instanceof InputPort) w.add(t);
        return w;
    }

    public static void install(ThreadHost vm) {
        wrap(vm, "read-char", 0);
        wrap(vm, "peek-char", 0);
        wrap(vm, "read-line", 0);
        wrap(vm, "read-string", 1);
        wrap(vm, "read", 0);
    }

    /** Replace port primitive {@code name}, whose port is argument {@code portAt} (the current input port when absent). */
    private static void wrap(ThreadHost vm, String name, int portAt) {
        vm.add(new MayWait((Primitive) vm.global(Symbol.of(name)).value, portAt, vm));
    }

    private static final class MayWait extends ControlPrim {
        final Primitive read;
        final int portAt;
        final ThreadHost vm;

        MayWait(Primitive read, int portAt, ThreadHost vm) {
            super(read.name, read.minArgs, read.maxArgs);
            this.read = read;
            this.portAt = portAt;
            this.vm = vm;
        }

        @Override
        public void invoke(Interp m, Object[] a) {
            InputPort p = a.length > portAt ? (a[portAt] instanceof InputPort ip ? ip : null) : m.currentInput();
            if (p == null || p.console() == null) {
                m.val = read.callN(m, a); // a string port, or a type error to report
                return;
            }
            Scheduler s = vm.scheduler();
            synchronized (s) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
                p.mark();
                try {
                    m.val = read.callN(m, a);
                } catch (InputPort.NotReady e) {
                    p.rollback();
                    m.push(new Again(this, a));
                    m.block(p, -1, null);
                    s.parked(SThread.running(m));
                } finally {
                    p.commit();
                }
            }
        }
    }

    /** Under a thread that waited for input: the same read again. */
    private static final class Again extends Frame {
        final MayWait read;
        final Object[] args;

        Again(MayWait read, Object[] args) {
            this.read = read;
            this.args = args;
        }

        @Override
        public void resume(Interp m) {
            try {
                read.invoke(m, args);
            } catch (SchemeError e) {
                throw Calls.located(e, m.waitingWhere(null)); // the call that waited
            }
        }
    }
}
