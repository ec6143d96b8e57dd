package safepoint.vm.observe;

/**
 * One of Gerbil's hash tables: its kind ({@code raw}, {@code gc}, {@code gambit}, or
 * {@code locked}: a {@code lock:} wrapper), its hash and test ({@code eq}, {@code string}, {@code procedure},
 * ...), the locking policy it was made under ({@code per-table}, ...: the name {@code --locks}
 * takes) and whether it has a {@code lock:} mutex besides, entries and slots, how many rehashes it went through (of them, resizes), and whether a
 * rehash is under way (a writer stopped in the middle of one, or one a lost race abandoned).
 * A gc-table's rehashes are its resizes and its GC rehashes ({@code gcRehashes}: the same store,
 * its entries placed again by the addresses a moving GC gave their keys); other kinds have none.
 * A Gambit table has no policy ({@code -}: each operation is one primitive) and no slots shown.
 */
public record TableView(Ref table, String kind, String hash, String test, String policy, boolean locked, int count, int slots, long rehashes,
        long resizes, long gcRehashes, boolean rehashing) {
    /** Entries per slot. */
    public double load() {
        return slots == 0 ? 0 : (double) count / slots;
    }
}
