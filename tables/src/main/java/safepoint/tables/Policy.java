package safepoint.tables;

import java.util.Locale;

/**
 * The table locking policies of {@code --locks} (DESIGN.md "Tables"). Each is a {@link Locking}
 * class whose flaw or strength is its behaviour, not a flag: the global lock's wait spins as the
 * calling code was compiled, the striped lock's stripe goes stale when the GC moves the table.
 */
public enum Policy {
    /** Gerbil's design intent: unsynchronized. */
    NONE,
    /** Gerbil PR #1416: one machine-wide spinlock around every operation, reads included. */
    GLOBAL,
    /** One lock per table, found by identity; a rehash's vector is allocated before locking. */
    PER_TABLE,
    /** Gambit PR #989's first design: 64 locks indexed by the table's address, which a moving GC changes. */
    STRIPED_ADDRESS,
    /** Gambit PR #989's final design: probe unlocked, lock the address's stripe, verify, mutate. */
    LOCK_AFTER_PROBE,
    /** Reads take no lock and never see a half-built table (build aside, then publish); writers lock per table. */
    LOCK_FREE_READS;

    /** The policy a fresh command line uses. */
    public static final Policy DEFAULT = PER_TABLE;

    /** Its name on the command line: {@code per-table}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every name, for a usage message: {@code none, global, per-table, ...}. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (Policy p : values()) sb.append(sb.length() == 0 ? "" : ", ").append(p.cliName());
        return sb.toString();
    }

    /** The policy of this command-line name, or null for an unknown one. */
    public static Policy named(String name) {
        for (Policy p : values()) if (p.cliName().equals(name)) return p;
        return null;
    }
}
