package safepoint.vm.interp;

import safepoint.vm.data.SourceMap;

/**
 * Runs the compiled top-level forms of a load one at a time, each when the previous returns:
 * the continuation of each form is "run the rest", so a continuation captured in one form and
 * re-entered from a later one goes on with the forms after it, as in gsi.
 */
public final class LoadFrame extends Frame {
    final Node[] code;
    final Object[] forms;
    final int next;
    final SourceMap sources;

    LoadFrame(Node[] code, Object[] forms, int next, SourceMap sources) {
        this.code = code;
        this.forms = forms;
        this.next = next;
        this.sources = sources;
    }

    @Override
    public void resume(Interp m) {
        next(m, code, forms, next, sources);
    }

    /** Run form {@code i} of {@code code} next (nothing when they are all done); {@code sources} places the forms. */
    public static void next(Interp m, Node[] code, Object[] forms, int i, SourceMap sources) {
        if (i == code.length) return;
        m.push(new LoadFrame(code, forms, i + 1, sources));
        m.env = null;
        m.pc = code[i];
    }

    /** The top-level form now running: where a tail-position error in it is reported. */
    @Override
    public Where where() {
        return new Where(null, sources.get(forms[next - 1]));
    }
}
