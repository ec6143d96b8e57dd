package safepoint.vm.lang;

import safepoint.vm.interp.Blocks;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.Node;
import safepoint.vm.interp.Parameter;
import safepoint.vm.interp.Refs;
import static safepoint.vm.lang.DerivedForms.cons;
import static safepoint.vm.lang.DerivedForms.g;
import static safepoint.vm.lang.DerivedForms.list;
import static safepoint.vm.lang.DerivedForms.tmp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.SVector;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Symbol;

/**
 * Procedural macros, the common cases of Gerbil's {@code defsyntax} with {@code syntax-case}
 * (cons.io reference/gerbil/prelude/macros.md; core-expander-syntax.md). Syntax objects are
 * plain datums whose macro-inserted identifiers are {@link Renamed}; a transformer is a Scheme
 * procedure run when a use is expanded, in its own short computation (expansion is phase 1:
 * it runs while compiling, before the code it produces exists). {@code syntax} templates rename
 * the identifiers they insert once per expansion, as syntax-rules does.
 *
 * <p>Not covered: quasisyntax, full phase separation, identifier properties of
 * {@code datum->syntax} beyond "as if written at the use".
 */
public final class SyntaxCase {
    private SyntaxCase() {}

    private static final Symbol DOTS = Symbol.of("...");

    /** A pattern variable's binding, as the compiler tracks it: its ellipsis depth. */
    static final class PatternVars {
        final IdentityHashMap<Object, Integer> depths = new IdentityHashMap<>();
    }

    /** {@code (defsyntax (name stx) body ...)} or {@code (defsyntax name transformer)}. */
    static final SpecialForm DEFSYNTAX = new DerivedForms.Form("defsyntax", (c, f, s) -> {
        if (Compiler.length(f) < 3) throw c.illFormed(f);
        Object head = Compiler.nth(f, 1);
        if (head instanceof Pair hp && Renamed.isIdentifier(hp.car)) {
            return list(g("define-syntax"), hp.car, cons(g("lambda"), cons(hp.cdr, ((Pair) ((Pair) f.cdr).cdr))));
        }
        if (!Renamed.isIdentifier(head) || Compiler.length(f) != 3) throw c.illFormed(f);
        return list(g("define-syntax"), head, Compiler.nth(f, 2));
    });

    /** {@code (begin-syntax form ...)}: one phase here, so the forms are evaluated as they come. */
    static final SpecialForm BEGIN_SYNTAX = new DerivedForms.Form("begin-syntax", (c, f, s) -> cons(g("begin"), f.cdr));

    /** {@code (syntax-case stx (literal ...) (pattern [fender] output) ...)}. */
    static final SpecialForm SYNTAX_CASE = new CoreForms.Form("syntax-case", (c, f, s, n) -> {
        if (Compiler.length(f) < 3 || !Compiler.isList(Compiler.nth(f, 2))) throw c.illFormed(f);
        List<Object> literals = new ArrayList<>();
        for (Object l : Pair.arrayOf(Compiler.nth(f, 2))) literals.add(l);
        Macro matcher = new Macro("syntax-case", literals, List.of(), s, DOTS);
        Renamed v = tmp("stx");
        Object body = list(g("##syntax-error"), new safepoint.vm.data.MString("Bad syntax"), v);
        Object[] clauses = Pair.arrayOf(((Pair) ((Pair) ((Pair) f.cdr).cdr)).cdr);
        for (int i = clauses.length - 1; i >= 0; i--) {
            if (!(clauses[i] instanceof Pair cl) || Compiler.length(cl) < 2 || Compiler.length(cl) > 3) throw c.illFormed(f);
            Object pat = cl.car;
            Object fender = Compiler.length(cl) == 3 ? Compiler.nth(cl, 1) : Boolean.TRUE;
            Object out = Compiler.nth(cl, Compiler.length(cl) - 1);
            Renamed next = tmp("next");
            Renamed m = tmp("m");
            List<Object> vars = matcher.patternVarsOf(pat);
            IdentityHashMap<Object, Integer> depths = new IdentityHashMap<>();
            matcher.depths(pat, 0, depths);
            List<Object> bindings = new ArrayList<>();
            for (int k = 0; k < vars.size(); k++) bindings.add(list(vars.get(k), list(g("vector-ref"), m, (long) k)));
            Object matched = list(g("##pattern-let"), Pair.listOf(bindings), quoteDepths(vars, depths),
                    list(g("if"), fender, out, list(next)));
            Object attempt = list(g("let"), list(list(m, list(g("##syntax-match"), matcher, v, list(g("quote"), pat)))),
                    list(g("if"), m, matched, list(next)));
            body = list(g("let"), list(list(next, list(g("lambda"), Nil.NIL, body))), attempt);
        }
        return c.compile(c.withSource(list(g("let"), list(list(v, Compiler.nth(f, 1))), body), f), s, n);
    });

