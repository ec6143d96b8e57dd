package safepoint.tables;

/**
 * The policies that hold one lock for a whole operation (the operation's {@link Guard}); each says
 * only how it locks. A for-each holds it just to snapshot the vector, then walks the copy unlocked, so that its
 * callback may use the table without waiting for a lock its own thread holds.
 */
abstract class WholeOpLocking extends Locking {
    /** How this table's operations lock, shared by all of them. */
    private final Guard guard;

    WholeOpLocking(RawTable tab, Guard guard) {
        super(tab);
        this.guard = guard;
    }

    /** {@code op} under this policy's lock: the op takes it itself, no wrapper. */
    final TableOp locked(TableOp op) {
        return op.guarded(guard);
    }

    @Override
    public TableOp refOp(Object key, Object dflt) {
        return locked(tab.refOp(key, dflt));
    }

    @Override
    public TableOp setOp(Object key, Object value) {
        return locked(tab.setOp(key, value));
    }

    @Override
    public TableOp updateOp(Object key, Object dflt) {
        return locked(tab.updateOp(key, dflt));
    }

    @Override
    public TableOp deleteOp(Object key) {
        return locked(tab.deleteOp(key));
    }

    @Override
    public TableOp forEachOp() {
        return snapshotThenWalk(locked(new SnapshotOp(tab)));
    }

    @Override
    public TableOp copyOp() {
        return locked(tab.copyOp());
    }

    @Override
    public TableOp clearOp() {
        return locked(tab.clearOp());
    }
}
