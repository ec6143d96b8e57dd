package safepoint.repl.view;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.observe.LockView;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.Ref;

/** {@code ,locks}: each contended lock, who holds it, and who waits or spins on it. */
public final class LocksText {
    private LocksText() {}

    public static String of(MachineView v) {
        StringBuilder sb = new StringBuilder();
        for (LockView l : v.locks()) {
            sb.append(l.lock()).append(" held by ").append(ThreadsText.name(l.holder()));
            if (l.lock().kind() == Ref.Kind.SPINLOCK) {
                for (LockView.Spinner s : l.spinners()) {
                    sb.append("; spinning: ").append(s.thread()).append(" (").append(s.spins()).append(" spins)");
                }
            } else {
                List<String> w = new ArrayList<>();
                for (Ref r : l.waiters()) w.add(r.name());
                sb.append("; waiting: ").append(String.join(", ", w));
            }
            sb.append('\n');
        }
        return sb.length() == 0 ? "No lock is contended.\n" : sb.toString();
    }
}
