package safepoint.tables;

/** One of the table's marker objects; compared by identity only, never passed to a hash or test. */
final class Sentinel {
    private final String name;

    Sentinel(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
