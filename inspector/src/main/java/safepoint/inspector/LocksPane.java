package safepoint.inspector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import safepoint.vm.observe.LockView;
import safepoint.vm.observe.Ref;
import safepoint.vm.observe.ThreadView;

/** Contended locks first (holder, spinners with spin counts, waiters), then the other held locks. */
final class LocksPane {
    private LocksPane() {}

    static Rows rows(Index ix, int width) {
        int lock = Math.max(16, Math.min(30, width / 4));
        int holder = Math.max(18, Math.min(34, width / 4));
        String header = Text.fit("LOCK", lock) + " " + Text.fit("HOLDER", holder) + " SPINNERS / WAITERS";
        List<String> lines = new ArrayList<>();
        Set<Ref> seen = new HashSet<>();
        for (LockView l : ix.view.locks()) {
            seen.add(l.lock());
            StringBuilder who = new StringBuilder();
            for (LockView.Spinner s : l.spinners()) who.append(ix.where(s.thread())).append(" spinning (").append(s.spins()).append(" spins) ");
            if (!l.waiters().isEmpty()) {
                who.append(l.waiters().size()).append(" waiting:");
                for (Ref w : l.waiters()) who.append(' ').append(w.name());
            }
            lines.add(Text.fit(l.lock().name(), lock) + " " + Text.fit(holder(ix, l.lock(), l.holder()), holder) + " " + who.toString().trim());
        }
        for (Map.Entry<Ref, ThreadView> e : ix.held().entrySet()) {
            if (seen.add(e.getKey())) {
                lines.add(Text.fit(e.getKey().name(), lock) + " " + Text.fit(holder(ix, e.getKey(), e.getValue().thread()), holder) + " -");
            }
        }
        return Rows.of(header, lines);
    }

    /** The holder and its processor; "S" marks a spinlock whose holder is stopped at the safepoint. */
    private static String holder(Index ix, Ref lock, Ref holder) {
        if (holder == null) return "free";
        ThreadView t = ix.thread(holder);
        boolean across = lock.kind() == Ref.Kind.SPINLOCK && t != null && t.atSafepoint();
        return ix.where(holder) + (across ? " S" : "");
    }
}
