package safepoint.vm.lang;

import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/** A top-level variable: one cell per name per VM. */
final class Global {
    final Symbol name;
    Object value = Special.UNBOUND;
    /** Assigned by a program (not only by the VM's builtins): code compiled later will not inline it. */
    boolean userDefined;

    Global(Symbol name) {
        this.name = name;
    }
}
