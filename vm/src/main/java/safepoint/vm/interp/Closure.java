package safepoint.vm.interp;

import safepoint.vm.data.Printable;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.VmState;

/** A procedure written in Scheme: compiled code plus the frame it closed over. */
final class Closure extends Procedure implements Printable {
    final Lambda lambda;
    final Object[] env;

    Closure(Lambda lambda, Object[] env) {
        this.lambda = lambda;
        this.env = env;
    }

    @Override
    public String name() {
        return lambda.name;
    }

    @Override
    public void printOn(StringBuilder out, boolean write, VmState vm) {
        out.append("#<procedure").append(vm.tag(this));
        // As gsi: an anonymous closure held by a global variable prints with that variable's name.
        String name = lambda.name != null ? lambda.name : vm.globalNameOf(this);
        if (name != null) out.append(' ').append(name);
        out.append('>');
    }
}
