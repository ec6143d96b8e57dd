package safepoint.vm.lang;

import safepoint.vm.interp.Blocks;
import safepoint.vm.interp.Calls;
import safepoint.vm.interp.CaseLambda;
import safepoint.vm.interp.Global;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.Lambda;
import safepoint.vm.interp.Node;
import safepoint.vm.interp.Refs;
import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/** The core special forms, each compiled straight to nodes. */
public final class CoreForms {
    private CoreForms() {}

    record Form(String name, Compile body) implements SpecialForm {
        @Override
        public Node compile(Compiler c, Pair form, Scope s, String nameHint) {
            return body.compile(c, form, s, nameHint);
        }
    }

    interface Compile {
        Node compile(Compiler c, Pair form, Scope s, String nameHint);
    }

    static final SpecialForm QUOTE = new Form("quote", (c, f, s, n) -> {
        if (Compiler.length(f) != 2 || !Compiler.isList(f)) throw c.illFormed(f);
        return new Refs.Const(Compiler.strip(Compiler.nth(f, 1)));
    });

    static final SpecialForm IF = new Form("if", (c, f, s, n) -> {
        int len = Compiler.length(f);
        if ((len != 3 && len != 4) || !Compiler.isList(f)) throw c.illFormed(f);
        Node test = c.compile(Compiler.nth(f, 1), s);
        Node then = c.compile(Compiler.nth(f, 2), s, n);
        Node otherwise = len == 4 ? c.compile(Compiler.nth(f, 3), s, n) : new Refs.Const(Special.VOID);
        if (test.isSimple() && then.isSimple() && otherwise.isSimple()) return new Blocks.SimpleIf(test, then, otherwise);
        return new Blocks.If(test, then, otherwise);
    });

    static final SpecialForm BEGIN = new Form("begin", (c, f, s, n) -> c.compileSeq(f.cdr, s));

    public static final SpecialForm DEFINE = new Form("define", (c, f, s, n) -> {
        // Reached only where a definition is not allowed (inside an expression).
        throw c.illFormed(f);
    });

    static final SpecialForm SET = new Form("set!", (c, f, s, n) -> {
        if (Compiler.length(f) == 3 && Compiler.nth(f, 1) instanceof Pair target && Renamed.isIdentifier(target.car)) {
            // Gerbil: (set! (point-x p) v) is (point-x-set! p v); (set! (@ o slot) v) sets a slot.
            Object v = Compiler.nth(f, 2);
            Symbol head = Renamed.base(target.car);
            Object call = head.name.equals("@") && Compiler.length(target) == 3
                    ? DerivedForms.list(DerivedForms.g("##slot-set!"), Compiler.nth(target, 1),
                            DerivedForms.list(DerivedForms.g("quote"), Renamed.base(Compiler.nth(target, 2))), v)
                    : new Pair(Symbol.of(head.name + "-set!"), DerivedForms.appendList(target.cdr, DerivedForms.list(v)));
            return c.compile(c.withSource(call, f), s);
        }
        if (Compiler.length(f) != 3 || !Renamed.isIdentifier(Compiler.nth(f, 1))) throw c.illFormed(f);
        Object id = Compiler.nth(f, 1);
        Node value = c.compile(Compiler.nth(f, 2), s);
        Binding b = c.resolve(id, s);
        if (b instanceof Binding.Local l) {
            int d = 0;
            for (Scope sc = s; sc != l.scope(); sc = sc.parent) if (sc.frame) d++;
            return new Refs.SetLocal(d, l.slot(), value, true);
        }
        if (b instanceof Binding.Global g) {
            Global cell = g.cell();
            if (!c.machine.loadingPrelude()) cell.userDefined = true;
            cell.assigned = true;
            return new Refs.SetGlobal(cell, value, false, c.where(f));
        }
        throw c.illFormed(f);
    });

