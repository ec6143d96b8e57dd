package safepoint.vm.lang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import safepoint.vm.data.Condition;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;
import safepoint.vm.interp.Refs;

/**
 * R7RS libraries (R7RS 5.6; Gerbil's doc/guide/r7rs.md): an import of a library name such as
 * {@code (scheme base)} or {@code (example grid)}, and {@code define-library}. The standard
 * libraries are names for what the top level already has (every builtin is a global here), so
 * importing one binds nothing, {@code only} and {@code except} hide nothing, {@code rename}
 * binds the new names, and {@code prefix} is refused. Any other library is a
 * {@code define-library}, given earlier in the program or in a file named by the library's name
 * next to the importer ({@code (example grid)}: {@code example/grid.sld}, {@code .ss} or
 * {@code .scm}), as Gerbil resolves a library name as a path.
 */
final class Libraries {
    private Libraries() {}

    private static final Set<String> STANDARD = Set.of("base", "case-lambda", "char", "complex", "cxr", "eval", "file",
            "inexact", "lazy", "load", "process-context", "read", "repl", "time", "write", "r5rs");

    /** {@code (example grid)} as a module id, "example/grid"; parts are identifiers or exact integers. */
    static String id(Object lib) {
        StringBuilder b = new StringBuilder();
        for (Object x = lib; x != Nil.NIL; ) {
            if (!(x instanceof Pair p) || !(p.car instanceof Symbol || p.car instanceof Long l && l >= 0)) {
                throw Condition.raise("Ill-formed library name", lib);
            }
            if (b.length() > 0) b.append('/');
            b.append(p.car instanceof Symbol s ? s.name : p.car.toString());
            x = p.cdr;
        }
        if (b.length() == 0) throw Condition.raise("Ill-formed library name", lib);
        return b.toString();
    }

    /** Whether {@code id} ("scheme/base") names one of R7RS's standard libraries. */
    static boolean isStandard(String id) {
        return id.startsWith("scheme/") && STANDARD.contains(id.substring("scheme/".length()));
    }

    /** A standard library's module: it binds nothing (see the class comment). */
    static Modules.Module standard(LanguageHost vm, String id) {
        Modules.Module m = new Modules.Module(id, new Namespace(vm, id), new Object[0]);
        m.standard = true;
        m.loaded = true;
        vm.modules().put(id, m);
        return m;
    }

