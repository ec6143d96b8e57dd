package safepoint.inspector.attach;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import safepoint.inspector.Control;

/**
 * A client's control line, {@code {"control": "step", "processor": 1}} (docs/attach.md), read
 * into one call of a {@link Control}, or the words that refuse it. The only lines a
 * {@code --control} server takes: pause, step, back and travel, never an evaluation.
 */
final class ControlLine {
    private ControlLine() {}

    /** The names a control line may have, as the refusal lists them. */
    static final String NAMES = "pause, step (with \"processor\": N or \"thread\": NAME), back, travel (with \"step\": N)";

    /** A line read: what to do with a control, or why not ({@code error}, then {@code call} is null). */
    record Parsed(java.util.function.Function<Control, String> call, String error) {
        String apply(Control c) {
            return call.apply(c);
        }
    }

    static Parsed parse(String line) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            n = null;
        }
        if (n == null || !n.isObject() || !n.path("control").isTextual()) {
            return refused("not a control line: expected {\"control\": NAME, ...}, NAME one of " + NAMES);
        }
        String name = n.get("control").asText();
        switch (name) {
            case "pause" -> {
                return new Parsed(Control::pauseOrResume, null);
            }
            case "back" -> {
                return new Parsed(Control::back, null);
            }
            case "step" -> {
                JsonNode p = n.path("processor"), t = n.path("thread");
                if (!p.isMissingNode() && !(p.canConvertToInt() && p.isIntegralNumber() && p.asInt() >= 0)) {
                    return refused("step: \"processor\" must be a processor's number (0, 1, ...)");
                }
                if (!t.isMissingNode() && !t.isTextual()) return refused("step: \"thread\" must be a thread's name, as #<thread a>");
                int processor = p.isMissingNode() ? -1 : p.asInt();
                String thread = t.isMissingNode() ? null : t.asText();
                return new Parsed(c -> c.step(processor, thread), null);
            }
            case "travel" -> {
                JsonNode s = n.path("step");
                if (!s.isIntegralNumber() || !s.canConvertToLong()) return refused("travel needs \"step\": the step to go to (0 is the pause)");
                long step = s.asLong();
                return new Parsed(c -> c.travel(step), null);
            }
            default -> {
                return refused("no control " + Text.quoted(name) + ": one of " + NAMES + " (no evaluation over the socket)");
            }
        }
    }

    private static Parsed refused(String why) {
        return new Parsed(null, why);
    }

    /** Small helper so a long or odd name in a refusal stays one short line. */
    private static final class Text {
        static String quoted(String s) {
            String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            return "\"" + t.replaceAll("\\p{Cntrl}", "?") + "\"";
        }
    }
}