    static final SpecialForm LAMBDA = new Form("lambda", (c, f, s, n) -> {
        if (Compiler.length(f) < 3) throw c.illFormed(f);
        return new Blocks.LambdaNode(lambda(c, f, Compiler.nth(f, 1), ((Pair) ((Pair) f.cdr).cdr), s, n));
    });

    static final SpecialForm DEFINE_SYNTAX = new Form("define-syntax", (c, f, s, n) -> {
        throw c.illFormed(f);
    });

    static final SpecialForm LET_SYNTAX = new Form("let-syntax", (c, f, s, n) -> letSyntax(c, f, s, false));
    static final SpecialForm LETREC_SYNTAX = new Form("letrec-syntax", (c, f, s, n) -> letSyntax(c, f, s, true));

    static final SpecialForm DECLARE = new Form("declare", (c, f, s, n) -> {
        declare(c, f);
        return new Refs.Const(Special.VOID);
    });

    static final SpecialForm LET = new Form("let", CoreForms::let);
    static final SpecialForm LETREC = new Form("letrec", (c, f, s, n) -> letrec(c, f, s));
    static final SpecialForm LETREC_STAR = new Form("letrec*", (c, f, s, n) -> letrec(c, f, s));

    static final SpecialForm CASE_LAMBDA = new Form("case-lambda", (c, f, s, n) -> {
        List<Lambda> clauses = new ArrayList<>();
        for (Object cl = f.cdr; cl instanceof Pair cp; cl = cp.cdr) {
            if (!(cp.car instanceof Pair clause) || Compiler.length(clause) < 2) throw c.illFormed(f);
            clauses.add(lambda(c, f, clause.car, (Pair) clause.cdr, s, n));
        }
        return new CaseLambda.MakeNode(clauses.toArray(new Lambda[0]), n);
    });

    public static final SpecialForm[] ALL = {QUOTE, IF, BEGIN, DEFINE, SET, LAMBDA, DEFINE_SYNTAX, LET_SYNTAX, LETREC_SYNTAX,
        DECLARE, LET, LETREC, LETREC_STAR, CASE_LAMBDA};

    // ---- lambda ----------------------------------------------------------------------------

    private static final Symbol OPTIONAL = Symbol.of("#!optional");
    private static final Symbol LAMBDA_WORD = Symbol.of("lambda");

