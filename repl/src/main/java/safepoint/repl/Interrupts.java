package safepoint.repl;

import safepoint.vm.lang.Machine;

/** Ctrl-C interrupts the running evaluation (at its next poll) instead of killing the process. */
final class Interrupts {
    private Interrupts() {}

    static void install(Machine vm) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> vm.interrupt());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform: Ctrl-C keeps its default meaning.
        }
    }
}
