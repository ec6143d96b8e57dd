package safepoint.repl;

import safepoint.vm.Machine;
import safepoint.vm.event.Events;
import safepoint.vm.run.Chooser;
import safepoint.vm.event.What;
import safepoint.vm.search.ProgramRuns;


/**
 * A failing run shown as columns, one per thread, in the order things happened: the switch
 * points, sync operations and marked accesses, with repeated steps folded (Lincheck's layout).
 */
final class Interleaving {
    private Interleaving() {}

    /**
     * The failing run again, recorded, as columns: one per thread, in the order things happened,
     * with the switch points and the sync operations and marked accesses (Lincheck's layout).
     */
    static String of(ProgramRuns runs, long machineSeed, java.util.List<long[]> choices, String label, String file) {
        Machine vm = runs.next(machineSeed);
        vm.configure(vm.settings().choosing(Chooser.replay(choices)));
        vm.events.setMode(Events.Mode.RECORD);
        runs.run();
        java.util.List<String> threads = new java.util.ArrayList<>();
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        // The thread each processor runs, so an event that names no thread lands in the right column.
        java.util.Map<Integer, String> running = new java.util.HashMap<>();
        for (Events.Event e : vm.events.snapshot()) {
            String[] row = row(e, running.get(e.processor()), file);
            if (row == null || row[0] == null) continue;
            if (!threads.contains(row[0])) threads.add(row[0]);
            if (e.what() instanceof What.Switch) running.put(e.processor(), row[0]);
            rows.add(row);
        }
        StringBuilder sb = new StringBuilder("interleaving of the failing run (" + label + "):\n");
        for (String t : threads) sb.append(pad("| " + t));
        sb.append("|\n");
        String lastCell = null;
        String lastCellWho = null;
        int repeats = 0;
        for (String[] r : rows) {
            String line = r[0] + r[1];
            if (line.equals(lastCell)) {
                repeats++;
                continue;
            }
            if (repeats > 0) cell(sb, threads.indexOf(lastCellWho), "/* repeats " + repeats + " times */");
            repeats = 0;
            lastCell = line;
            lastCellWho = r[0];
            cell(sb, threads.indexOf(r[0]), r[1]);
        }
        return sb.toString();
    }

    /**
     * An event as its column (the thread) and its cell, or null for the kinds the columns leave
     * out. An event that names no acting thread goes to the column of {@code onItsProcessor}.
     */
    private static String[] row(Events.Event e, String onItsProcessor, String file) {
        What w = e.what();
        if (w instanceof What.Switch s) return new String[] {s.thread().name(), "switch (P" + e.processor() + " takes over)"};
        if (w instanceof What.Wait s) return new String[] {EventText.name(s.thread()), "waits " + EventText.waitPhrase(s.on()) + at(s.at(), file)};
        if (w instanceof What.Wake s) {
            if (s.cause() == What.Cause.DEADLOCK) return new String[] {EventText.name(s.thread()), "woken: deadlock detected, raised here"};
            return new String[] {EventText.name(s.thread()), "wake (" + EventText.cause(s.cause()) + ")"};
        }
        if (w instanceof What.ThreadEnd s) {
            return new String[] {EventText.name(s.thread()), s.uncaught() ? "thread-end: uncaught exception" : "thread-end"};
        }
        if (w instanceof What.GcRequest s) return new String[] {EventText.name(s.by()), "requests a GC: stop the world"};
        if (w instanceof What.MutexLock s) return new String[] {EventText.name(s.by()), "mutex-lock " + s.mutex().name()};
        if (w instanceof What.MutexUnlock s) return new String[] {EventText.name(s.by()), "mutex-unlock " + s.mutex().name()};
        if (w instanceof What.SpinlockTake s) return new String[] {EventText.name(s.by()), "spinlock-take " + s.spinlock().name()};
        if (w instanceof What.SpinlockRelease s) return new String[] {EventText.name(s.by()), "spinlock-release " + s.spinlock().name()};
        if (w instanceof What.TraceAccess s) {
            return new String[] {EventText.name(s.by()), (s.write() ? "write " : "read ") + s.location() + " = " + s.value()};
        }
        if (w instanceof What.Signal s) {
            String op = s.broadcast() ? "condition-variable-broadcast! " : "condition-variable-signal! ";
            return new String[] {EventText.name(s.by()), op + s.condition().name() + ": " + EventText.woke(s)};
        }
        if (w instanceof What.Send s) return new String[] {EventText.name(s.by()), "thread-send to " + EventText.name(s.to())};
        if (w instanceof What.Receive s) return new String[] {EventText.name(s.by()), "thread-receive (a message was there)"};
        if (w instanceof What.TableAccess s) return new String[] {EventText.name(s.by()), s.operation() + " " + s.table().name()};
        if (w instanceof What.RehashStart s) {
            return new String[] {EventText.name(s.by()), "rehash " + s.table().name() + ", " + s.oldSlots() + " -> " + s.newSlots() + " slots"};
        }
        if (w instanceof What.ThreadStart s) {
            return new String[] {s.by() != null ? s.by().name() : onItsProcessor, "thread-start " + s.thread().name()};
        }
        if (w instanceof What.Spin s) return new String[] {onItsProcessor, "spins on " + s.spinlock().name()};
        if (w instanceof What.GcRelease) return new String[] {onItsProcessor, "gc"};
        return null; // arrivals, phases, rehash ends, choices: not columns
    }

    /** Column width, with its {@code "| "}: a cell's text wraps inside it rather than being cut. */
    static final int WIDTH = 34;

    /** One cell in column {@code col}, on as many lines as its text needs. */
    private static void cell(StringBuilder sb, int col, String text) {
        for (String part : wrap(text, WIDTH - 3)) sb.append(indent(col)).append(pad("| " + part)).append('\n');
    }

    /**
     * {@code text} in lines of at most {@code width} characters, broken at a space where one is
     * near enough, else inside the word (a long source path); continuation lines are indented.
     */
    static java.util.List<String> wrap(String text, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = breakBefore(rest, width);
            if (cut <= 2) cut = width; // no space to break at: cut the word
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = "  " + rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    /** The last space at or before {@code width} that is not inside a {@code #<...>} name, or -1. */
    private static int breakBefore(String s, int width) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i <= width && i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' && i > 0 && s.charAt(i - 1) == '#') depth++;
            else if (c == '>' && depth > 0) depth--;
            else if (c == ' ' && depth == 0) last = i;
        }
        return last;
    }

    /**
     * {@code "file.ss"@12.3} as {@code @12.3}: the columns show one program, so the line and
     * column say where; a place in another file keeps its name.
     */
    static String at(String place, String file) {
        if (place == null) return "";
        String prefix = "\"" + file + "\"";
        return " " + (file != null && place.startsWith(prefix) ? place.substring(prefix.length()) : place);
    }

    private static String indent(int col) {
        return pad("|").repeat(col);
    }

    private static String pad(String s) {
        return s + " ".repeat(Math.max(1, WIDTH - s.length()));
    }
}
