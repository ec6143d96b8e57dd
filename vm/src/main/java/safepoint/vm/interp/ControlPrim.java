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

    public ControlPrim(String name, int minArgs, int maxArgs) {
        this.name = name;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
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
