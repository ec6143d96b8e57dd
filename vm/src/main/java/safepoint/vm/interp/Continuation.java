package safepoint.vm.interp;

import safepoint.vm.data.Printable;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.VmState;

/** A first-class continuation: the frame chain plus the dynamic state at capture. */
final class Continuation extends Procedure implements Printable {
    final Frame k;
    final Winder winders;
    final Object handlers;
    final DynBinding params;

    Continuation(Frame k, Winder winders, Object handlers, DynBinding params) {
        this.k = k;
        this.winders = winders;
        this.handlers = handlers;
        this.params = params;
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
