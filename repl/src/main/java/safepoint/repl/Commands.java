package safepoint.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * The REPL's comma commands, listed once: {@code ,help} prints this table and tab completion
 * offers its names, so a new command is added here and nowhere else is out of date.
 */
final class Commands {
    private Commands() {}

    /**
     * One command: its names (the first is the one help shows), what it takes, what it does, and
     * whether it works on a debugger level (a thread stopped at an error or a Ctrl-C).
     */
    record Command(List<String> names, String args, String help, boolean level) {
        Command(List<String> names, String args, String help) {
            this(names, args, help, false);
        }

        Command(String name, String args, String help) {
            this(List.of(name), args, help, false);
        }

        static Command level(String name, String help) {
            return new Command(List.of(name), "", help, true);
        }
    }

    static final List<Command> ALL = List.of(
            new Command(List.of(",threads", ",st"), "", "green threads and what each waits on"),
            new Command(",locks", "", "contended locks, holders and waiters"),
            new Command(",tables", "", "hash tables: entries, slots, load, rehashes"),
            new Command(",procs", "", "processors: queues, switches, polls, time to safepoint"),
            new Command(",events", "", "the last 40 events (thread switches, waits, locks, GC)"),
            new Command(",why", "T", "what thread T waits for, and why nothing will end it"),
            new Command(",deadlock", "", "the wait-for analysis: cycles, lost wakeups, who waits"),
            new Command(",inspect", "", "the live inspector, full screen (q comes back here)"),
            Command.level(",b", "backtrace of the level's thread"),
            Command.level(",be", "backtrace with each frame's variables"),
            Command.level(",y", "the current frame"),
            Command.level(",e", "the current frame's variables"),
            Command.level(",i", "the current frame's procedure"),
            Command.level(",+", "the next frame"),
            Command.level(",-", "the previous frame"),
            Command.level(",N", "frame N (,N+ and ,N- move N frames)"),
            Command.level(",(v X)", "visit frame number X, or thread X"),
            Command.level(",c", "continue an interrupted computation"),
            Command.level(",(c X)", "continue with the value of X"),
            Command.level(",d", "leave this level (one down)"),
            Command.level(",t", "back to the top level"),
            new Command(List.of(",help", ",?"), "", "this list"),
            new Command(List.of(",q", ",quit"), "", "quit"));

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
        if (cmd.matches(",\\d{1,6}[+-]?") || cmd.startsWith(",(c") || cmd.startsWith(",(v")) return true;
        for (Command c : ALL) if (c.level() && c.names().contains(cmd)) return true;
        return false;
    }

    /** The help text: one line per command, its aliases in parentheses. */
    static String help() {
        StringBuilder sb = new StringBuilder();
        for (Command c : ALL) {
            String head = c.names().get(0) + (c.args().isEmpty() ? "" : " " + c.args());
            if (c.names().size() > 1) head += " (" + String.join(" ", c.names().subList(1, c.names().size())) + ")";
            sb.append(String.format("%-16s", head)).append(c.help()).append('\n');
        }
        return sb.toString();
    }
}
