package safepoint.vm.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import safepoint.tables.GcTable;
import safepoint.tables.Policy;
import safepoint.tables.RawTable;
import safepoint.vm.prims.SchemeTable;
import safepoint.vm.data.MonitorOrder;

/**
 * Gerbil's hash tables of one machine (raw tables, gc-tables, the Gambit tables that
 * {@code make-hash-table} makes for weak keys or values), held weakly (a table nobody reaches leaves the registry
 * when Java collects it), each with the counts the Observatory shows: rehashes, resizes, and
 * whether one is under way. Every rehash is counted, events on or off.
 *
 * <p>Locking rule: this object's monitor guards the map and the counts; it is a leaf of the VM's
 * lock order ({@link MonitorOrder.Monitor#TABLES}): code holding it calls nothing else.
 */
public final class TableRegistry {
    /** One table's counts. {@code id}: creation order in this machine, 1, 2, 3, ... */
    private static final class Counts {
        final long id;
        /** The type name it prints with, {@code #<TYPE #n>}: one name for one object in every view. */
        final String type;
        /** The --locks policy it was made under, and whether it has a lock: mutex besides. */
        final Policy policy;
        final boolean locked;
        long rehashes;
        long resizes;
        int rehashing; // rehashes started and not finished (a writer that lost the race may leave one)

        Counts(long id, String type, Policy policy, boolean locked) {
            this.id = id;
            this.type = type;
            this.policy = policy;
            this.locked = locked;
        }
    }

    /**
     * What a view shows of one table, read while no processor runs (so count and slots agree).
     * {@code kind}: {@code raw}, {@code gc}, {@code gambit}, or {@code locked} (a {@code lock:}
     * wrapper, Gerbil's locked-hash-table, around either of the first two). A gc-table's rehashes
     * are its resizes plus its GC rehashes (same size, entries placed again by their new addresses).
     * {@code type}: the name the object prints with ({@code hash-table} for make-hash-table's
     * gc-hash-table, as Gerbil's {@code gc-hash-table::t} is named, {@code gc-table} for
     * make-gc-table's, {@code table} for Gambit's).
     */
    public record Entry(long id, String type, String kind, String hash, String test, Policy policy, boolean locked, int count, int slots, long rehashes,
            long resizes, long gcRehashes, boolean rehashing) {}

    /** Keyed by the table: a {@link RawTable}, a {@link GcTable} or a {@link SchemeTable}. */
    private final Map<Object, Counts> tables = new WeakHashMap<>();
    private long made;

    /** Registers a new table (a RawTable, GcTable or SchemeTable) that prints as {@code #<TYPE #n>}; returns its id. */
    synchronized long made(Object t, String type, Policy policy, boolean locked) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.TABLES, this);
        return tables.computeIfAbsent(t, k -> new Counts(++made, type, policy, locked)).id;
    }

    /** The type name {@code t} prints with ({@code hash-table} if it was never registered). */
    synchronized String type(Object t) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.TABLES, this);
        Counts c = tables.get(t);
        return c == null ? "hash-table" : c.type;
    }

    synchronized void rehashStarted(RawTable t, int oldSlots, int newSlots) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.TABLES, this);
        Counts c = tables.computeIfAbsent(t, k -> new Counts(++made, "hash-table", Policy.NONE, false));
        c.rehashes++;
        if (newSlots != oldSlots) c.resizes++;
        c.rehashing++;
    }

    synchronized void rehashFinished(RawTable t) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.TABLES, this);
        Counts c = tables.get(t);
        if (c != null && c.rehashing > 0) c.rehashing--;
    }

    /** Every live table, oldest first. */
    public synchronized List<Entry> entries() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.TABLES, this);
        List<Entry> out = new ArrayList<>(tables.size());
        for (Map.Entry<Object, Counts> e : tables.entrySet()) {
            Object t = e.getKey();
            Counts c = e.getValue();
            if (t instanceof RawTable r) {
                out.add(new Entry(c.id, c.type, kind("raw", c), r.hash().kind().name().toLowerCase(), r.test().kind().name().toLowerCase(), c.policy,
                        c.locked, r.count(), r.slots(), c.rehashes, c.resizes, 0, c.rehashing > 0));
            } else if (t instanceof GcTable g) {
                // a gc-table counts its own rehashes: they happen inside its operations
                out.add(new Entry(c.id, c.type, kind("gc", c), "address", "eq", c.policy, c.locked, g.length(), g.store().entries() * 2,
                        g.resizes() + g.gcRehashes(), g.resizes(), g.gcRehashes(), false));
            } else if (t instanceof SchemeTable s) {
                // Gambit's table is a Java map here: no slots of its own to show
                out.add(new Entry(c.id, c.type, kind("gambit", c), "gambit", s.test.schemeName.replace("?", ""), c.policy, c.locked, s.size(), 0, 0, 0, 0,
                        false));
            }
        }
        out.sort(java.util.Comparator.comparingLong(Entry::id));
        return out;
    }

    private static String kind(String of, Counts c) {
        return c.locked ? "locked" : of;
    }
}
