package safepoint.tables;

/**
 * The lock words the policies share within one machine: the global policy's one lock and the 64
 * stripes of the address-indexed ones. Made lazily, through the host, so a machine whose tables
 * never lock has none. It holds lock words only (never the host), since tables and the operations
 * suspended in frames refer to it and the VM's collector walks them.
 *
 * <p>Concurrency rule: the lazy creation is under this object's monitor (a leaf: it calls only
 * {@link TableHost#newLock}, which takes nothing); the lock words themselves are the host's.
 */
public final class TableLocks {
    /** Stripes of the address-indexed policies, as in Gambit PR #989's {@code gcht_table_lock_words[64]}. */
    public static final int STRIPES = 64;

    private Object global;
    private final Object[] stripes = new Object[STRIPES];

    /** Gerbil PR #1416's {@code __raw-table-lock}. */
    synchronized Object global(TableHost host) {
        if (global == null) global = host.newLock("__raw-table-lock");
        return global;
    }

    /** The stripe of an address: {@code (address >> 6) & 63}, as PR #989 indexes it. */
    public static int stripeOf(long address) {
        return (int) ((address >> 6) & (STRIPES - 1));
    }

    synchronized Object stripe(int i, TableHost host) {
        if (stripes[i] == null) stripes[i] = host.newLock("table-stripe-" + i);
        return stripes[i];
    }
}
