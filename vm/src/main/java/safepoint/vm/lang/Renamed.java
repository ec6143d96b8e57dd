package safepoint.vm.lang;

import safepoint.vm.data.Symbol;

/**
 * An identifier inserted by a macro expansion (hygiene by renaming). It is a distinct identifier
 * from the user's symbol of the same name, so a binding it introduces captures nothing of the
 * user's; and when it is free, it means what {@link #name} meant where the macro was defined
 * ({@link #env}), so a user's local {@code if} cannot capture the macro's {@code if}.
 */
public final class Renamed {
    /** What this renames: a Symbol or another Renamed (nested expansions). */
    final Object name;
    /** The scope of the macro's definition; null for the top level. */
    final Scope env;
    /** The namespace of the macro's definition; null for the VM's top level. */
    final Namespace ns;

    Renamed(Object name, Scope env) {
        this(name, env, null);
    }

    Renamed(Object name, Scope env, Namespace ns) {
        this.name = name;
        this.env = env;
        this.ns = ns;
    }

    /** The symbol under all renamings: what {@code quote} shows and top-level definitions bind. */
    Symbol symbol() {
        Object n = name;
        while (n instanceof Renamed r) n = r.name;
        return (Symbol) n;
    }

    static boolean isIdentifier(Object x) {
        return x instanceof Symbol || x instanceof Renamed;
    }

    public static Symbol base(Object id) {
        return id instanceof Renamed r ? r.symbol() : (Symbol) id;
    }

    @Override
    public String toString() {
        return symbol().name;
    }
}
