package safepoint.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * The REPL's comma commands, listed once: {@code ,help} prints this table and tab completion
 * offers its names, so a new command is added here and nowhere else is out of date.
 */
final class Commands {
    private Commands() {}

    /** Where a command belongs in {@code ,help}. */
    enum Topic {
        MACHINE("The machine"), WHY("Why"), WORLD("The world"), LEVEL("On a level"), SESSION("Session");

        final String title;

        Topic(String title) {
            this.title = title;
        }
    }

    /**
     * One command: its names (the first is the one help shows), what it takes, what it does, its
     * topic, and whether it works on a debugger level (a thread stopped at an error or a Ctrl-C).
     */
    record Command(List<String> names, String args, String help, Topic topic) {
        Command(String name, String args, String help, Topic topic) {
            this(List.of(name), args, help, topic);
        }

        boolean level() {
            return topic == Topic.LEVEL;
        }

        static Command level(String name, String help) {
            return new Command(List.of(name), "", help, Topic.LEVEL);
        }
    }

    static final List<Command> ALL = List.of(
            new Command(List.of(",threads", ",st"), "", "green threads and what each waits on", Topic.MACHINE),
            new Command(",procs", "", "processors: queues, switches, polls, time to safepoint", Topic.MACHINE),
            new Command(",locks", "", "contended locks, holders and waiters", Topic.MACHINE),
            new Command(",tables", "", "hash tables: entries, slots, load, rehashes", Topic.MACHINE),
            new Command(",heap", "", "the simulated heap: size, live words, collections, pauses", Topic.MACHINE),
            new Command(",gc", "", "collect now, through the GC barrier, and show the heap", Topic.MACHINE),
            new Command(",events", "[N]", "the last N events (40): switches, waits, locks, GC", Topic.MACHINE),
            new Command(",inspect", "[on|off]", "the live inspector, full screen (q comes back); on: its panes above the prompt", Topic.MACHINE),
            new Command(",why", "T", "what thread T waits for, and why nothing will end it", Topic.WHY),
            new Command(",deadlock", "", "the wait-for analysis: cycles, lost wakeups, who waits", Topic.WHY),
            new Command(",pause", "", "stop every processor at its next scheduling point", Topic.WORLD),
            new Command(",step", "[P|T]", "one scheduling point: of the world, processor P, or thread T", Topic.WORLD),
            new Command(",run", "N", "N scheduling points, processors taking turns", Topic.WORLD),
            new Command(",back", "[N]", "step back N points (1), replaying from the pause", Topic.WORLD),
            new Command(",schedule", "", "the moves since the pause, as ,replay takes them", Topic.WORLD),
            new Command(",replay", "S", "back to the pause, then the moves S", Topic.WORLD),
            new Command(",resume", "", "end the pause: the machine runs as before", Topic.WORLD),
            new Command(",seed", "[S|off]", "evaluations in controlled mode with seed S, or free run", Topic.WORLD),
            new Command(",explore", "FILE [N]", "search N schedules of FILE for a failure (Ctrl-C ends it)", Topic.WORLD),
            Command.level(",b", "backtrace of the level's thread"),
            Command.level(",be", "backtrace with each frame's variables"),
            Command.level(",y", "the current frame"),
            Command.level(",e", "the current frame's variables"),
            Command.level(",i", "the current frame's procedure"),
            Command.level(",+", "the next frame"),
            Command.level(",-", "the previous frame"),
            Command.level(",N", "frame N (,N+ and ,N- move N frames)"),
            Command.level(",(v X)", "visit frame number X, or thread X"),
            Command.level(",(b T)", "backtrace of thread T (,(be T) with variables, ,(e T) variables, ,(st T) state)"),
            Command.level(",c", "continue an interrupted computation"),
            Command.level(",(c X)", "continue with the value of X"),
            Command.level(",s", "continue, stopping at the next procedure entry (,(s X) with X)"),
            Command.level(",l", "continue, leaping over the calls this procedure makes (,(l X) with X)"),
            Command.level(",d", "leave this level (one down)"),
            Command.level(",t", "back to the top level"),
            new Command(List.of(",help", ",?"), "[NAME]", "this list; ,? NAME explains a command or a state", Topic.SESSION),
            new Command(List.of(",q", ",quit"), "", "quit", Topic.SESSION));

    /** Every name that is typed as it is written (not {@code ,N} or {@code ,(c X)}), for completion. */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Command c : ALL) {
            for (String n : c.names()) if (n.matches(",[a-z?+-]+")) out.add(n);
        }
        return List.copyOf(out);
    }

    /** Whether {@code cmd} (as typed) is one of the level commands. */
    static boolean isLevelCommand(String cmd) {
        if (Levels.hasArgument(cmd)) return true;
        for (Command c : ALL) if (c.level() && c.names().contains(cmd)) return true;
        return false;
    }

    /** The help text: one screen, a line per topic with its commands, and how to learn more. */
    static String help() {
        StringBuilder sb = new StringBuilder();
        for (Topic t : Topic.values()) {
            StringBuilder line = new StringBuilder(String.format("%-12s", t.title));
            int width = 12;
            for (Command c : ALL) {
                if (c.topic() != t) continue;
                String w = c.names().get(0) + (c.args().isEmpty() ? "" : " " + c.args());
                if (width + w.length() + 2 > 78) {
                    sb.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(" ".repeat(12));
                    width = 12;
                }
                line.append(w).append("  ");
                width += w.length() + 2;
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        sb.append("Debugging   (break f)  (unbreak f)  (trace f)  (untrace f)  (step)\n");
        sb.append(",? NAME explains one: a command (,? step) or a state (,? SLEEPING, ,? spinning)\n");
        return sb.toString();
    }

    /** {@code ,? NAME}: a command's line (with or without its comma), or what a state means. */
    static String explain(String name) {
        String n = name.startsWith(",") ? name : "," + name;
        for (Command c : ALL) {
            if (c.names().contains(n) || c.names().get(0).equals(n)) {
                String head = c.names().get(0) + (c.args().isEmpty() ? "" : " " + c.args());
                if (c.names().size() > 1) head += " (also " + String.join(" ", c.names().subList(1, c.names().size())) + ")";
                return head + ": " + c.help() + (c.level() ? " (on a debugger level)" : "") + "\n";
            }
        }
        String proc = procedure(name);
        if (proc != null) return proc;
        String state = States.explain(name);
        if (state != null) return state;
        return "No command or state named " + name + " (,? lists the commands)\n";
    }

    /** The debugging procedures, which {@code ,? break} explains beside the commands. */
    private static String procedure(String name) {
        String n = name.replaceAll("^[(,]+|\\)$", "").split("\\s+")[0];
        return switch (n) {
            case "break", "unbreak" -> "(break f ...): stop at each entry of f, on a debugger level in f's frame (,c runs f,"
                    + " ,s steps); (break) lists them; (unbreak f ...) removes them, (unbreak) all\n";
            case "trace", "untrace" -> "(trace f ...): print each call of f and its value, indented by depth (| > (f 3) then | 6);"
                    + " (trace) lists them; (untrace f ...), (untrace) all\n";
            case "step" -> "(step): stop at the next procedure entry of this thread, on a debugger level;"
                    + " there ,s goes to the next entry, ,l leaps over this procedure's calls, ,c runs on\n";
            default -> null;
        };
    }
}
