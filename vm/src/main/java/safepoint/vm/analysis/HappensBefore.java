package safepoint.vm.analysis;

import safepoint.vm.smp.Names;
import safepoint.vm.interp.Frame;
import safepoint.vm.smp.SThread;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-race detector (DESIGN.md): vector clocks over mutexes, spinlocks, condition
 * variables, mailboxes, joins and thread starts, checked on the accesses programs mark with
 * trace-write/trace-read and on hash-table operations. Two accesses to one location, at least
 * one a write, that no synchronisation orders are a race, reported even when the schedule that
 * ran lost nothing. Controlled mode only: its runs are on one Java thread.
 */
public final class HappensBefore {
    /** Clocks of synchronisation objects (a mutex, a mailbox, an ended thread ...). */
    private final Map<Object, long[]> syncClocks = new IdentityHashMap<>();
    /** Clocks of threads. */
    private final Map<SThread, long[]> threadClocks = new IdentityHashMap<>();
    /** Per location: the last write and the reads since, each as (thread, its clock then, where). */
    private final Map<Object, Location> locations = new LinkedHashMap<>();
    private final List<Warning> warnings = new ArrayList<>();
    /**
     * Races reported on a read with no lock held against a write made holding locks, by
     * location. When the run is drained, such a race is a double-checked read if the location is
     * double-checked: some thread read it with no lock, then again holding one of those locks.
     */
    private final Map<Object, List<Unchecked>> unchecked = new IdentityHashMap<>();

    /** {@code warnings[index]}: a race of an unlocked read against a write made holding {@code writeHeld}. */
    private record Unchecked(List<Object> writeHeld, int index) {}

    /**
     * An access: by whom, at which of its clock ticks, its continuation then (formatted only for
     * a report), and the locks its thread held.
     */
    private record Access(SThread thread, long clock, Frame where, List<Object> held) {}

    private static final class Location {
        Access write;
        final Map<SThread, Access> reads = new IdentityHashMap<>();
        boolean reported;
        /** The index in {@code warnings} of its race report (while not drained), or -1. */
        int warning = -1;
        /** Threads that read it holding no lock. */
        final java.util.Set<SThread> unlockedReaders = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        /** Locks some thread held when it read it again after reading it with none: the double check. */
        final java.util.Set<Object> recheckedUnder = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** How reports name a location (asked only when there is something to report). */
    private final java.util.function.Function<Object, String> names;

    public HappensBefore(java.util.function.Function<Object, String> names) {
        this.names = names;
    }

    private long[] clock(SThread t) {
        return threadClocks.computeIfAbsent(t, k -> {
            long[] c = new long[t.index + 1];
            c[t.index] = 1;
            return c;
        });
    }

    private static long[] join(long[] into, long[] from) {
        long[] r = into.length >= from.length ? into : java.util.Arrays.copyOf(into, from.length);
        for (int i = 0; i < from.length; i++) if (from[i] > r[i]) r[i] = from[i];
        return r;
    }

    private void tick(SThread t) {
        clock(t)[t.index]++; // a thread's clock always has its own slot
    }

    /** {@code parent} started {@code child}: everything before the start happens before the child. */
    public void started(SThread parent, SThread child) {
        long[] c = join(clock(child).clone(), clock(parent));
        threadClocks.put(child, c);
        tick(parent);
    }

    /** {@code t} releases {@code sync} (unlock, signal, send, end). */
    public void release(SThread t, Object sync) {
        if (t == null) return;
        syncClocks.put(sync, join(syncClocks.getOrDefault(sync, new long[0]).clone(), clock(t)));
        tick(t);
    }

    /** {@code t} acquires {@code sync} (lock, wake from a wait, receive, join). */
    public void acquire(SThread t, Object sync) {
        long[] s = syncClocks.get(sync);
        if (t == null || s == null) return;
        threadClocks.put(t, join(clock(t), s));
    }

    private boolean ordered(Access before, SThread now) {
        long[] c = clock(now);
        int i = before.thread().index;
        return before.thread() == now || (i < c.length && before.clock() <= c[i]);
    }

    /** {@code t} reads or writes location {@code key}. */
    public void access(SThread t, Object key, boolean write) {
        Location loc = locations.computeIfAbsent(key, k -> new Location());
        long[] c = clock(t);
        Access now = new Access(t, c[t.index], null, List.of());
        Access conflict = null;
        boolean conflictWrote = false;
        if (loc.write != null && !ordered(loc.write, t)) {
            conflict = loc.write;
            conflictWrote = true;
        } else if (write) {
            for (Access r : loc.reads.values()) {
                if (!ordered(r, t)) {
                    conflict = r;
                    break;
                }
            }
        }
        if (conflict != null && !loc.reported) {
            loc.reported = true;
            // A write after this thread's own read since the last write: a read-modify-write.
            Warning.Verdict verdict = write && loc.reads.containsKey(t) ? new Warning.LostUpdate() : new Warning.Unclassified();
            if (!write && conflictWrote && t.held().isEmpty() && !conflict.held().isEmpty()) {
                unchecked.computeIfAbsent(key, k -> new ArrayList<>()).add(new Unchecked(conflict.held(), warnings.size()));
            }
            loc.warning = warnings.size();
            warnings.add(new Warning.DataRace(names.apply(key), new Warning.Access(Names.name(t), write, Names.calls(t.interp.k, 3)),
                    new Warning.Access(Names.name(conflict.thread()), conflictWrote, Names.calls(conflict.where(), 3)), verdict));
        } else if (conflict != null && write && loc.reads.containsKey(t) && loc.warning >= 0 && loc.warning < warnings.size()
                && warnings.get(loc.warning) instanceof Warning.DataRace r && r.verdict() instanceof Warning.Unclassified) {
            // The race already reported turns out to feed a read-modify-write that races too.
            warnings.set(loc.warning, new Warning.DataRace(r.location(), r.access(), r.previous(), new Warning.LostUpdate()));
        }
        if (!write) {
            if (t.held().isEmpty()) loc.unlockedReaders.add(t);
            else if (loc.unlockedReaders.contains(t)) loc.recheckedUnder.addAll(t.held());
        }
        Access recorded = new Access(t, now.clock(), t.interp.k, write ? List.copyOf(t.held()) : List.of());
        if (write) {
            loc.write = recorded;
            loc.reads.clear();
        } else {
            loc.reads.put(t, recorded);
        }
    }

    /** The warnings found since the last call. */
    public List<Warning> drain() {
        for (Map.Entry<Object, List<Unchecked>> e : unchecked.entrySet()) {
            java.util.Set<Object> rechecked = locations.get(e.getKey()).recheckedUnder;
            for (Unchecked u : e.getValue()) {
                Object lock = null;
                for (Object l : u.writeHeld()) if (rechecked.contains(l)) lock = l;
                if (lock == null || !(warnings.get(u.index()) instanceof Warning.DataRace r)) continue;
                warnings.set(u.index(), new Warning.DataRace(r.location(), r.access(), r.previous(), new Warning.DoubleChecked(Names.name(lock))));
            }
        }
        List<Warning> w = new ArrayList<>(warnings);
        warnings.clear();
        unchecked.clear();
        for (Location l : locations.values()) l.warning = -1;
        return w;
    }
}
