package safepoint.vm.interp;

/** A first-class continuation: the frame chain plus the dynamic state at capture. */
final class Continuation extends NamedProcedure {
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
}
