package safepoint.vm.interp;

import safepoint.vm.data.Printable;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.VmState;

/** A parameter object ({@code make-parameter}); its current value depends on the thread's bindings. */
public final class Parameter extends Procedure implements Printable {
    /** The value when no {@code parameterize} binds it. */
    public volatile Object global;
    /** A procedure applied to new values, or null. */
    final Object converter;

    public Parameter(Object global, Object converter) {
        this.global = global;
        this.converter = converter;
    }

    @Override
    public String name() {
        return null;
    }

    @Override
    public void printOn(StringBuilder out, boolean write, VmState vm) {
        out.append("#<procedure").append(vm.tag(this)).append('>');
    }
}
