package safepoint.vm.lang;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import safepoint.vm.data.Machinery;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Serials;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Symbol;
import safepoint.vm.event.Events;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;
import safepoint.vm.interp.Builtins;
import safepoint.vm.interp.Global;
import safepoint.vm.interp.Node;
import safepoint.vm.interp.Owner;
import safepoint.vm.interp.Parameter;

/**
 * What the front end needs of the machine (the Machine implements it): the global and syntax
 * environments, the top-level namespace, modules, sources, reading, running code at expansion
 * time, Gerbil's classes and tables, and the events and race hooks of table operations.
 */
public interface LanguageHost extends Builtins, Machinery {
    // ---- environments ---------------------------------------------------------------------
    /** The VM's top-level namespace: the REPL's and programs'. */
    Namespace top();

    Global global(Symbol name);

    void bindGlobal(Symbol name, Global cell);

    /** The value of a global, or null when unbound. */
    Object lookup(String name);

    Object syntax(Symbol name);

    void defineSyntaxBinding(Symbol name, Object m);

    /** A top-level definition replaces a macro or a Gerbil form of the same name. */
    void dropSyntax(Symbol name);

    /** Match macros (defsyntax-for-match) by name. */
    Map<Symbol, Macro> matchMacros();

    /** Gerbil's system classes of this VM. */
    SystemClasses classes();

    // ---- sources, modules, expansion time -----------------------------------------------------
    SourceMap sources();

    /** Whether the prelude is loading: its definitions are builtins, not the user's. */
    boolean loadingPrelude();

    /** Read every datum of {@code text}; a read error throws SchemeError. */
    List<Object> readAll(String text, String file);

    /** Modules loaded (or being loaded) by id. */
    Map<String, Modules.Module> modules();

    /** Ids of modules whose loading is in progress, to report circular imports. */
    Set<String> loading();

    /** Evaluate code at compile time (a transformer expression). */
    Object evalNested(Node code);

    /** Run a procedural macro's transformer on a use of it. */
    Object expandWith(Macro macro, Pair form);

    /** Run compiled top-level forms at expansion time (a module's body, at import time). */
    void runAllNested(Node[] code, Object[] forms);

    /** The renaming of the procedural macro expansion in progress (a parameter). */
    Parameter expansionRenames();

    // ---- what tables need ---------------------------------------------------------------------
    /** Hashing and tests for Gerbil's hash tables. */
    HashTables.Host tableHost();

    /** The lock words of tables' locking policies (the machine's spinlocks). */
    HashTables.LockWords tableWords();

    /** The locking policy new tables are made under ({@code --locks}). */
    safepoint.tables.Policy tableLocks();

    Serials serials();

    SplittableRandom random();

    Events events();

    boolean observing();

    void event(Owner t, What what);

    Ref.ThreadRef threadRef(Owner t);

    /** A table operation, for the race detector. */
    void accessed(Owner t, Object key, boolean write);
}
