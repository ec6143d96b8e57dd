package safepoint.vm.lang;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import safepoint.vm.interp.Locals;

/**
 * A compile-time lexical scope. A frame scope (lambda, let) has runtime slots: variable i lives
 * in slot i+1 of the frame. A syntax-only scope (let-syntax) has macros and no slots, and is not
 * counted when computing a variable's frame depth.
 */
final class Scope {
    final Scope parent;
    final boolean frame;
    final ArrayList<Object> vars = new ArrayList<>();
    IdentityHashMap<Object, Macro> macros;
    /** syntax-case pattern variables bound by this scope, with their ellipsis depth; null if none. */
    IdentityHashMap<Object, Integer> patternVars;

    Scope(Scope parent, boolean frame) {
        this.parent = parent;
        this.frame = frame;
    }

    /** Slot of {@code id} in this scope's frame, or -1. Identifiers compare by identity. */
    int slotOf(Object id) {
        for (int i = vars.size() - 1; i >= 0; i--) if (vars.get(i) == id) return i + 1;
        return -1;
    }

    int add(Object id) {
        vars.add(id);
        return vars.size();
    }

    void defineMacro(Object id, Macro m) {
        if (macros == null) macros = new IdentityHashMap<>();
        macros.put(id, m);
    }

    /**
     * The variables of this scope's frame and the frames around it, as a debugger level needs
     * them (interp.Locals); one snapshot shared by every call compiled while the frame has this
     * many variables. Null outside every frame (top level).
     */
    Locals locals() {
        Scope f = this;
        while (f != null && !f.frame) f = f.parent;
        if (f == null) return null;
        if (f.snapshot == null || f.snapshot.ids().length != f.vars.size()) {
            f.snapshot = new Locals(f.vars.toArray(), f.parent == null ? null : f.parent.locals());
        }
        return f.snapshot;
    }

    private Locals snapshot;

    /** Frame scopes rebuilt from {@link #locals()}: what is typed at a debugger level compiles against them. */
    static Scope of(Locals l) {
        if (l == null) return null;
        Scope s = new Scope(of(l.parent()), true);
        for (Object id : l.ids()) s.vars.add(id);
        return s;
    }

    int frameSize() {
        return vars.size() + 1;
    }
}
