package safepoint.repl;

import safepoint.vm.Machine;
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
    static String of(ProgramRuns runs, long machineSeed, java.util.List<long[]> choices, String label) {
        Machine vm = runs.next(machineSeed);
        vm.setReplay(choices);
        vm.events.setMode(safepoint.vm.event.Events.Mode.RECORD);
        runs.run();
        java.util.List<safepoint.vm.event.Events.Event> events = vm.events.snapshot();
        java.util.List<String> threads = new java.util.ArrayList<>();
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        // The thread each processor runs, so an event without a "by" lands in the right column.
        java.util.Map<Integer, String> running = new java.util.HashMap<>();
        for (safepoint.vm.event.Events.Event e : events) {
            String who = switch (e.kind()) {
                case "switch" -> e.subject();
                case "wait", "wake", "thread-end", "gc-request" -> e.subject();
                default -> e.detail().startsWith("by #<") ? e.detail().replaceFirst("^by (#<[^>]*>).*", "$1") : running.get(e.processor());
            };
            if (who == null) continue;
            if (!threads.contains(who)) threads.add(who);
            String cell = switch (e.kind()) {
                case "switch" -> "switch (P" + e.processor() + " takes over)";
                case "mutex-lock", "mutex-unlock", "spinlock-take", "thread-start" -> e.kind() + " " + e.subject();
                case "trace-write", "trace-read" -> e.kind().substring(6) + " " + e.subject() + e.detail().replaceAll("^by \\S+( \\S+)?", "");
                case "wait" -> "waits " + e.detail().replaceFirst("^on for ", "for ").replaceFirst("^on ", "on ");
                case "spin" -> "spins on " + e.subject();
                case "gc-request" -> "requests a GC: stop the world";
                default -> e.kind();
            };
            if (e.kind().equals("switch")) running.put(e.processor(), e.subject());
            rows.add(new String[] {who, cell});
        }
        int width = 34;
        StringBuilder sb = new StringBuilder("interleaving of the failing run (" + label + "):\n");
        for (String t : threads) sb.append(pad("| " + t, width));
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
            if (repeats > 0) sb.append(indent(threads.indexOf(lastCellWho), width)).append(pad("| /* repeats " + repeats + " times */", width)).append('\n');
            repeats = 0;
            lastCell = line;
            lastCellWho = r[0];
            int col = threads.indexOf(r[0]);
            sb.append(indent(col, width)).append(pad("| " + r[1], width)).append('\n');
        }
        return sb.toString();
    }

    private static String indent(int col, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < col; i++) sb.append(pad("|", width));
        return sb.toString();
    }

    private static String pad(String s, int width) {
        if (s.length() >= width) return s.substring(0, width - 1) + " ";
        return s + " ".repeat(width - s.length());
    }

}