    /** Compile a lambda with parameter list {@code params} and body forms {@code body}. */
    static Lambda lambda(Compiler c, Pair whole, Object params, Pair body, Scope s, String name) {
        Scope ls = new Scope(s, true);
        List<Object[]> defaults = new ArrayList<>(); // {identifier, default datum}
        List<Object> req = new ArrayList<>();
        List<Object[]> opt = new ArrayList<>();
        List<Object[]> keys = new ArrayList<>(); // {Keyword, identifier, default}
        Object rest = null;
        boolean restBeforeKeys = false;
        boolean gerbilKeys = false;
        int mode = 0; // 0 required, 1 optional, 2 key, 3 after rest
        Object p = params;
        while (p instanceof Pair pp) {
            Object x = pp.car;
            if (x == Special.OPTIONAL) {
                mode = 1;
            } else if (x == Special.KEY) {
                if (rest != null) restBeforeKeys = true;
                mode = 2;
            } else if (x == Special.REST) {
                if (!(pp.cdr instanceof Pair rp) || !Renamed.isIdentifier(rp.car)) throw c.illFormed(whole);
                rest = rp.car;
                p = rp.cdr;
                mode = 3;
                continue;
            } else if (mode == 3 && !(x instanceof Keyword)) {
                throw c.illFormed(whole);
            } else if (x instanceof Keyword kw) {
                // Gerbil: key: id or key: (id default); the keyword names the argument.
                if (!(pp.cdr instanceof Pair kp)) throw c.illFormed(whole);
                Object id = kp.car;
                Object dflt = null;
                if (id instanceof Pair ip) {
                    dflt = ip.cdr instanceof Pair dp ? dp.car : null;
                    id = ip.car;
                }
                if (!Renamed.isIdentifier(id)) throw c.illFormed(whole);
                keys.add(new Object[] {kw, ignored(id), dflt});
                gerbilKeys = true;
                p = kp.cdr;
                continue;
            } else {
                Object id = x;
                Object dflt = null;
                if (x instanceof Pair xp) {
                    // Gambit (after #!optional/#!key) or Gerbil (anywhere after the required ones): (id default).
                    if (mode == 0) mode = 1;
                    id = xp.car;
                    dflt = xp.cdr instanceof Pair dp ? dp.car : null;
                } else if (mode == 1 && !keys.isEmpty()) {
                    throw c.illFormed(whole);
                }
                if (!Renamed.isIdentifier(id)) throw c.illFormed(whole);
                id = ignored(id);
                // Gambit: an optional or keyword parameter given no default is #f when absent.
                if (dflt == null) dflt = Boolean.FALSE;
                if (mode == 0) req.add(id);
                else if (mode == 1) opt.add(new Object[] {id, dflt});
                else keys.add(new Object[] {Keyword.of(Renamed.base(id).name), id, dflt});
            }
            p = pp.cdr;
        }
        if (p != Nil.NIL) {
            if (!Renamed.isIdentifier(p) || rest != null) throw c.illFormed(whole);
            rest = ignored(p);
        }
        for (Object id : req) ls.add(id);
        for (Object[] o : opt) {
            int slot = ls.add(o[0]);
            if (o[1] != null) defaults.add(new Object[] {slot, o[1]});
        }
        Keyword[] kws = keys.isEmpty() ? null : new Keyword[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            kws[i] = (Keyword) keys.get(i)[0];
            int slot = ls.add(keys.get(i)[1]);
            if (keys.get(i)[2] != null) defaults.add(new Object[] {slot, keys.get(i)[2]});
        }
        if (rest != null) ls.add(rest);
        Lambda l = new Lambda(name, req.size(), opt.size(), rest != null, kws, c.polls, c.machine.sources().get(whole));
        l.restKeepsKeys = restBeforeKeys;
        l.keysAnywhere = gerbilKeys;
        String savedName = c.procName;
        c.procName = name;
        try {
            Node bodyNode = c.compileBody(body, ls, whole);
            if (!defaults.isEmpty()) {
                Node[] seq = new Node[defaults.size() + 1];
                for (int i = 0; i < defaults.size(); i++) {
                    seq[i] = new Blocks.DefaultArg((Integer) defaults.get(i)[0], c.compile(defaults.get(i)[1], ls));
                }
                seq[defaults.size()] = bodyNode;
                bodyNode = new Blocks.Seq(seq);
            }
            bodyNode.markTail();
            l.body = bodyNode;
            l.locals = ls.locals();
            l.source = new Pair(LAMBDA_WORD, new Pair(params, body));
        } finally {
            c.procName = savedName;
        }
        l.frameSize = ls.frameSize();
        return l;
    }

    private static final Symbol UNDERSCORE = Symbol.of("_");

    /** Gerbil's {@code _} parameter binds nothing: each one becomes a fresh, unreachable identifier. */
    static Object ignored(Object id) {
        return Renamed.base(id) == UNDERSCORE ? new Renamed(UNDERSCORE, null) : id;
    }

    // ---- let forms -------------------------------------------------------------------------

    private static Node let(Compiler c, Pair f, Scope s, String nameHint) {
        if (Compiler.length(f) < 3) throw c.illFormed(f);
        Object second = Compiler.nth(f, 1);
        if (Renamed.isIdentifier(second)) return namedLet(c, f, s);
        Object gerbil = gerbilLet(c, f, second, s);
        if (gerbil != null) return c.compile(c.withSource(gerbil, f), s, nameHint);
        List<Object> ids = new ArrayList<>();
        List<Object> inits = new ArrayList<>();
        parseBindings(c, f, second, ids, inits);
        List<Node> initNodes = new ArrayList<>();
        // gsi names a lambda after its define, not after a let binding.
        for (int i = 0; i < ids.size(); i++) initNodes.add(c.compile(inits.get(i), s, null));
        Scope ls = new Scope(s, true);
        for (Object id : ids) ls.add(id);
        Node body = c.compileBody(((Pair) f.cdr).cdr, ls, f);
        return new Blocks.Let(initNodes.toArray(new Node[0]), body, false, ls.frameSize());
    }

