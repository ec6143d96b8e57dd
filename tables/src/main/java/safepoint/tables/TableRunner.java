package safepoint.tables;

import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Runs table operations to completion in Java, with no other operation in between: for Java callers
 * and tests. NeedHash and NeedTest are answered by calling the table's procedure through the
 * {@link ProcedureCaller}; NeedUpdate and Yield by the Java function given to the call.
 */
public final class TableRunner {
    private final TableHost host;
    private final ProcedureCaller caller;

    public TableRunner(TableHost host, ProcedureCaller caller) {
        this.host = host;
        this.caller = caller;
    }

    /** A runner for tables with builtin hash and test only. */
    public TableRunner(TableHost host) {
        this(host, ProcedureCaller.NONE);
    }

    public TableHost host() {
        return host;
    }

    /** Runs {@code op} to its end; it must not ask for updates or yield entries. */
    public Object run(TableOp op) {
        return run(op, null, null);
    }

    /** Runs {@code op} to its end, answering NeedUpdate with {@code update} and Yield with {@code each}. */
    public Object run(TableOp op, UnaryOperator<Object> update, BiConsumer<Object, Object> each) {
        while (true) {
            Step s = op.step(host);
            if (s instanceof Step.Done d) return d.result();
            if (s instanceof Step.NeedHash h) op.supply(caller.call(h.procedure(), h.key()));
            else if (s instanceof Step.NeedTest t) op.supply(caller.call(t.procedure(), t.a(), t.b()));
            else if (s instanceof Step.NeedUpdate u) op.supply(required(update, "update").apply(u.oldValue()));
            else if (s instanceof Step.Yield y) required(each, "for-each").accept(y.key(), y.value());
            else if (s instanceof Step.Spin spin) {
                // one caller, run to the end: nobody else can release the lock
                throw new IllegalStateException("table lock " + spin.lock() + " is held by another caller");
            }
        }
    }

    public Object ref(RawTable t, Object key, Object dflt) {
        return run(t.refOp(key, dflt));
    }

    public void set(RawTable t, Object key, Object value) {
        run(t.setOp(key, value));
    }

    public void update(RawTable t, Object key, UnaryOperator<Object> update, Object dflt) {
        run(t.updateOp(key, dflt), update, null);
    }

    public void delete(RawTable t, Object key) {
        run(t.deleteOp(key));
    }

    public void forEach(RawTable t, BiConsumer<Object, Object> each) {
        run(t.forEachOp(), null, each);
    }

    public RawTable copy(RawTable t) {
        return (RawTable) run(t.copyOp());
    }

    public void clear(RawTable t) {
        run(t.clearOp());
    }

    private static <F> F required(F f, String what) {
        if (f == null) throw new IllegalStateException("this operation needs a Java " + what + " function");
        return f;
    }
}
