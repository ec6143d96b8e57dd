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

    /** A read or write by {@code thread} at {@code backtrace}. */
    record Access(String thread, boolean write, List<Names.Call> backtrace) {}

    /** {@code access} and {@code previous}, at least one a write, to {@code location}, ordered by nothing. */
    record DataRace(String location, Access access, Access previous) implements Warning {
        @Override
        public Identity identity() {
            return new Identity("data race", List.of(location));
        }
    }
}
