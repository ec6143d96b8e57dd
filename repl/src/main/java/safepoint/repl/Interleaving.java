package safepoint.repl;

import safepoint.vm.Machine;
import safepoint.vm.event.Events;
import safepoint.vm.run.Chooser;
import safepoint.vm.event.Ref;
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
        java.util.List<Events.Event> events = vm.events.snapshot();
        Tables tables = new Tables(events);
        for (Events.Event e : events) {
            String[] row = row(e, running.get(e.processor()), file, tables);
            if (row == null || row[0] == null) continue;
            if (!threads.contains(row[0])) threads.add(row[0]);
            if (e.what() instanceof What.Switch) running.put(e.processor(), row[0]);
            rows.add(row);
        }
        StringBuilder sb = new StringBuilder("interleaving of the failing run (" + label + "):\n");
        for (String t : threads) sb.append(pad("| " + t));
        sb.append("|\n");
        java.util.List<Shown> cells = new java.util.ArrayList<>();
        String lastCell = null;
        String lastCellWho = null;
        int repeats = 0;
        String walker = null; // the thread whose probes come in a row now, or null
        int probes = 0;
        int folded = 0; // its probes past the first few, not shown (a walk on a full table never ends)
        for (String[] r : foldCycles(rows)) {
            String line = r[0] + r[1];
            if (line.equals(lastCell)) {
                repeats++;
                continue;
            }
            boolean probe = r[1].startsWith(PROBE);
            if (!(probe && r[0].equals(walker))) {
                if (folded > 0) cells.add(new Shown(threads.indexOf(walker), "/* " + folded + " more probes */"));
                folded = 0;
                walker = probe ? r[0] : null;
                probes = 0;
            }
            if (repeats > 0) cells.add(new Shown(threads.indexOf(lastCellWho), "/* repeats " + repeats + " times */"));
            repeats = 0;
            lastCell = line;
            lastCellWho = r[0];
            if (probe && ++probes > SHOWN_PROBES) {
                folded++;
                continue;
            }
            cells.add(new Shown(threads.indexOf(r[0]), r[1]));
        }
        if (folded > 0) cells.add(new Shown(threads.indexOf(walker), "/* " + folded + " more probes */"));
        print(sb, cells);
        return sb.toString();
    }

    /** The longest cycle of rows {@link #foldCycles} looks for (a reader's loop of lookups, locks and probes). */
    static final int MAX_CYCLE = 64;

    /**
     * {@code rows} with each run of a cycle of 2 to {@link #MAX_CYCLE} rows that comes three
     * times or more in a row shown once, then a note of how often it came again (a spinning or
     * polling loop would otherwise fill thousands of lines). Runs of one row are left to the
     * "repeats" fold.
     */
    static java.util.List<String[]> foldCycles(java.util.List<String[]> rows) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        int n = rows.size();
        int i = 0;
        while (i < n) {
            int period = 0;
            int again = 0;
            boolean single = i + 1 < n && same(rows, i, i + 1, 1);
            for (int p = 2; !single && p <= MAX_CYCLE && i + 3 * p <= n; p++) {
                int r = 0;
                while (i + (r + 2) * p <= n && same(rows, i + r * p, i + (r + 1) * p, p)) r++;
                if (r >= 2) {
                    period = p;
                    again = r;
                    break;
                }
            }
            if (period == 0) {
                out.add(rows.get(i++));
                continue;
            }
            out.addAll(rows.subList(i, i + period));
            out.add(new String[] {rows.get(i + period - 1)[0], "/* the " + period + " rows above come " + again + " times more */"});
            i += period * (again + 1);
        }
        return out;
    }

    private static boolean same(java.util.List<String[]> rows, int a, int b, int length) {
        for (int k = 0; k < length; k++) {
            if (!java.util.Arrays.equals(rows.get(a + k), rows.get(b + k))) return false;
        }
        return true;
    }

    /** How a table step's row starts when it reads a key slot. */
    private static final String PROBE = "probe slot ";

    /** Probes of one walk shown before the rest are folded (a walk on a full table never ends). */
    static final int SHOWN_PROBES = 4;

    /**
     * How the rows name tables: by the name the event gives, and, when the run touched more than
     * one table of that name, by its order of first appearance too ({@code #<hash-table 2>}), so
     * that each table's steps can be told apart.
     */
    static final class Tables {
        /** By name and id: a gc-table's rehash events name it apart from its steps. */
        private final java.util.Map<String, String> names = new java.util.HashMap<>();

        Tables(java.util.List<Events.Event> events) {
            java.util.Map<String, java.util.List<Long>> byName = new java.util.LinkedHashMap<>();
            for (Events.Event e : events) {
                Ref.TableRef t = table(e.what());
                if (t == null) continue;
                java.util.List<Long> ids = byName.computeIfAbsent(t.name(), k -> new java.util.ArrayList<>());
                if (!ids.contains(t.id())) ids.add(t.id());
            }
            byName.forEach((name, ids) -> {
                for (int i = 0; i < ids.size(); i++) {
                    String n = ids.size() == 1 || !name.endsWith(">") ? name : name.substring(0, name.length() - 1) + " " + (i + 1) + ">";
                    names.put(name + ' ' + ids.get(i), n);
                }
            });
        }

        private static Ref.TableRef table(What w) {
            if (w instanceof What.TableAccess s) return s.table();
            if (w instanceof What.TableStep s) return s.table();
            if (w instanceof What.RehashStart s) return s.table();
            return null;
        }

        String name(Ref.TableRef t) {
            return names.getOrDefault(t.name() + ' ' + t.id(), t.name());
        }
    }

    /**
     * An event as its column (the thread) and its cell, or null for the kinds the columns leave
     * out. An event that names no acting thread goes to the column of {@code onItsProcessor}.
     */
    private static String[] row(Events.Event e, String onItsProcessor, String file, Tables tables) {
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
        if (w instanceof What.TableAccess s) return new String[] {EventText.name(s.by()), s.operation() + " " + tables.name(s.table())};
        if (w instanceof What.TableStep s) return new String[] {EventText.name(s.by()), EventText.step(s.step()) + " " + tables.name(s.table())};
        if (w instanceof What.RehashStart s) {
            return new String[] {EventText.name(s.by()), "rehash " + tables.name(s.table()) + ", " + s.oldSlots() + " -> " + s.newSlots() + " slots"};
        }
        if (w instanceof What.ThreadStart s) {
            return new String[] {s.by() != null ? s.by().name() : onItsProcessor, "thread-start " + s.thread().name()};
        }
        if (w instanceof What.Spin s) return new String[] {onItsProcessor, "spins on " + s.spinlock().name()};
        if (w instanceof What.GcRelease) return new String[] {onItsProcessor, "gc"};
        return null; // arrivals, phases, rehash ends, choices, table locks (their spinlock rows show them): not columns
    }

    /** A cell as shown: its column and its text. */
    record Shown(int col, String text) {}

    /** Cells past which a run is shown by its start and its end only (a long run's middle is rarely its cause). */
    static final int MAX_SHOWN = 600;
    static final int SHOWN_FIRST = 60;
    static final int SHOWN_LAST = 400;

    /**
     * The cells in order; a run of more than {@link #MAX_SHOWN} keeps its first {@link #SHOWN_FIRST},
     * its last {@link #SHOWN_LAST} (which end at the failure) and, of the middle it leaves out,
     * each column's last cell (what that thread was doing when the end began: a spin that never
     * ends shows once, where it started). It says how many it left out; the replay line steps
     * through every one of them.
     */
    static void print(StringBuilder sb, java.util.List<Shown> cells) {
        int n = cells.size();
        boolean[] kept = new boolean[n];
        for (int i = 0; i < n; i++) kept[i] = n <= MAX_SHOWN || i < SHOWN_FIRST || i >= n - SHOWN_LAST;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = n - SHOWN_LAST - 1; n > MAX_SHOWN && i >= SHOWN_FIRST; i--) {
            if (seen.add(cells.get(i).col())) kept[i] = true;
        }
        int left = 0;
        for (boolean k : kept) if (!k) left++;
        for (int i = 0; i < n; i++) {
            if (n > MAX_SHOWN && i == SHOWN_FIRST) {
                sb.append("| /* ").append(String.format(java.util.Locale.ROOT, "%,d", left))
                        .append(" rows left out here, each thread's last one kept; the replay line above runs them again */\n");
            }
            if (kept[i]) cell(sb, cells.get(i).col(), cells.get(i).text());
        }
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
