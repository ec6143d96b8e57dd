package safepoint.vm.lang;

import safepoint.vm.interp.Calls;
import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.ControlPrims;
import safepoint.vm.interp.ExpansionTime;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.LoadFrame;
import safepoint.vm.interp.Global;
import safepoint.vm.interp.Node;
import safepoint.vm.interp.Refs;
import safepoint.vm.interp.Where;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import safepoint.vm.data.Condition;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/**
 * Gerbil modules: {@code (import :std/misc/list (only-in ./util f) ...)} and
 * {@code (export name ... | #t)} (cons.io guide/intro.md "Modules", reference/gerbil/prelude/macros.md
 * "Module Sugar"). A module is loaded once per VM, the first time it is imported, while the
 * importer is being compiled: its forms are compiled and run in the module's own
 * {@link Namespace}; then its exports are bound in the importer. Built-in {@code :std/...} modules are Scheme sources
 * shipped with Safepoint; {@code ./name} and {@code "name"} are files next to the importer, unless its package
 * ({@link PackageIds}) makes one a module Safepoint ships.
 */
public final class Modules {
    private Modules() {}

    /** A module known to the VM. */
    public static final class Module {
        final String id;
        final Namespace ns;
        final Object[] forms;
        boolean loaded;
        /** One of R7RS's standard libraries ({@code (scheme base)}...): its names are the top level's. */
        boolean standard;
        /** A library's root: where the names of the libraries it imports are paths from (Libraries). */
        Path root;
        /** Export specs collected while compiling the module's {@code export} forms. */
        final List<Object> exportSpecs = new ArrayList<>();
        boolean exportAll;

        Module(String id, Namespace ns, Object[] forms) {
            this.id = id;
            this.ns = ns;
            this.forms = forms;
        }

        /** Exported name → binding. */
        Map<Symbol, Object> exports() {
            Map<Symbol, Object> out = new LinkedHashMap<>();
            if (exportAll) {
                for (Map.Entry<Symbol, Object> e : ns.table.entrySet()) {
                    if (e.getValue() instanceof Global g && !g.name.name.startsWith(id + "#")) continue; // imported
                    out.put(e.getKey(), e.getValue());
                }
            }
            for (Object spec : exportSpecs) {
                if (spec instanceof Symbol s) {
                    out.put(s, ns.lookup(s));
                } else if (spec instanceof Pair p && p.car == Symbol.of("rename-out")) {
                    for (Object r = p.cdr; r instanceof Pair rp; r = rp.cdr) {
                        if (rp.car instanceof Pair pair && pair.car instanceof Symbol from && pair.cdr instanceof Pair tp
                                && tp.car instanceof Symbol to) {
                            out.put(to, ns.lookup(from));
                        }
                    }
                }
            }
            return out;
        }
    }

    // ---- special forms ---------------------------------------------------------------------------

    static final SpecialForm IMPORT = new CoreForms.Form("import", (c, f, s, n) -> {
        if (s != null) throw c.illFormed(f);
        importNow(c, Pair.arrayOf(Compiler.strip(f.cdr)), c.where(f));
        return new Refs.Const(Special.VOID);
    });

    static final SpecialForm EXPORT = new CoreForms.Form("export", (c, f, s, n) -> {
        if (s != null) throw c.illFormed(f);
        Module m = c.module;
        if (m != null) {
            for (Object spec : Pair.arrayOf(Compiler.strip(f.cdr))) {
                if (spec == Boolean.TRUE) m.exportAll = true;
                else m.exportSpecs.add(spec);
            }
        }
        return new Refs.Const(Special.VOID);
    });

    /**
     * {@code (module Name body ...)} at top level (cons.io guide/intro.html "Top Modules"): a
     * module defined in place, imported afterwards with {@code (import Name)}.
     */
    static final SpecialForm MODULE = new CoreForms.Form("module", (c, f, s, n) -> {
        if (s != null || Compiler.length(f) < 2 || !Renamed.isIdentifier(Compiler.nth(f, 1))) throw c.illFormed(f);
        String id = Renamed.base(Compiler.nth(f, 1)).name;
        Object[] forms = Pair.arrayOf(((Pair) f.cdr).cdr);
        Module mod = new Module(id, new Namespace(c.machine, id), forms);
        Compiler mc = new Compiler(c.machine, c.file);
        mc.ns = mod.ns;
        mc.module = mod;
        c.machine.runAllNested(mc.compileAll(forms), forms);
        mod.loaded = true;
        c.machine.modules().put(id, mod);
        return new Refs.Const(Special.VOID);
    });

