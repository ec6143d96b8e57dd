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
    static String of(ProgramRuns runs, long machineSeed, java.util.List<long[]> choices, String label) {
        Machine vm = runs.next(machineSeed);
        vm.configure(vm.settings().choosing(Chooser.replay(choices)));
        vm.events.setMode(Events.Mode.RECORD);
        runs.run();
        java.util.List<String> threads = new java.util.ArrayList<>();
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        // The thread each processor runs, so an event that names no thread lands in the right column.
        java.util.Map<Integer, String> running = new java.util.HashMap<>();
        for (Events.Event e : vm.events.snapshot()) {
            String[] row = row(e, running.get(e.processor()));
            if (row == null || row[0] == null) continue;
            if (!threads.contains(row[0])) threads.add(row[0]);
            if (e.what() instanceof What.Switch) running.put(e.processor(), row[0]);
            rows.add(row);
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

    /**
     * An event as its column (the thread) and its cell, or null for the kinds the columns leave
     * out. An event that names no acting thread goes to the column of {@code onItsProcessor}.
     */
    private static String[] row(Events.Event e, String onItsProcessor) {
        What w = e.what();
        if (w instanceof What.Switch s) return new String[] {s.thread().name(), "switch (P" + e.processor() + " takes over)"};
        if (w instanceof What.Wait s) {
            boolean forSomething = s.on() instanceof What.OnMessage || s.on() instanceof What.OnThreadEnd;
            return new String[] {EventText.name(s.thread()), "waits " + (forSomething ? "" : "on ") + EventText.waitText(s.on())};
        }
        if (w instanceof What.Wake s) return new String[] {EventText.name(s.thread()), "wake"};
        if (w instanceof What.ThreadEnd s) return new String[] {EventText.name(s.thread()), s.uncaught() ? "thread-end: uncaught exception" : "thread-end"};
        if (w instanceof What.GcRequest s) return new String[] {EventText.name(s.by()), "requests a GC: stop the world"};
        if (w instanceof What.MutexLock s) return new String[] {EventText.name(s.by()), "mutex-lock " + s.mutex().name()};
        if (w instanceof What.MutexUnlock s) return new String[] {EventText.name(s.by()), "mutex-unlock " + s.mutex().name()};
        if (w instanceof What.SpinlockTake s) return new String[] {EventText.name(s.by()), "spinlock-take " + s.spinlock().name()};
        if (w instanceof What.TraceAccess s) {
            return new String[] {EventText.name(s.by()), (s.write() ? "write " : "read ") + s.location() + " = " + s.value()};
        }
        if (w instanceof What.ThreadStart s) return new String[] {onItsProcessor, "thread-start " + s.thread().name()};
        if (w instanceof What.Spin s) return new String[] {onItsProcessor, "spins on " + s.spinlock().name()};
        if (w instanceof What.GcRelease) return new String[] {onItsProcessor, "gc"};
        return null; // arrivals, phases, releases of spinlocks, rehashes, choices: not columns
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