    private static Object quoteDepths(List<Object> vars, IdentityHashMap<Object, Integer> depths) {
        List<Object> ds = new ArrayList<>();
        for (Object v : vars) ds.add((long) depths.get(v));
        return Pair.listOf(ds);
    }

    /** A let that binds pattern variables: {@code (##pattern-let ((x e) ...) (depth ...) body)}. */
    static final SpecialForm PATTERN_LET = new CoreForms.Form("##pattern-let", (c, f, s, n) -> {
        Object[] bindings = Pair.arrayOf(Compiler.nth(f, 1));
        Object[] depths = Pair.arrayOf(Compiler.nth(f, 2));
        List<Node> inits = new ArrayList<>();
        Scope ls = new Scope(s, true);
        ls.patternVars = new IdentityHashMap<>();
        for (int i = 0; i < bindings.length; i++) {
            Pair b = (Pair) bindings[i];
            inits.add(c.compile(Compiler.nth(b, 1), s));
            ls.add(b.car);
            ls.patternVars.put(b.car, (int) (long) (Long) depths[i]);
        }
        Node body = c.compile(Compiler.nth(f, 3), ls, n);
        return new Blocks.Let(inits.toArray(new Node[0]), body, false, ls.frameSize());
    });

    /** {@code (syntax template)}, also written {@code #'template}. */
    static final SpecialForm SYNTAX = new CoreForms.Form("syntax", (c, f, s, n) -> {
        if (Compiler.length(f) != 2) throw c.illFormed(f);
        Object tmpl = Compiler.nth(f, 1);
        List<Object> ids = new ArrayList<>();
        List<Node> refs = new ArrayList<>();
        collect(c, tmpl, s, ids, refs);
        // The template's free names mean what they mean where it is written (a module's own
        // helpers, in a macro it exports), as a syntax-rules macro's do.
        Macro builder = c.ns == c.machine.top() ? Build.BUILDER : Build.builder(c.ns);
        return new Build(tmpl, ids.toArray(), refs.toArray(new Node[0]), c.machine.expansionRenames(), builder);
    });

    private static void collect(Compiler c, Object t, Scope s, List<Object> ids, List<Node> refs) {
        if (Renamed.isIdentifier(t)) {
            if (ids.contains(t)) return;
            if (c.resolve(t, s) instanceof Binding.Local l && l.scope().patternVars != null && l.scope().patternVars.containsKey(t)) {
                ids.add(t);
                refs.add(c.compile(t, s));
            }
        } else if (t instanceof Pair p) {
            collect(c, p.car, s, ids, refs);
            collect(c, p.cdr, s, ids, refs);
        } else if (t instanceof SVector v) {
            for (Object o : v.items) collect(c, o, s, ids, refs);
        }
    }

    /** Builds a template at run time with the pattern variables' current values. */
    public static final class Build extends Node.Simple {
        final Object tmpl;
        final Object[] ids;
        final Node[] refs;
        static final Macro BUILDER = new Macro("syntax", List.of(), List.of(), null, DOTS);

        /** The machine's parameter of the expansion in progress (the renaming a template uses). */
        final Parameter renames;
        /** Instantiates the template; its namespace is where the template's free names are looked up. */
        final Macro builder;

        Build(Object tmpl, Object[] ids, Node[] refs, Parameter renames, Macro builder) {
            this.tmpl = tmpl;
            this.ids = ids;
            this.refs = refs;
            this.renames = renames;
            this.builder = builder;
        }

        static Macro builder(Namespace ns) {
            Macro m = new Macro("syntax", List.of(), List.of(), null, DOTS);
            m.ns = ns;
            return m;
        }

        @Override
        public Object ev(Interp m) {
            Map<Object, Object> b = new IdentityHashMap<>();
            for (int i = 0; i < ids.length; i++) b.put(ids[i], fromScheme(refs[i].ev(m)));
            @SuppressWarnings("unchecked")
            IdentityHashMap<Object, Renamed> renames = (IdentityHashMap<Object, Renamed>) m.paramValue(this.renames);
            if (renames == null) renames = new IdentityHashMap<>();
            return builder.build(tmpl, b, renames);
        }
    }

    static final SpecialForm WITH_SYNTAX = new DerivedForms.Form("with-syntax", (c, f, s) -> {
        if (Compiler.length(f) < 3 || !Compiler.isList(Compiler.nth(f, 1))) throw c.illFormed(f);
        List<Object> pats = new ArrayList<>();
        List<Object> exprs = new ArrayList<>();
        exprs.add(g("##list"));
        for (Object b : Pair.arrayOf(Compiler.nth(f, 1))) {
            if (!(b instanceof Pair bp) || Compiler.length(bp) != 2) throw c.illFormed(f);
            pats.add(bp.car);
            exprs.add(Compiler.nth(bp, 1));
        }
        return list(g("syntax-case"), Pair.listOf(exprs), Nil.NIL,
                list(Pair.listOf(pats), cons(g("let"), cons(Nil.NIL, ((Pair) ((Pair) f.cdr).cdr)))));
    });

