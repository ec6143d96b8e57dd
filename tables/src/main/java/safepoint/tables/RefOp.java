package safepoint.tables;

import java.util.function.Consumer;

/** {@code raw-table-ref tab key default}: a read; it never writes. */
final class RefOp extends ProbingOp {
    private final Object dflt;

    RefOp(RawTable tab, Object key, Object dflt) {
        super(tab, key, Phase.BEGIN);
        this.dflt = dflt;
    }

    @Override
    public String name() {
        return "raw-table-ref";
    }

    @Override
    Step run(TableHost host) {
        if (phase == Phase.READ_VALUE) return finish(value());
        return runProbe(host);
    }

    @Override
    Step atUnused(TableHost host) {
        return finish(dflt);
    }

    @Override
    Step atMatch(TableHost host, boolean slotReadNow) {
        phase = Phase.READ_VALUE;
        return slotReadNow ? Step.CONTINUE : finish(value());
    }

    /** The value slot; under lock-free-reads a sentinel there is an entry being deleted: a miss. */
    private Object value() {
        Object v = vec[probe + 1];
        return tab.publishing && v instanceof Sentinel ? dflt : v;
    }

    @Override
    public void roots(Consumer<Object> visit) {
        super.roots(visit);
        visit.accept(dflt);
    }
}
