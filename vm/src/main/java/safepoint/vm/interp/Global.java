package safepoint.vm.interp;

import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/** A top-level variable: one cell per name per VM. */
public final class Global {
    public final Symbol name;
    public Object value = Special.UNBOUND;
    /** Assigned by a program (not only by the VM's builtins): code compiled later will not inline it. */
    public boolean userDefined;
    /** The target of a set! somewhere in the code compiled: dfs's reduction then records its reads (interp.Footprint). */
    public boolean assigned;

    public Global(Symbol name) {
        this.name = name;
    }
}
