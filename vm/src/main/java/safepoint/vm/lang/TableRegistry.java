package safepoint.vm.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import safepoint.tables.Policy;
import safepoint.tables.RawTable;
import safepoint.vm.data.MonitorOrder;

/**
 * Gerbil's hash tables of one machine, held weakly (a table nobody reaches leaves the registry
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
        /** The --locks policy it was made under, and whether it has a lock: mutex besides. */
        final Policy policy;
        final boolean locked;
        long rehashes;
        long resizes;
        int rehashing; // rehashes started and not finished (a writer that lost the race may leave one)

        Counts(long id, Policy policy, boolean locked) {
            this.id = id;
            this.policy = policy;
            this.locked = locked;
        }
    }

    /** What a view shows of one table, read while no processor runs (so count and slots agree). */
    public record Entry(long id, String hash, String test, Policy policy, boolean locked, int count, int slots, long rehashes,
            long resizes, boolean rehashing) {}

    private final Map<RawTable, Counts> tables = new WeakHashMap<>();
    private long made;

    /** Registers a new table; returns its id. */
    synchronized long made(RawTable t, Policy policy, boolean locked) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.TABLES, this);
        return tables.computeIfAbsent(t, k -> new Counts(++made, policy, locked)).id;
    }

    synchronized void rehashStarted(RawTable t, int oldSlots, int newSlots) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.TABLES, this);
        Counts c = tables.computeIfAbsent(t, k -> new Counts(++made, Policy.NONE, false));
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
        for (Map.Entry<RawTable, Counts> e : tables.entrySet()) {
            RawTable t = e.getKey();
            if (t == null) continue;
            Counts c = e.getValue();
            out.add(new Entry(c.id, t.hash().kind().name().toLowerCase(), t.test().kind().name().toLowerCase(), c.policy, c.locked,
                    t.count(), t.slots(), c.rehashes, c.resizes, c.rehashing > 0));
        }
        out.sort(java.util.Comparator.comparingLong(Entry::id));
        return out;
    }
}
