package safepoint.vm.lang;

import safepoint.vm.interp.Global;
import java.util.LinkedHashMap;
import java.util.Map;
import safepoint.vm.data.Symbol;

/**
 * Where top-level names of one compilation unit live. The VM's top level (the REPL, programs)
 * is one namespace over the Machine's global table; each module has its own, whose definitions
 * are globals named {@code module#name} and whose other names fall back to the top level
 * (where the runtime's builtins are). Imports add bindings that share the exporting module's
 * cells, so a module sees its own later {@code set!}s and an importer sees them too.
 */
public final class Namespace {
    final LanguageHost machine;
    /** The module's id ({@code std/misc/list}, or a file path), or null for the top level. */
    final String module;
    /** A module's own and imported bindings: Global, Macro or SpecialForm. Null at top level. */
    final Map<Symbol, Object> table;

    public Namespace(LanguageHost machine, String module) {
        this.machine = machine;
        this.module = module;
        this.table = module == null ? null : new LinkedHashMap<>();
    }

    /** The binding of {@code sym}: a SpecialForm, a Macro or a Global cell (created if new). */
    Object lookup(Symbol sym) {
        if (table != null) {
            Object v = table.get(sym);
            if (v != null) return v;
        }
        Object qualified = qualified(sym);
        if (qualified != null) return qualified;
        Object syn = machine.syntax(sym);
        return syn != null ? syn : machine.global(sym);
    }

    /**
     * A module's own definition named in full, {@code std/misc/walist#walist::t}: the name its
     * global has (Gerbil prints a class's type so, and code may name it back), found in that
     * module once it is loaded; null for any other symbol.
     */
    private Object qualified(Symbol sym) {
        int hash = sym.name.lastIndexOf('#');
        if (hash <= 0 || hash == sym.name.length() - 1) return null;
        Modules.Module m = machine.modules().get(sym.name.substring(0, hash));
        if (m == null || m.ns.table == null) return null;
        Object v = m.ns.table.get(Symbol.of(sym.name.substring(hash + 1)));
        return v instanceof Global g && g.name == sym ? v : null; // its own, not one it imported
    }

    /** The cell a top-level definition of {@code sym} in this namespace assigns. */
    Global defineGlobal(Symbol sym) {
        if (table != null) {
            Object v = table.get(sym);
            if (v instanceof Global g && g.name.name.startsWith(module + "#")) return g;
            Global g = new Global(Symbol.of(module + "#" + sym.name));
            table.put(sym, g);
            return g;
        }
        machine.dropSyntax(sym);
        Global g = machine.global(sym);
        if (g.name != sym) {
            // An imported binding: a definition at top level shadows it rather than changing the module.
            g = new Global(sym);
            machine.bindGlobal(sym, g);
        }
        return g;
    }

    void defineSyntax(Symbol sym, Object macro) {
        if (table != null) table.put(sym, macro);
        else machine.defineSyntaxBinding(sym, macro);
    }

    /** Make {@code sym} mean {@code binding} (an import). */
    void bind(Symbol sym, Object binding) {
        if (table != null) {
            table.put(sym, binding);
        } else if (binding instanceof Global g) {
            machine.dropSyntax(sym);
            machine.bindGlobal(sym, g);
        } else {
            machine.defineSyntaxBinding(sym, binding);
        }
    }
}
