package safepoint.inspector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        int lock = Math.max(14, Math.min(30, width / 5));
        int holder = Math.max(26, Math.min(40, width / 3));
        String header = Text.fit("LOCK", lock) + " " + Text.fit("HOLDER", holder) + " SPINNERS / WAITERS";
        List<String> lines = new ArrayList<>();
        Set<Ref> seen = new HashSet<>();
        // Spinners as the threads say (a spinner on a processor is not in the contended locks' list).
        Map<Ref, List<ThreadView>> spinners = new LinkedHashMap<>();
        for (ThreadView t : ix.view.threads()) if (t.spinningOn() != null) spinners.computeIfAbsent(t.spinningOn(), k -> new ArrayList<>()).add(t);
        for (LockView l : ix.view.locks()) {
            seen.add(l.lock());
            StringBuilder who = new StringBuilder();
            Set<Ref> listed = new HashSet<>();
            for (LockView.Spinner s : l.spinners()) {
                listed.add(s.thread());
                who.append(ix.whereShort(s.thread())).append(" spins (").append(s.spins()).append(") ");
            }
            for (ThreadView t : spinners.getOrDefault(l.lock(), List.of())) {
                if (listed.add(t.thread())) who.append(ix.whereShort(t.thread())).append(" spins (").append(t.progress().spinTries()).append(") ");
            }
            if (!l.waiters().isEmpty()) {
                who.append(l.waiters().size()).append(" waiting:");
                for (Ref w : l.waiters()) who.append(' ').append(Index.bare(w.name()));
            }
            lines.add(Text.fit(l.lock().name(), lock) + " " + Text.fit(holder(ix, l.lock(), l.holder()), holder) + " " + who.toString().trim());
        }
        for (Map.Entry<Ref, ThreadView> e : ix.held().entrySet()) {
            if (seen.add(e.getKey())) {
                StringBuilder who = new StringBuilder();
                for (ThreadView t : spinners.getOrDefault(e.getKey(), List.of())) {
                    who.append(ix.whereShort(t.thread())).append(" spins (").append(t.progress().spinTries()).append(") ");
                }
                lines.add(Text.fit(e.getKey().name(), lock) + " " + Text.fit(holder(ix, e.getKey(), e.getValue().thread()), holder) + " "
                        + (who.isEmpty() ? "-" : who.toString().trim()));
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
