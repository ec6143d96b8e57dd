package safepoint.tables;

import java.util.function.Function;

/** One operation, then another made from its result (a for-each: a locked snapshot, then an unlocked walk). */
final class ThenOp extends TableOp {
    private final TableOp first;
    private final Function<Object, TableOp> then;
    private TableOp second;

    ThenOp(TableOp first, Function<Object, TableOp> then) {
        super(first.tab, Phase.BEGIN);
        this.first = first;
        this.then = then;
    }

    @Override
    public String name() {
        return (second != null ? second : first).name();
    }

    @Override
    Step run(TableHost host) {
        if (second == null) {
            if (!first.isDone()) return start(first, host);
            second = then.apply(first.result());
        }
        if (!second.isDone()) return start(second, host);
        return finish(second.result());
    }
}