    public static final SpecialForm[] ALL = {IMPORT, EXPORT, MODULE, Libraries.DEFINE_LIBRARY};

    /**
     * {@code eval} and {@code load}: the front end at run time. Each compiles as the thread that
     * asks (see ExpansionTime), so the macros and imports it meets run on that thread's frames.
     */
    public static void installEval(LanguageHost vm) {
        vm.add(new ControlPrim("eval", 1, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                // Compiled as this thread: the macros it meets expand on its own frames.
                Object form = a[0];
                ExpansionTime.compile(m, () -> new Compiler(vm, "(eval)").compileTop(form));
            }
        });
        vm.add(new ControlPrim("load", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                if (!(a[0] instanceof MString path)) throw Condition.typeError("load", 1, "STRING", a);
                java.nio.file.Path file = java.nio.file.Path.of(path.toString());
                if (!java.nio.file.Files.exists(file) && !path.toString().contains(".")) {
                    file = java.nio.file.Path.of(path + ".scm");
                }
                String text;
                try {
                    text = java.nio.file.Files.readString(file);
                } catch (java.io.IOException | RuntimeException e) {
                    throw new SchemeError(new Condition(Condition.Kind.FILE, "No such file or directory", List.of(), "load",
                            List.of(a), 0));
                }
                String name = file.toAbsolutePath().normalize().toString();
                Object[] forms = vm.readAll(text, path.toString()).toArray();
                // Like gsi, load returns the file's path once its forms have run.
                m.push(new ControlPrims.ReturnValue(new MString(name)));
                ExpansionTime.compile(m, () -> {
                    Node[] code = new Compiler(vm, path.toString()).compileAll(forms);
                    return new Node() {
                        @Override
                        public void exec(Interp mm) {
                            LoadFrame.next(mm, code, forms, 0, vm.sources());
                        }
                    };
                });
            }
        });
    }

    // ---- running an import -------------------------------------------------------------------------

    /**
     * Import at compile time, as Gerbil's expander does: the forms after an import are compiled
     * with its bindings. A module not yet loaded is compiled and its body run first, as a
     * computation of its own (like a macro transformer: this is expansion time).
     */
    static void importNow(Compiler importer, Object[] specs, Where where) {
        LanguageHost vm = importer.machine;
        try {
            for (Object spec : unphased(specs)) {
                Module mod = moduleOf(vm, spec, importer);
                if (!mod.loaded) {
                    if (vm.loading().contains(mod.id)) {
                        throw Condition.raise("Circular module import: " + String.join(" -> ", vm.loading()) + " -> " + mod.id);
                    }
                    vm.loading().add(mod.id);
                    try {
                        Compiler c = new Compiler(vm, mod.id);
                        c.ns = mod.ns;
                        c.module = mod;
                        Node[] code = c.compileAll(mod.forms);
                        vm.runAllNested(code, mod.forms);
                        mod.loaded = true;
                    } finally {
                        vm.loading().remove(mod.id);
                    }
                }
                bind(vm, spec, mod, importer.ns);
            }
        } catch (SchemeError e) {
            throw Calls.located(e, where);
        }
    }

    // ---- finding modules -------------------------------------------------------------------------

    private static Object moduleSpec(Object spec) {
        if (isFilter(spec)) return moduleSpec(((Pair) ((Pair) spec).cdr).car);
        return spec;
    }

    /** Gerbil's import filters, and R7RS's ({@code only}, {@code except}, {@code prefix}, {@code rename}) around a library. */
    private static boolean isFilter(Object spec) {
        if (!(spec instanceof Pair p) || !(p.car instanceof Symbol head) || !(p.cdr instanceof Pair mp)) return false;
        return switch (head.name) {
            case "only-in", "except-in", "rename-in", "prefix-in" -> true;
            case "only", "except", "rename", "prefix" -> mp.car instanceof Pair;
            default -> false;
        };
    }

    /**
     * (for-syntax spec) and (for-template spec) import at another phase in Gerbil. Safepoint has
     * one phase (a transformer runs among the same bindings as the code), so they import as
     * spec itself does: the bindings are there for transformers and, beyond Gerbil, for code.
     */
    private static final java.util.Set<String> PHASED = java.util.Set.of("for-syntax", "for-template");

    // The specs with each (for-syntax spec ...) replaced by its specs.
    private static List<Object> unphased(Object[] specs) {
        List<Object> out = new ArrayList<>();
        for (Object spec : specs) {
            if (spec instanceof Pair p && p.car instanceof Symbol head && PHASED.contains(head.name)) {
                out.addAll(unphased(Pair.arrayOf(p.cdr)));
            } else {
                out.add(spec);
            }
        }
        return out;
    }

    static Module moduleOf(LanguageHost vm, Object spec, Compiler importer) {
        Object name = moduleSpec(spec);
        String id;
        String text;
        if (name instanceof Symbol s && s.name.startsWith(":")) {
            id = s.name.substring(1);
            Module known = vm.modules().get(id);
            if (known != null) return known;
            if (Libraries.isStandard(id)) return Libraries.standard(vm, id); // :scheme/base is (scheme base)
            text = resource("/safepoint/vm/" + id + ".ss");
            if (text == null) throw unknown(s.name);
        } else if ((name instanceof Symbol s && (s.name.startsWith("./") || s.name.startsWith("../"))) || name instanceof MString) {
            String rel = name instanceof MString ms ? ms.toString() : ((Symbol) name).name;
            if (!rel.endsWith(".ss") && !rel.endsWith(".scm")) rel = rel + ".ss";
            Path base = importer.file.startsWith("(") ? Path.of("") : Path.of(importer.file).toAbsolutePath().getParent();
            Path file = (base == null ? Path.of(rel) : base.resolve(rel)).normalize();
            String shipped = PackageIds.of(vm, file.toAbsolutePath());
            if (shipped != null && (vm.modules().containsKey(shipped) || resource("/safepoint/vm/" + shipped + ".ss") != null)) {
                return moduleOf(vm, Symbol.of(":" + shipped), importer);
            }
            id = file.toString();
            Module known = vm.modules().get(id);
            if (known != null) return known;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw unknown(name instanceof MString ? "\"" + rel + "\"" : ((Symbol) name).name + " (no file " + file + ")");
            }
        } else if (name instanceof Pair lib) {
            return Libraries.find(vm, lib, spec, importer);
        } else if (name instanceof Symbol s && vm.modules().containsKey(s.name)) {
            return vm.modules().get(s.name); // a module defined with (module Name ...)
        } else if (name instanceof Symbol s) {
            throw unknown(s.name);
        } else {
            throw Condition.raise("Ill-formed import spec", spec);
        }
        Namespace ns = new Namespace(vm, id);
        List<Object> forms = vm.readAll(text, id.startsWith("/") ? id : id + ".ss");
        declareDefinitions(ns, forms);
        Module m = new Module(id, ns, forms.toArray());
        vm.modules().put(id, m);
        return m;
    }

    private static final java.util.Set<String> DEFINERS = java.util.Set.of("define", "def", "def*", "defvalues", "define-values");

    /**
     * A module's scope is the whole module (as in Gerbil): its top-level definitions are made its
     * own before any form is compiled, so a procedure may call one defined further down instead
     * of that name resolving to the top level.
     */
    static void declareDefinitions(Namespace ns, List<Object> forms) {
        List<Object> work = new ArrayList<>(forms);
        while (!work.isEmpty()) {
            Object f = work.remove(work.size() - 1);
            if (!(f instanceof Pair p) || !(p.car instanceof Symbol head) || !(p.cdr instanceof Pair rest)) continue;
            if (head.name.equals("begin")) {
                for (Object x = p.cdr; x instanceof Pair xp; x = xp.cdr) work.add(xp.car);
            } else if (head.name.equals("defvalues") || head.name.equals("define-values")) {
                Object x = rest.car;
                for (; x instanceof Pair xp; x = xp.cdr) if (xp.car instanceof Symbol s) ns.defineGlobal(s);
                if (x instanceof Symbol s) ns.defineGlobal(s);
            } else if (head.name.equals("defstruct") || head.name.equals("defclass")) {
                for (Symbol s : ObjectForms.definedNames(p)) ns.defineGlobal(s);
            } else if (DEFINERS.contains(head.name)) {
                Object target = rest.car;
                while (target instanceof Pair tp) target = tp.car;
                if (target instanceof Symbol s) ns.defineGlobal(s);
            }
        }
    }

    /**
     * Does Safepoint ship the library {@code name}: {@code :std/...} as Gerbil names it, or
     * R7RS's {@code (scheme base)} (whose bindings are all global) and {@code (srfi 1)}?
     */
    static boolean shipped(Object name) {
        if (name instanceof Symbol s && s.name.startsWith(":")) return resource("/safepoint/vm/" + s.name.substring(1) + ".ss") != null;
        if (name instanceof Pair p && p.car == Symbol.of("scheme")) return true;
        if (name instanceof Pair p && p.car == Symbol.of("srfi") && p.cdr instanceof Pair np && np.cdr == Nil.NIL) {
            return resource("/safepoint/vm/std/srfi/" + np.car + ".ss") != null;
        }
        return false;
    }

    private static SchemeError unknown(String name) {
        return Condition.raise("Cannot find module " + name);
    }

    static String resource(String path) {
        try (InputStream in = Modules.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    // ---- binding exports ---------------------------------------------------------------------------

    /**
     * The modules that stand for the whole global environment: Gambit's primitives and Gerbil's
     * core are globals in Safepoint, so these modules export nothing of their own, and a filter
     * naming one of their bindings ({@code (only-in :gerbil/core with-catch)}) finds it among
     * the globals.
     */
    private static final java.util.Set<String> GLOBAL_VIEWS = java.util.Set.of("gerbil/core", "gerbil/gambit");

    static void bind(LanguageHost vm, Object spec, Module mod, Namespace into) {
        if (mod.standard) {
            Libraries.bindStandard(vm, spec, into);
            return;
        }
        Map<Symbol, Object> exports = mod.exports();
        if (GLOBAL_VIEWS.contains(mod.id)) exports = withNamedGlobals(vm, spec, exports);
        for (Map.Entry<Symbol, Object> e : filtered(spec, exports, mod.id).entrySet()) {
            into.bind(e.getKey(), e.getValue());
        }
    }

    // The exports plus each bound global or syntax that the spec's filters name.
    private static Map<Symbol, Object> withNamedGlobals(LanguageHost vm, Object spec, Map<Symbol, Object> exports) {
        Map<Symbol, Object> out = new LinkedHashMap<>(exports);
        for (Object x = spec; x instanceof Pair p && p.car instanceof Symbol && p.cdr instanceof Pair ip; x = ip.car) {
            for (Object a = ip.cdr; a instanceof Pair ap; a = ap.cdr) {
                Object named = ap.car instanceof Pair rp ? rp.car : ap.car; // rename-in's (from to)
                if (!(named instanceof Symbol s) || out.containsKey(s)) continue;
                Object syntax = vm.syntax(s);
                if (syntax != null) out.put(s, syntax);
                else if (vm.global(s).value != Special.UNBOUND) out.put(s, vm.global(s));
            }
        }
        return out;
    }

    private static Map<Symbol, Object> filtered(Object spec, Map<Symbol, Object> exports, String id) {
        if (!(spec instanceof Pair p) || !(p.car instanceof Symbol head)) return exports;
        Object inner = p.cdr instanceof Pair ip ? ip.car : Nil.NIL;
        Map<Symbol, Object> base = filtered(inner, exports, id);
        Object[] args = p.cdr instanceof Pair ip ? Pair.arrayOf(ip.cdr) : new Object[0];
        Map<Symbol, Object> out = new LinkedHashMap<>();
        switch (head.name) {
            case "only-in", "only" -> {
                for (Object a : args) {
                    Symbol s = (Symbol) a;
                    if (!base.containsKey(s)) throw Condition.raise("Module " + id + " does not export", s);
                    out.put(s, base.get(s));
                }
            }
            case "except-in", "except" -> {
                out.putAll(base);
                for (Object a : args) out.remove((Symbol) a);
            }
            case "rename-in", "rename" -> {
                out.putAll(base);
                Map<Symbol, Object> renamed = new HashMap<>();
                for (Object a : args) {
                    if (!(a instanceof Pair rp) || !(rp.car instanceof Symbol from) || !(rp.cdr instanceof Pair tp)
                            || !(tp.car instanceof Symbol to)) {
                        throw Condition.raise("Ill-formed rename-in", a);
                    }
                    if (!base.containsKey(from)) throw Condition.raise("Module " + id + " does not export", from);
                    renamed.put(to, out.remove(from));
                }
                out.putAll(renamed);
            }
            case "prefix-in", "prefix" -> {
                String prefix = args.length == 1 && args[0] instanceof Symbol ps ? ps.name
                        : args.length == 1 && args[0] instanceof safepoint.vm.data.Keyword kw ? kw.name + ":" : "";
                for (Map.Entry<Symbol, Object> e : base.entrySet()) out.put(Symbol.of(prefix + e.getKey().name), e.getValue());
            }
            default -> {
                return exports;
            }
        }
        return out;
    }
}
