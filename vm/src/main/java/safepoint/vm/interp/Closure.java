package safepoint.vm.interp;

import safepoint.vm.data.Serials;

/** A procedure written in Scheme: compiled code plus the frame it closed over. */
final class Closure extends NamedProcedure {
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

    /** As gsi: an anonymous closure held by a global variable prints with that variable's name. */
    @Override
    String printedName(Serials vm) {
        return lambda.name != null ? lambda.name : vm.globalNameOf(this);
    }
}