    private static final Symbol VALUES = Symbol.of("values");

    /**
     * Gerbil's let extensions (cons.io reference/gerbil/prelude/macros.md): the single binding
     * {@code (let (x 1) body)} and {@code ((values a b) e)} bindings mixed with plain ones.
     * Returns the rewritten form, or null for a standard let.
     */
    static Object gerbilLet(Compiler c, Pair f, Object bindings, Scope s) {
        Object body = ((Pair) f.cdr).cdr;
        if (bindings instanceof Pair bp && Renamed.isIdentifier(bp.car)) {
            return new Pair(f.car, new Pair(Pair.listOf(bindings), body));
        }
        if (bindings instanceof Pair bp && bp.car instanceof Pair target && Renamed.isIdentifier(target.car)
                && Renamed.base(target.car) == VALUES && Compiler.length(bindings) == 2) {
            // The single-binding form with values: (let ((values a b) e) body).
            return new Pair(DerivedForms.g("let-values"),
                    new Pair(Pair.listOf(Pair.listOf(target.cdr, Compiler.nth(bindings, 1))), body));
        }
        boolean hasValues = false;
        for (Object b = bindings; b instanceof Pair bp; b = bp.cdr) {
            if (bp.car instanceof Pair binding && binding.car instanceof Pair target && Renamed.isIdentifier(target.car)
                    && Renamed.base(target.car) == VALUES) {
                hasValues = true;
            }
        }
        if (!hasValues) return null;
        List<Object> converted = new ArrayList<>();
        for (Object b = bindings; b instanceof Pair bp; b = bp.cdr) {
            if (!(bp.car instanceof Pair binding) || !(binding.cdr instanceof Pair vp)) throw c.illFormed(f);
            Object target = binding.car;
            Object formals = target instanceof Pair tp && Renamed.base(tp.car) == VALUES ? tp.cdr : Pair.listOf(target);
            converted.add(Pair.listOf(formals, vp.car));
        }
        return new Pair(DerivedForms.g("let-values"), new Pair(Pair.listOf(converted), body));
    }

