package safepoint.tables;

/** {@code none}: Gerbil's raw table as it is, unsynchronized (reference 1.7); concurrent writers corrupt it. */
final class NoLocking extends Locking {
    NoLocking(RawTable tab) {
        super(tab);
    }

    @Override
    public Policy policy() {
        return Policy.NONE;
    }

    @Override
    public TableOp refOp(Object key, Object dflt) {
        return tab.refOp(key, dflt);
    }

    @Override
    public TableOp setOp(Object key, Object value) {
        return tab.setOp(key, value);
    }

    @Override
    public TableOp updateOp(Object key, Object dflt) {
        return tab.updateOp(key, dflt);
    }

    @Override
    public TableOp deleteOp(Object key) {
        return tab.deleteOp(key);
    }

    @Override
    public TableOp forEachOp() {
        return tab.forEachOp();
    }

    @Override
    public TableOp copyOp() {
        return tab.copyOp();
    }

    @Override
    public TableOp clearOp() {
        return tab.clearOp();
    }
}
