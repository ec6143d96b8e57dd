package safepoint.repl;

import safepoint.vm.Machine;


/** Ctrl-C interrupts the running evaluation (at its next poll), or ends a search, instead of killing the process. */
final class Interrupts {
    private Interrupts() {}

    static void install(Machine vm) {
        install(vm::interrupt);
    }

    /** Ctrl-C runs {@code action} (explore stops taking new runs and reports what it has). */
    static void install(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform: Ctrl-C keeps its default meaning.
        }
    }
}
