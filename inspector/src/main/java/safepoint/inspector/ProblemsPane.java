package safepoint.inspector;

import java.util.ArrayList;
import java.util.List;

/** The Problems pane: one line per problem, with its count. */
final class ProblemsPane {
    private ProblemsPane() {}

    static Rows rows(Looks looks, EventLog log) {
        List<String> lines = new ArrayList<>();
        for (Problems.Problem p : Problems.of(looks, log)) {
            lines.add(Text.right(Long.toString(p.count()), 6) + "  " + Text.fit(p.kind(), 22) + " " + p.what());
        }
        return Rows.of(Text.right("COUNT", 6) + "  " + Text.fit("KIND", 22) + " WHAT", lines);
    }
}
