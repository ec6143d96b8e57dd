package safepoint.repl.view;

import java.util.Locale;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.TableView;

/**
 * {@code ,tables}: each of Gerbil's hash tables with its kind (raw, gc, gambit, or locked: a
 * {@code lock:} wrapper), locking policy, entries, slots, load and rehashes (a gc-table's GC
 * rehashes among them).
 */
public final class TablesText {
    private TablesText() {}

    public static String of(MachineView v) {
        StringBuilder sb = new StringBuilder();
        for (TableView t : v.tables()) {
            sb.append(t.table()).append("  ").append(t.kind()).append("  ").append(t.hash()).append('/').append(t.test())
                    .append("  ").append(t.policy()).append(t.locked() ? " lock:" : "")
                    .append("  ").append(t.count()).append(t.count() == 1 ? " entry" : " entries")
                    .append(" in ").append(t.slots()).append(" slots")
                    .append(String.format(Locale.ROOT, " (load %.2f)", t.load()))
                    .append("  rehashes ").append(t.rehashes()).append(" (").append(t.resizes()).append(" resizes");
            if (t.kind().equals("gc") || t.gcRehashes() > 0) sb.append(", ").append(t.gcRehashes()).append(" after GCs");
            sb.append(')');
            if (t.rehashing()) sb.append("  REHASH UNDER WAY");
            sb.append('\n');
        }
        return sb.length() == 0 ? "No hash table yet.\n" : sb.toString();
    }
}
