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

    /**
     * A part evaluated inline failed: {@code f} is what waits for its value, added outside the
     * frames of the parts inside it ({@link safepoint.vm.data.SchemeError#waiting}).
     */
    static safepoint.vm.data.SchemeError awaiting(safepoint.vm.data.SchemeError e, Frame f) {
        if (e.waiting == null) e.waiting = new java.util.ArrayList<>(2);
        e.waiting.add(f);
        return e;
    }
}