    private static Node letrec(Compiler c, Pair f, Scope s) {
        if (Compiler.length(f) < 3) throw c.illFormed(f);
        List<Object> ids = new ArrayList<>();
        List<Object> inits = new ArrayList<>();
        parseBindings(c, f, Compiler.nth(f, 1), ids, inits);
        Scope ls = new Scope(s, true);
        for (Object id : ids) ls.add(id);
        List<Node> initNodes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) initNodes.add(c.compile(inits.get(i), ls, Renamed.base(ids.get(i)).name));
        Node body = c.compileBody(((Pair) f.cdr).cdr, ls, f);
        return new Blocks.Let(initNodes.toArray(new Node[0]), body, true, ls.frameSize());
    }

    /** {@code (let loop ((v init) ...) body)}: a letrec-bound lambda called with the inits. */
    private static Node namedLet(Compiler c, Pair f, Scope s) {
        if (Compiler.length(f) < 4) throw c.illFormed(f);
        Object name = Compiler.nth(f, 1);
        List<Object> ids = new ArrayList<>();
        List<Object> inits = new ArrayList<>();
        parseBindings(c, f, Compiler.nth(f, 2), ids, inits);
        List<Node> initNodes = new ArrayList<>();
        for (Object init : inits) initNodes.add(c.compile(init, s));
        Scope ls = new Scope(s, true);
        int slot = ls.add(name);
        Pair body = (Pair) ((Pair) ((Pair) f.cdr).cdr).cdr;
        Lambda l = lambda(c, f, Pair.listOf(ids), body, ls, Renamed.base(name).name);
        // Inits are evaluated outside the loop's scope: one frame deeper after the letrec.
        Node[] shiftedInits = new Node[initNodes.size()];
        for (int i = 0; i < shiftedInits.length; i++) shiftedInits[i] = new Outer(initNodes.get(i));
        Node call = Calls.make(Refs.local(0, slot), shiftedInits, c.where(f));
        return new Blocks.Let(new Node[] {new Blocks.LambdaNode(l)}, call, true, ls.frameSize());
    }

    /** Evaluates a simple or complex node in the parent of the current frame. */
    static final class Outer extends Node {
        final Node inner;

        Outer(Node inner) {
            this.inner = inner;
        }

        @Override
        public boolean isSimple() {
            return inner.isSimple();
        }

        @Override
        public Object ev(Interp m) {
            Object[] e = m.env;
            m.env = (Object[]) e[0];
            try {
                return inner.ev(m);
            } finally {
                m.env = e;
            }
        }

        @Override
        public void exec(Interp m) {
            if (inner.isSimple()) {
                m.val = ev(m);
            } else {
                m.env = (Object[]) m.env[0];
                m.pc = inner;
            }
        }
    }

    static void parseBindings(Compiler c, Pair whole, Object bindings, List<Object> ids, List<Object> inits) {
        if (!Compiler.isList(bindings)) throw c.illFormed(whole);
        for (Object b = bindings; b instanceof Pair bp; b = bp.cdr) {
            Object binding = bp.car;
            if (binding instanceof Pair p && Renamed.isIdentifier(p.car)) {
                ids.add(p.car);
                if (p.cdr instanceof Pair v && v.cdr == Nil.NIL) {
                    inits.add(v.car);
                } else {
                    throw c.illFormed(whole);
                }
            } else {
                throw c.illFormed(whole);
            }
        }
    }

    // ---- define --------------------------------------------------------------------------

    /** {@code (define x e)}, {@code (define (f . args) body)}, curried {@code (define ((f a) b) ...)}: {id, value datum}. */
    static Object[] parseDefine(Compiler c, Pair f) {
        if (!(f.cdr instanceof Pair rest)) throw c.illFormed(f);
        Object target = rest.car;
        Object body = rest.cdr;
        while (target instanceof Pair tp) {
            if (!(body instanceof Pair)) throw c.illFormed(f);
            body = Pair.listOf(new Pair(lambdaId(), new Pair(tp.cdr, body)));
            target = tp.car;
        }
        if (!Renamed.isIdentifier(target)) throw c.illFormed(f);
        Object value;
        if (body == Nil.NIL) {
            value = Special.VOID;
        } else if (body instanceof Pair bp && bp.cdr == Nil.NIL) {
            value = bp.car;
        } else {
            throw c.illFormed(f);
        }
        return new Object[] {target, c.withSource(value, f)};
    }

    private static final Renamed LAMBDA_ID = new Renamed(Symbol.of("lambda"), null);

    static Renamed lambdaId() {
        return LAMBDA_ID;
    }

    // ---- macros ----------------------------------------------------------------------------

    static void defineSyntax(Compiler c, Pair f, Scope s) {
        if (Compiler.length(f) != 3 || !Renamed.isIdentifier(Compiler.nth(f, 1))) throw c.illFormed(f);
        Object id = Compiler.nth(f, 1);
        Macro m = makeMacro(c, Compiler.nth(f, 2), s, Renamed.base(id).name, f);
        if (s == null) c.ns.defineSyntax(Renamed.base(id), m);
        else s.defineMacro(id, m);
    }

    private static Node letSyntax(Compiler c, Pair f, Scope s, boolean rec) {
        if (Compiler.length(f) < 3) throw c.illFormed(f);
        Scope ms = new Scope(s, false);
        Object bindings = Compiler.nth(f, 1);
        for (Object b = bindings; b instanceof Pair bp; b = bp.cdr) {
            if (!(bp.car instanceof Pair p) || !Renamed.isIdentifier(p.car) || Compiler.length(p) != 2) throw c.illFormed(f);
            ms.defineMacro(p.car, makeMacro(c, Compiler.nth(p, 1), rec ? ms : s, Renamed.base(p.car).name, f));
        }
        // The body is a body of the enclosing frame: let-syntax adds no runtime frame.
        Scope body = new Scope(ms, true);
        Node n = c.compileBody(((Pair) f.cdr).cdr, body, f);
        return new Blocks.Let(new Node[0], n, false, body.frameSize());
    }

    static Macro makeMacro(Compiler c, Object spec, Scope s, String name, Pair whole) {
        if (spec instanceof Pair sp && Renamed.isIdentifier(sp.car)) {
            Binding b = c.resolve(sp.car, s);
            if (b instanceof Binding.Special f && f.form() == DerivedForms.SYNTAX_RULES) {
                Object rest = sp.cdr;
                Object ellipsis = Symbol.of("...");
                // A custom ellipsis (R7RS 4.3.2); Gambit's reader makes ::: the keyword ::, so a
                // keyword is taken too, and matches itself (keywords are interned).
                if (rest instanceof Pair rp && (Renamed.isIdentifier(rp.car) || rp.car instanceof Keyword)) {
                    ellipsis = rp.car;
                    rest = rp.cdr;
                }
                if (!(rest instanceof Pair lits) || !Compiler.isList(lits.car)) throw c.illFormed(whole);
                List<Object> literals = new ArrayList<>();
                for (Object l = lits.car; l instanceof Pair lp; l = lp.cdr) literals.add(lp.car);
                List<Object[]> rules = new ArrayList<>();
                for (Object r = lits.cdr; r instanceof Pair rp; r = rp.cdr) {
                    if (!(rp.car instanceof Pair rule) || Compiler.length(rule) != 2) throw c.illFormed(whole);
                    rules.add(new Object[] {rule.car, Compiler.nth(rule, 1)});
                }
                Macro m = new Macro(name, literals, rules, s, ellipsis);
                m.ns = c.ns == c.machine.top() ? null : c.ns;
                return m;
            }
            if (b instanceof Binding.Macro mb) return mb.macro(); // (define-syntax new old)
        }
        if (Renamed.isIdentifier(spec) && c.resolve(spec, s) instanceof Binding.Macro mb) return mb.macro();
        // A procedural macro: the transformer expression is evaluated now, at compile time.
        Node code = c.compile(spec, null);
        Object proc = c.machine.evalNested(code);
        if (!(proc instanceof safepoint.vm.data.Procedure)) {
            SchemeError e = Compiler.syntaxError("Macro transformer must be a procedure or a syntax-rules form", Compiler.strip(spec));
            e.where = c.where(whole);
            throw e;
        }
        Macro m = new Macro(name, List.of(), List.of(), s, Symbol.of("..."));
        m.transformer = proc;
        return m;
    }

    // ---- declarations ------------------------------------------------------------------------

    private static final Symbol NOT = Symbol.of("not");
    private static final Symbol INTERRUPTS = Symbol.of("interrupts-enabled");

    /** {@code (declare (not interrupts-enabled))} compiles polls out of what follows; the positive form restores them. */
    static void declare(Compiler c, Pair f) {
        for (Object d = f.cdr; d instanceof Pair dp; d = dp.cdr) {
            Object decl = dp.car;
            if (decl instanceof Pair p) {
                if (p.car == NOT && p.cdr instanceof Pair q && q.car == INTERRUPTS) c.polls = false;
                else if (p.car == INTERRUPTS) c.polls = true;
                // Other declarations (standard-bindings, block, fixnum, ...) are accepted and ignored.
            }
        }
    }
}
