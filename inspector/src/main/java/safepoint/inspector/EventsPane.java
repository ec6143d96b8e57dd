package safepoint.inspector;

import java.util.ArrayList;
import java.util.List;

/** The tail of the event stream, filtered by the pane's filter. */
final class EventsPane {
    private EventsPane() {}

    static Rows rows(EventLog log, Model m) {
        String f = m.filter(Pane.EVENTS).toLowerCase();
        List<String> lines = new ArrayList<>();
        for (String l : log.tailLines) {
            if (f.isEmpty() || l.toLowerCase().contains(f)) lines.add(l);
        }
        String header = Text.right("SEQ", 7) + " P   " + Text.right("TIME", 8) + "  " + Text.fit("KIND", 13) + " WHAT"
                + (log.dropped() > 0 ? "   (" + log.dropped() + " dropped by the live ring)" : "");
        return Rows.of(header, lines);
    }
}
