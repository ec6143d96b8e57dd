package safepoint.tables;

/** {@code raw-table-delete!}: tombstones the entry; count goes down, free is not given back. */
final class DeleteOp extends ProbingOp {
    private int seenCount;

    DeleteOp(RawTable tab, Object key) {
        super(tab, key, Phase.BEGIN);
    }

    @Override
    public String name() {
        return "raw-table-delete!";
    }

    @Override
    Step run(TableHost host) {
        switch (phase) {
            case WRITE_KEY:
                return writeKey(host);
            case WRITE_VALUE:
                vec[probe + 1] = RawTable.ABSENT;
                host.stepped(tab, new TableStep.WriteValue(probe + 1));
                return next(Phase.READ_COUNTS);
            case READ_COUNTS:
                seenCount = tab.count;
                return next(Phase.WRITE_COUNTS);
            case WRITE_COUNTS:
                tab.count = seenCount - 1;
                host.stepped(tab, new TableStep.Counts(tab.count, tab.free));
                return finish(null);
            default:
                return runProbe(host);
        }
    }

    @Override
    Step atUnused(TableHost host) {
        return finish(null);
    }

    @Override
    Step atMatch(TableHost host, boolean slotReadNow) {
        phase = Phase.WRITE_KEY;
        return slotReadNow ? Step.CONTINUE : writeKey(host);
    }

    private Step writeKey(TableHost host) {
        vec[probe] = RawTable.DELETED;
        host.stepped(tab, new TableStep.WriteKey(probe));
        // lock-free-reads: the value stays, so a reader that matched the key just before reads a
        // value, not #!absent (the entry is dead to every later probe; a rehash drops it)
        return next(tab.publishing ? Phase.READ_COUNTS : Phase.WRITE_VALUE);
    }

    @Override
    boolean writes() {
        return true;
    }
}