    static final SpecialForm QUOTE_SYNTAX = new CoreForms.Form("quote-syntax", (c, f, s, n) -> {
        if (Compiler.length(f) != 2) throw c.illFormed(f);
        return new Refs.Const(Compiler.nth(f, 1));
    });

    public static final SpecialForm[] ALL = {DEFSYNTAX, BEGIN_SYNTAX, SYNTAX_CASE, PATTERN_LET, SYNTAX, WITH_SYNTAX, QUOTE_SYNTAX};

    public static void install(LanguageHost vm) {
        vm.add(Primitive.of3("##syntax-match", true, (c, matcher, form, pat) -> {
            Object[] vals = ((Macro) matcher).matchAtRunTime(pat, form);
            if (vals == null) return Boolean.FALSE;
            for (int i = 0; i < vals.length; i++) vals[i] = toScheme(vals[i]);
            return new SVector(vals);
        }));
        vm.add(Primitive.ofN("##syntax-error", 2, 2, true, (c, a) -> {
            throw new SchemeError(new Condition(Condition.Kind.SYNTAX, a[0].toString(), List.of(Compiler.strip(a[1])), null, List.of(), 0));
        }));
        vm.add(Primitive.of1("syntax->datum", true, (c, x) -> Compiler.strip(x)));
        vm.add(Primitive.of2("datum->syntax", true, (c, ctx, x) -> x));
        vm.add(Primitive.of1("identifier?", true, (c, x) -> Renamed.isIdentifier(x)));
        // (stx-identifier ctx part ...): the parts "symbolized" into one name, as if written where
        // ctx was (doc/reference/gerbil/expander/identifiers.md); here that is datum->syntax's plain symbol.
        vm.add(Primitive.ofN("stx-identifier", 1, -1, true, (c, a) -> Symbol.of(symbolized(a, 1))));
        vm.add(Primitive.ofN("make-symbol", 0, -1, true, (c, a) -> Symbol.of(symbolized(a, 0))));
        vm.add(Primitive.of1("stx-e", true, (c, x) -> x instanceof Renamed r ? r.symbol() : x));
        vm.add(Primitive.of2("free-identifier=?", true, (c, a, b) -> Renamed.isIdentifier(a) && Renamed.isIdentifier(b)
                && Renamed.base(a) == Renamed.base(b)));
        vm.add(Primitive.of2("bound-identifier=?", true, (c, a, b) -> a == b));
        vm.add(Primitive.of1("syntax-e", true, (c, x) -> x instanceof Renamed r ? r.symbol() : x));
        vm.add(Primitive.ofN("raise-syntax-error", 2, -1, true, (c, a) -> {
            List<Object> irritants = new ArrayList<>();
            for (int i = 2; i < a.length; i++) irritants.add(Compiler.strip(a[i]));
            throw new SchemeError(new Condition(Condition.Kind.SYNTAX, a[1].toString(), irritants, null, List.of(), 0));
        }));
    }

    /** The parts from {@code from} on, each as display shows it, identifiers by their names. */
    private static String symbolized(Object[] parts, int from) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < parts.length; i++) {
            Object p = parts[i];
            if (Renamed.isIdentifier(p)) b.append(Renamed.base(p).name);
            else if (p instanceof safepoint.vm.data.MString ms) ms.appendTo(b);
            else if (p instanceof Long || p instanceof safepoint.vm.data.Keyword) b.append(p);
            else throw Condition.typeError("make-symbol", i + 1, "STRING", parts);
        }
        return b.toString();
    }

    /** Multi (ellipsis matches) become Scheme lists, so pattern variables hold ordinary values. */
    private static Object toScheme(Object v) {
        if (v instanceof Macro.Multi mu) {
            List<Object> items = new ArrayList<>();
            for (Object o : mu.items()) items.add(toScheme(o));
            return new MultiList(Pair.listOf(items));
        }
        return v;
    }

    private static Object fromScheme(Object v) {
        if (v instanceof MultiList ml) {
            ArrayList<Object> items = new ArrayList<>();
            for (Object x = ml.list(); x instanceof Pair p; x = p.cdr) items.add(fromScheme(p.car));
            return new Macro.Multi(items);
        }
        return v;
    }

    /** A pattern variable's value under an ellipsis: a list marked as a sequence of matches. */
    record MultiList(Object list) {}
}