    static Modules.Module find(LanguageHost vm, Pair lib, Object spec, Compiler importer) {
        String id = id(lib);
        Modules.Module known = vm.modules().get(id);
        if (known != null) return known;
        if (isStandard(id)) return standard(vm, id);
        if (lib.car == Symbol.of("srfi") && Modules.resource("/safepoint/vm/std/" + id + ".ss") != null) {
            return Modules.moduleOf(vm, Symbol.of(":std/" + id), importer); // (srfi 1) is :std/srfi/1
        }
        Path base = importer.module != null && importer.module.root != null ? importer.module.root
                : importer.file.startsWith("(") ? Path.of("").toAbsolutePath() : Path.of(importer.file).toAbsolutePath().getParent();
        for (String ext : new String[] {".sld", ".ss", ".scm"}) {
            Path file = (base == null ? Path.of(id + ext) : base.resolve(id + ext)).normalize();
            if (!Files.isRegularFile(file)) continue;
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Condition.raise("Cannot read library " + id + " (" + file + ")");
            }
            List<Object> forms = vm.readAll(text, file.toString());
            if (forms.size() != 1 || !(forms.get(0) instanceof Pair d) || d.car != Symbol.of("define-library")
                    || !(d.cdr instanceof Pair dn) || !id.equals(id(dn.car))) {
                throw Condition.raise("Library file " + file + " must hold one define-library of", lib);
            }
            Namespace ns = new Namespace(vm, id);
            List<Object> body = moduleForms(vm, d, file.getParent());
            Modules.declareDefinitions(ns, body);
            Modules.Module m = new Modules.Module(id, ns, body.toArray());
            m.root = base;
            vm.modules().put(id, m);
            return m;
        }
        throw Condition.raise("Cannot find library (no file " + (base == null ? "" : base + "/") + id + ".sld, .ss or .scm)", lib);
    }

    /**
     * A define-library's declarations as the forms of a Gerbil module: its exports (R7RS's
     * {@code (rename a b)} is Gerbil's {@code rename-out}), its imports, its bodies and the files
     * it includes, in order.
     */
    static List<Object> moduleForms(LanguageHost vm, Pair def, Path dir) {
        List<Object> out = new ArrayList<>();
        for (Object x = ((Pair) def.cdr).cdr; x instanceof Pair p; x = p.cdr) declaration(vm, p.car, dir, out, def);
        return out;
    }

    private static void declaration(LanguageHost vm, Object decl, Path dir, List<Object> out, Pair def) {
        if (!(decl instanceof Pair d) || !(d.car instanceof Symbol head)) throw Condition.raise("Ill-formed library declaration", decl);
        switch (head.name) {
            case "export" -> {
                List<Object> specs = new ArrayList<>();
                specs.add(head);
                for (Object x = d.cdr; x instanceof Pair p; x = p.cdr) {
                    if (p.car instanceof Pair r && r.car == Symbol.of("rename")) {
                        specs.add(Pair.listOf(Symbol.of("rename-out"), r.cdr));
                    } else {
                        specs.add(p.car);
                    }
                }
                out.add(Pair.listOf(specs));
            }
            case "import" -> out.add(d);
            case "begin" -> {
                for (Object x = d.cdr; x instanceof Pair p; x = p.cdr) out.add(p.car);
            }
            case "include", "include-ci", "include-library-declarations" -> {
                for (Object x = d.cdr; x instanceof Pair p; x = p.cdr) {
                    if (!(p.car instanceof MString name)) throw Condition.raise("Ill-formed " + head.name, d);
                    Path file = (dir == null ? Path.of(name.toString()) : dir.resolve(name.toString())).normalize();
                    String text;
                    try {
                        text = Files.readString(file, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw Condition.raise("Cannot read included file " + file);
                    }
                    for (Object f : vm.readAll(text, file.toString())) {
                        if (head.name.equals("include-library-declarations")) declaration(vm, f, file.getParent(), out, def);
                        else out.add(f);
                    }
                }
            }
            default -> throw Condition.raise("Safepoint does not know this library declaration", decl);
        }
    }

    /** An import of a standard library, under its filters: only rename binds anything. */
    static void bindStandard(LanguageHost vm, Object spec, Namespace into) {
        if (!(spec instanceof Pair p) || !(p.car instanceof Symbol head) || !(p.cdr instanceof Pair rest)) return;
        switch (head.name) {
            case "only", "only-in", "except", "except-in" -> bindStandard(vm, rest.car, into);
            case "rename", "rename-in" -> {
                bindStandard(vm, rest.car, into);
                for (Object x = rest.cdr; x instanceof Pair rp; x = rp.cdr) {
                    if (!(rp.car instanceof Pair r) || !(r.car instanceof Symbol from) || !(r.cdr instanceof Pair tp)
                            || !(tp.car instanceof Symbol to)) {
                        throw Condition.raise("Ill-formed " + head.name, rp.car);
                    }
                    into.bind(to, vm.top().lookup(from));
                }
            }
            case "prefix", "prefix-in" -> throw Condition.raise(
                    "Safepoint cannot prefix a standard library's names (they are the top level's)", spec);
            default -> { } // the library's name itself
        }
    }

    /**
     * {@code (define-library name declaration ...)} in a program or at the REPL: the library is
     * made then, as a {@code module} form makes its module, and imported later by its name.
     */
    static final SpecialForm DEFINE_LIBRARY = new CoreForms.Form("define-library", (c, f, s, n) -> {
        if (s != null || Compiler.length(f) < 2) throw c.illFormed(f);
        Object form = Compiler.strip(f);
        String id = id(((Pair) ((Pair) form).cdr).car);
        Path dir = c.file.startsWith("(") ? null : Path.of(c.file).toAbsolutePath().getParent();
        List<Object> body = moduleForms(c.machine, (Pair) form, dir);
        Namespace ns = new Namespace(c.machine, id);
        Modules.declareDefinitions(ns, body);
        Modules.Module mod = new Modules.Module(id, ns, body.toArray());
        mod.root = c.module != null && c.module.root != null ? c.module.root : dir;
        Compiler mc = new Compiler(c.machine, c.file);
        mc.ns = mod.ns;
        mc.module = mod;
        Object[] forms = body.toArray();
        c.machine.runAllNested(mc.compileAll(forms), forms);
        mod.loaded = true;
        c.machine.modules().put(id, mod);
        return new Refs.Const(Special.VOID);
    });
}
