package safepoint.vm.interp;

import safepoint.vm.data.Condition;

/**
 * A procedure written in Java that needs the interpreter: it calls Scheme procedures or changes
 * the continuation ({@code apply}, {@code map}, {@code call/cc}, {@code dynamic-wind}, ...). It
 * never calls the interpreter recursively: it pushes frames and sets the registers, then returns
 * to the trampoline.
 */
public abstract class ControlPrim extends NamedProcedure {
    public final String name;
    final int minArgs;
    final int maxArgs;
    /** Thread and synchronization primitives run holding the scheduler's monitor (see Scheduler). */
    public boolean locksScheduler;

    /**
     * Whether the primitive names what it touches itself ({@link Interp#touched}): the table
     * operations (the table, at each step) and spinlocks (the lock). Otherwise a name ending in !
     * is a mutation no one classified.
     */
    public boolean ownFootprint;

    /** Whether its name marks it a mutator ({@link safepoint.vm.data.Primitive#mutator}), decided once. */
    private final boolean mutator;

    public ControlPrim(String name, int minArgs, int maxArgs) {
        this.name = name;
        this.mutator = safepoint.vm.data.Primitive.mutator(name);
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /**
     * What a call touches, for dpor ({@link Footprint}): a sync operation writes its calling
     * thread and every argument that is an object (mutex, condition variable, thread, mailbox);
     * an unclassified mutator is dependent with everything.
     */
    void footprint(Interp m, Object[] args) {
        if (locksScheduler) {
            m.touched(m.thread, true);
            for (Object a : args) {
                if (!(a == null || a instanceof Number || a instanceof Boolean || a instanceof Character || a instanceof safepoint.vm.data.Symbol)) m.touched(a, true);
            }
        } else if (!ownFootprint && mutator) {
            m.mutated();
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** Arity is checked by the caller ({@link Interp#apply}). */
    public abstract void invoke(Interp m, Object[] args);

    final void check(Object[] args) {
        if (args.length < minArgs || (maxArgs >= 0 && args.length > maxArgs)) throw Condition.wrongArgs(this, args);
    }
}
