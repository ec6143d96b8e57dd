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
     * {@code lock} was taken while holding {@code held} ({@code later}), after {@code held} had
     * been taken while holding {@code lock} ({@code earlier}): one schedule can deadlock.
     */
    record LockOrderInversion(String lock, String held, Acquisition earlier, Acquisition later) implements Warning {
        @Override
        public Identity identity() {
            return new Identity("lock-order inversion", List.of(lock, held));
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
