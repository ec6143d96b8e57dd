package safepoint.vm.search;

import safepoint.vm.analysis.Warning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings of a dfs search's runs, kept small: each warning once (by
 * {@link Warning#identity}), from the earliest run in the search's order that showed it, and how
 * many runs warned. A search of 300,000 runs that each warn keeps a handful of warnings, not
 * 300,000 lists of them (issue 16: memory stays bounded on long searches).
 *
 * <p>Not thread-safe: each search guards its own (DfsSearch under its monitor).
 */
public final class WarnedRuns {
    /** A warning and the earliest run that showed it. */
    public record First(DfsSearch.Run run, Warning warning) {}

    private final Map<Warning.Identity, First> first = new HashMap<>();
    private long runs;

    /** A run that warned (in the search's order, or in any order: the earliest run of each warning is kept). */
    void note(DfsSearch.Run run, List<Warning> found) {
        if (found.isEmpty()) return;
        runs++;
        for (Warning w : found) first.merge(w.identity(), new First(run, w), (a, b) -> a.run().compareTo(b.run()) <= 0 ? a : b);
    }

    /** How many runs warned. */
    public long runs() {
        return runs;
    }

    /** Each warning once, in the order of the runs that first showed them. */
    public List<First> firsts() {
        List<First> out = new ArrayList<>(first.values());
        out.sort((a, b) -> a.run().compareTo(b.run()));
        return out;
    }
}
