package safepoint.vm.analysis;

import java.util.List;
import safepoint.vm.smp.Names;

/** A {@link Warning} in words: the one place its text is made (run's stderr, explore's summary). */
public final class WarningText {
    private WarningText() {}

    /** The warning's lines, without a final newline. */
    public static String of(Warning w) {
        if (w instanceof Warning.LockOrderInversion i && i.locks().size() == 2) {
            return "warning: lock-order inversion (potential deadlock): " + i.locks().get(0) + " and " + i.locks().get(1)
                    + " were taken in both orders\n" + acquisition(i.edges().get(0)) + acquisition(i.edges().get(1))
                    + "  one schedule can make each thread hold one lock and wait for the other: take them in one order";
        }
        if (w instanceof Warning.LockOrderInversion i) {
            List<String> l = i.locks();
            StringBuilder s = new StringBuilder("warning: lock-order cycle (potential deadlock): ")
                    .append(String.join(", ", l.subList(0, l.size() - 1))).append(" and ").append(l.get(l.size() - 1))
                    .append(" were taken in a cycle\n");
            for (Warning.Acquisition a : i.edges()) s.append(acquisition(a));
            return s.append("  one schedule can make each thread hold one lock and wait for the next: take them in one order").toString();
        }
        Warning.DataRace r = (Warning.DataRace) w; // the only other kind (sealed)
        return "warning: data race on " + r.location() + "\n" + access("", r.access()) + access("previous ", r.previous())
                + "  no lock, message, join or thread start orders these two accesses" + verdict(r);
    }

    /** What the run showed of the race's harm, as a last line (nothing when it showed nothing more). */
    private static String verdict(Warning.DataRace r) {
        if (r.verdict() instanceof Warning.LostUpdate) {
            return "\n  harmful: a lost update. " + r.access().thread() + " read " + r.location()
                    + " and wrote back a value made from it, unordered with " + r.previous().thread()
                    + "'s access: one of the two updates can be lost (make the read and the write one step under a lock)";
        }
        if (r.verdict() instanceof Warning.DoubleChecked d) {
            return "\n  benign by construction: a double-checked read. The write was made holding " + d.lock() + ", and a thread that reads "
                    + r.location() + " with no lock reads it again holding " + d.lock() + " before acting on it";
        }
        return "";
    }

    private static String acquisition(Warning.Acquisition a) {
        return "  " + a.thread() + " took " + a.took() + " while holding " + a.holding() + ":\n" + Names.backtrace(a.backtrace(), "      ");
    }

    private static String access(String which, Warning.Access a) {
        return "  " + which + (a.write() ? "write" : "read") + " by " + a.thread() + ":\n" + Names.backtrace(a.backtrace(), "      ");
    }
}
