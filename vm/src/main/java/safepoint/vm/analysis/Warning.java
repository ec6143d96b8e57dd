package safepoint.vm.analysis;

import java.util.List;
import safepoint.vm.smp.Names;

/**
 * What a run found that changes no exit status (DESIGN.md): a lock-order inversion or a data
 * race, as data. Names only (no object identity, no serial numbers), so the same warning from
 * two runs of a search is equal by {@link #identity()}. {@link WarningText} says it in words.
 */
public sealed interface Warning permits Warning.LockOrderInversion, Warning.DataRace {
    /** What explore keeps each warning once by: the kind and the names its first line shows. */
    record Identity(String kind, List<String> names) {}

    Identity identity();

    /** {@code thread} took {@code took} while holding {@code holding}, at {@code backtrace}. */
    record Acquisition(String thread, String took, String holding, List<Names.Call> backtrace) {}

    /**
     * A cycle in the lock-order graph: {@code edges.get(i)} took the lock after
     * {@code locks.get(i)} (the next one, round the cycle) while holding {@code locks.get(i)};
     * each edge is another thread's, and no lock is held at two of them, so one schedule can
     * make each thread hold its lock and wait for the next. Two locks (the classic inversion):
     * {@code edges} are the earlier and the later order.
     */
    record LockOrderInversion(List<String> locks, List<Acquisition> edges) implements Warning {
        public LockOrderInversion {
            locks = List.copyOf(locks);
            edges = List.copyOf(edges);
            if (locks.size() < 2 || locks.size() != edges.size()) throw new IllegalArgumentException("a cycle has one edge per lock");
        }

        /** The set of locks, sorted: a cycle is one warning whichever order its edges were found in. */
        @Override
        public Identity identity() {
            return new Identity("lock-order inversion", locks.stream().sorted().toList());
        }
    }

    /** What the run showed of a race's harm. */
    sealed interface Verdict {}

    /** Nothing more than the race itself was seen. */
    record Unclassified() implements Verdict {}

    /**
     * The racing write is a read-modify-write: its thread read the location since the last write
     * it is ordered with, and writes back a value made from it, so the other access's update (or
     * the value it read) can be lost.
     */
    record LostUpdate() implements Verdict {}

    /**
     * A double-checked read: the racing read is unlocked, the write was made holding {@code lock},
     * and in this run a thread that read the location with no lock read it again holding
     * {@code lock} before acting on it (the double check); benign by construction.
     */
    record DoubleChecked(String lock) implements Verdict {}

    /** A read or write by {@code thread} at {@code backtrace}. */
    record Access(String thread, boolean write, List<Names.Call> backtrace) {}

    /**
     * {@code access} and {@code previous}, at least one a write, to {@code location}, ordered by
     * nothing; {@code verdict} says whether it can do harm, when the run showed it.
     */
    record DataRace(String location, Access access, Access previous, Verdict verdict) implements Warning {
        @Override
        public Identity identity() {
            return new Identity("data race", List.of(location));
        }
    }
}
