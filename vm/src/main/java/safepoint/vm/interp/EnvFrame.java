package safepoint.vm.interp;

/**
 * A frame pushed while a node waits for one of its parts: it keeps the environment the node ran
 * in, which its {@link #resume} restores ({@code m.env = env}) before going on.
 */
abstract class EnvFrame extends Frame {
    final Object[] env;

    EnvFrame(Object[] env) {
        this.env = env;
    }
}
