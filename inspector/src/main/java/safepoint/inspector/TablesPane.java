package safepoint.inspector;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.event.Events;
import safepoint.vm.event.What;
import safepoint.vm.observe.TableView;

/** Gerbil's hash tables, and the log of their rehashes and resizes from the event stream. */
final class TablesPane {
    private TablesPane() {}

    static Rows rows(Index ix) {
        // The policy comes last: on 80 columns the longest names lose their tail, never a number
        // (per-table, the default, still fits). GC: a gc-table's rehashes after a moving GC.
        String header = Text.fit("TABLE", 16) + Text.fit("KIND", 7) + Text.fit("HASH/TEST", 12) + Text.right("COUNT", 6)
                + Text.right("SLOTS", 6) + Text.right("LOAD", 5) + Text.right("REHASH", 7) + Text.right("RESIZE", 7) + Text.right("GC", 3)
                + "  POLICY";
        List<String> lines = new ArrayList<>();
        for (TableView t : ix.view.tables()) {
            lines.add(Text.fit(t.table().name() + (t.rehashing() ? " *" : ""), 16) + Text.fit(t.kind(), 7) + Text.fit(t.hash() + "/" + t.test(), 12)
                    + Text.right(Text.count(t.count()), 6) + Text.right(Text.count(t.slots()), 6)
                    + Text.right(String.format("%.2f", t.load()), 5) + Text.right(Long.toString(t.rehashes()), 7)
                    + Text.right(Long.toString(t.resizes()), 7) + Text.right(Long.toString(t.gcRehashes()), 3)
                    + "  " + t.policy()); // a lock: mutex is the kind "locked"
        }
        return Rows.of(header, lines);
    }

    private static String slots(int from, int to) {
        return from == to ? from + " slots (same size)" : from + " -> " + to + " slots";
    }

    /** The last {@code n} rehash and resize events, newest last. */
    static List<String> log(EventLog log, int n) {
        List<String> out = new ArrayList<>();
        for (Events.Event e : log.tableLog) {
            String slots = "", by = "";
            if (e.what() instanceof What.RehashStart r) {
                slots = slots(r.oldSlots(), r.newSlots());
                by = EventLog.name(r.by());
            } else if (e.what() instanceof What.RehashFinish r) {
                slots = slots(r.oldSlots(), r.newSlots());
                by = EventLog.name(r.by());
            }
            out.add(Text.right(Long.toString(e.seq()), 7) + " " + Text.right(Text.nanos(e.nanos()), 8) + "  " + Text.fit(EventLine.kind(e.what()), 13)
                    + Text.fit(slots, 22) + " by " + Index.bare(by));
        }
        return out.subList(Math.max(0, out.size() - n), out.size());
    }
}
