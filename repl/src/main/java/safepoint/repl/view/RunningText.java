package safepoint.repl.view;

import java.util.Locale;
import safepoint.vm.observe.LockView;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ThreadView;

/**
 * What was still running when a run stopped at its step bound (an inconclusive run): each thread
 * that could still run, on which processor, the spinlock it spins on and who holds it, where it
 * last was (its innermost call) and how far it got (polls, spin tries).
 */
public final class RunningText {
    private RunningText() {}

    public static String of(MachineView v) {
        StringBuilder sb = new StringBuilder();
        for (ThreadView t : v.threads()) {
            if (t.state() != ThreadView.State.RUNNING && t.state() != ThreadView.State.RUNNABLE) continue;
            sb.append("  ").append(t.thread()).append(' ').append(ThreadsText.state(t));
            if (t.spinningOn() != null) {
                sb.append(", spinning on ").append(t.spinningOn());
                for (LockView l : v.locks()) {
                    if (l.lock().equals(t.spinningOn()) && l.holder() != null) sb.append(" (held by ").append(l.holder()).append(')');
                }
            }
            sb.append('\n');
            ThreadView.Call at = t.backtrace().isEmpty() ? null : t.backtrace().get(0);
            sb.append("      last at ").append(at == null ? "its thread's body (no call awaits a value)" : (at.procedure() == null ? "(top level)" : at.procedure()) + ", " + at.source())
                    .append(String.format(Locale.ROOT, "; %,d polls, %,d spin tries%n", t.progress().polls(), t.progress().spinTries()));
        }
        return sb.length() == 0 ? "  no thread could still run\n" : sb.toString();
    }
}
