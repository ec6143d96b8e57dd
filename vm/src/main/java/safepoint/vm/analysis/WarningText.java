package safepoint.vm.analysis;

import safepoint.vm.smp.Names;

/** A {@link Warning} in words: the one place its text is made (run's stderr, explore's summary). */
public final class WarningText {
    private WarningText() {}

    /** The warning's lines, without a final newline. */
    public static String of(Warning w) {
        if (w instanceof Warning.LockOrderInversion i) {
            return "warning: lock-order inversion (potential deadlock): " + i.lock() + " and " + i.held() + " were taken in both orders\n"
                    + acquisition(i.earlier()) + acquisition(i.later())
                    + "  one schedule can make each thread hold one lock and wait for the other: take them in one order";
        }
        Warning.DataRace r = (Warning.DataRace) w; // the only other kind (sealed)
        return "warning: data race on " + r.location() + "\n" + access("", r.access()) + access("previous ", r.previous())
                + "  no lock, message, join or thread start orders these two accesses";
    }

    private static String acquisition(Warning.Acquisition a) {
        return "  " + a.thread() + " took " + a.took() + " while holding " + a.holding() + ":\n" + Names.backtrace(a.backtrace(), "      ");
    }

    private static String access(String which, Warning.Access a) {
        return "  " + which + (a.write() ? "write" : "read") + " by " + a.thread() + ":\n" + Names.backtrace(a.backtrace(), "      ");
    }
}
