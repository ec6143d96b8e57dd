package safepoint.vm.lang;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/**
 * Derived forms, each a rewrite into simpler forms (one method per form). Rewrites refer to
 * special forms and runtime procedures through identifiers renamed to the top level
 * ({@link #g}), and bind only fresh identifiers ({@link #tmp}), so they are hygienic: a user's
 * local {@code if} or {@code t} changes nothing. Runtime helpers use {@code ##} names that
 * programs do not redefine.
 */
public final class DerivedForms {
    private DerivedForms() {}

    record Form(String name, Rewrite body) implements SpecialForm.Derived {
        @Override
        public Object rewrite(Compiler c, Pair form, Scope s) {
            return body.rewrite(c, form, s);
        }
    }

    interface Rewrite {
        Object rewrite(Compiler c, Pair form, Scope s);
    }

    /** An identifier meaning the top-level binding of {@code name}. */
    static Renamed g(String name) {
        return new Renamed(Symbol.of(name), null);
    }

    /** A fresh identifier that no user code can refer to. */
    static Renamed tmp(String name) {
        return new Renamed(Symbol.of(name), null);
    }

    static Object list(Object... xs) {
        return Pair.listOf(xs);
    }

    static Object cons(Object a, Object d) {
        return new Pair(a, d);
    }

    private static Object body(Pair f, int from) {
        Object x = f;
        for (int i = 0; i < from; i++) x = ((Pair) x).cdr;
        return x;
    }

    static final SpecialForm SYNTAX_RULES = new CoreForms.Form("syntax-rules", (c, f, s, n) -> {
        throw c.illFormed(f);
    });

    static final SpecialForm LET_STAR = new Form("let*", (c, f, s) -> {
        if (Compiler.length(f) < 3 || !Compiler.isList(Compiler.nth(f, 1))) throw c.illFormed(f);
        Object bindings = Compiler.nth(f, 1);
        Object body = body(f, 2);
        if (!(bindings instanceof Pair bp) || bp.cdr == Nil.NIL) return cons(g("let"), cons(bindings, body));
        return list(g("let"), list(bp.car), cons(g("let*"), cons(bp.cdr, body)));
    });

    static final SpecialForm AND = new Form("and", (c, f, s) -> {
        Object args = f.cdr;
        if (args == Nil.NIL) return Boolean.TRUE;
        Pair a = (Pair) args;
        if (a.cdr == Nil.NIL) return a.car;
        return list(g("if"), a.car, cons(g("and"), a.cdr), Boolean.FALSE);
    });

    static final SpecialForm OR = new Form("or", (c, f, s) -> {
        Object args = f.cdr;
        if (args == Nil.NIL) return Boolean.FALSE;
        Pair a = (Pair) args;
        if (a.cdr == Nil.NIL) return a.car;
        Renamed t = tmp("t");
        return list(g("let"), list(list(t, a.car)), list(g("if"), t, t, cons(g("or"), a.cdr)));
    });

    static final SpecialForm WHEN = new Form("when", (c, f, s) -> {
        if (Compiler.length(f) < 3) throw c.illFormed(f);
        return list(g("if"), Compiler.nth(f, 1), cons(g("begin"), body(f, 2)));
    });

    static final SpecialForm UNLESS = new Form("unless", (c, f, s) -> {
        if (Compiler.length(f) < 3) throw c.illFormed(f);
        return list(g("if"), Compiler.nth(f, 1), Special.VOID, cons(g("begin"), body(f, 2)));
    });

    static final SpecialForm COND = new Form("cond", (c, f, s) -> condClauses(c, f, f.cdr, s));

    private static Object condClauses(Compiler c, Pair whole, Object clauses, Scope s) {
        if (clauses == Nil.NIL) return Special.VOID;
        if (!(clauses instanceof Pair cp) || !(cp.car instanceof Pair clause)) throw c.illFormed(whole);
        Object rest = cp.cdr;
        if (c.isKeyword(clause.car, s, "else")) {
            if (rest != Nil.NIL || clause.cdr == Nil.NIL) throw c.illFormed(whole);
            return cons(g("begin"), clause.cdr);
        }
        if (clause.cdr == Nil.NIL) return list(g("or"), clause.car, condClauses(c, whole, rest, s));
        if (clause.cdr instanceof Pair arrow && c.isKeyword(arrow.car, s, "=>")) {
            if (!(arrow.cdr instanceof Pair fp) || fp.cdr != Nil.NIL) throw c.illFormed(whole);
            Renamed t = tmp("t");
            return list(g("let"), list(list(t, clause.car)),
                    list(g("if"), t, list(fp.car, t), condClauses(c, whole, rest, s)));
        }
        return list(g("if"), clause.car, cons(g("begin"), clause.cdr), condClauses(c, whole, rest, s));
    }

    static final SpecialForm CASE = new Form("case", (c, f, s) -> {
        if (Compiler.length(f) < 2) throw c.illFormed(f);
        Renamed k = tmp("key");
        return list(g("let"), list(list(k, Compiler.nth(f, 1))), caseClauses(c, f, body(f, 2), k, s));
    });

    private static Object caseClauses(Compiler c, Pair whole, Object clauses, Renamed k, Scope s) {
        if (clauses == Nil.NIL) return Special.VOID;
        if (!(clauses instanceof Pair cp) || !(cp.car instanceof Pair clause) || clause.cdr == Nil.NIL) throw c.illFormed(whole);
        Object result;
        if (clause.cdr instanceof Pair arrow && c.isKeyword(arrow.car, s, "=>")) {
            result = list(((Pair) arrow.cdr).car, k);
        } else {
            result = cons(g("begin"), clause.cdr);
        }
        if (c.isKeyword(clause.car, s, "else")) return result;
        if (!Compiler.isList(clause.car)) throw c.illFormed(whole);
        Object test = list(g("##memv"), k, list(g("quote"), clause.car));
        return list(g("if"), test, result, caseClauses(c, whole, cp.cdr, k, s));
    }

    static final SpecialForm DO = new Form("do", (c, f, s) -> {
        if (Compiler.length(f) < 3 || !(Compiler.nth(f, 2) instanceof Pair end)) throw c.illFormed(f);
        Renamed loop = tmp("do-loop");
        List<Object> bindings = new ArrayList<>();
        List<Object> steps = new ArrayList<>();
        for (Object b = Compiler.nth(f, 1); b instanceof Pair bp; b = bp.cdr) {
            if (!(bp.car instanceof Pair spec) || !Renamed.isIdentifier(spec.car)) throw c.illFormed(f);
            int len = Compiler.length(spec);
            if (len < 2 || len > 3) throw c.illFormed(f);
            bindings.add(list(spec.car, Compiler.nth(spec, 1)));
            steps.add(len == 3 ? Compiler.nth(spec, 2) : spec.car);
        }
        Object again = cons(loop, Pair.listOf(steps));
        Object commands = body(f, 3);
        Object resultBody = cons(g("begin"), cons(Special.VOID, end.cdr));
        Object loopBody = commands == Nil.NIL ? again : cons(g("begin"), appendList(commands, list(again)));
        return list(g("let"), loop, Pair.listOf(bindings), list(g("if"), end.car, resultBody, loopBody));
    });

    static Object appendList(Object a, Object b) {
        if (!(a instanceof Pair p)) return b;
        return new Pair(p.car, appendList(p.cdr, b));
    }

    // ---- quasiquote --------------------------------------------------------------------------

    static final SpecialForm QUASIQUOTE = new Form("quasiquote", (c, f, s) -> {
        if (Compiler.length(f) != 2) throw c.illFormed(f);
        return qq(c, Compiler.nth(f, 1), 1, s);
    });

    private static Object qq(Compiler c, Object x, int depth, Scope s) {
        if (!hasUnquote(x)) return list(g("quote"), x);
        if (x instanceof Pair p) {
            if (c.isKeyword(p.car, s, "unquote") && Compiler.length(p) == 2) {
                if (depth == 1) return Compiler.nth(p, 1);
                return list(g("##list"), list(g("quote"), Symbol.of("unquote")), qq(c, Compiler.nth(p, 1), depth - 1, s));
            }
            if (c.isKeyword(p.car, s, "quasiquote") && Compiler.length(p) == 2) {
                return list(g("##list"), list(g("quote"), Symbol.of("quasiquote")), qq(c, Compiler.nth(p, 1), depth + 1, s));
            }
            if (p.car instanceof Pair inner && c.isKeyword(inner.car, s, "unquote-splicing") && Compiler.length(inner) == 2) {
                // A splice in last position shares the spliced list, as gsi does.
                if (depth == 1 && p.cdr == Nil.NIL) return Compiler.nth(inner, 1);
                Object rest = qq(c, p.cdr, depth, s);
                if (depth == 1) return list(g("##append"), Compiler.nth(inner, 1), rest);
                Object spliced = list(g("##list"), list(g("quote"), Symbol.of("unquote-splicing")),
                        qq(c, Compiler.nth(inner, 1), depth - 1, s));
                return list(g("##cons"), spliced, rest);
            }
            return list(g("##cons"), qq(c, p.car, depth, s), qq(c, p.cdr, depth, s));
        }
        if (x instanceof SVector v) {
            return list(g("##list->vector"), qq(c, Pair.listOf(v.items), depth, s));
        }
        return list(g("quote"), x);
    }

    private static final Symbol UNQUOTE = Symbol.of("unquote");
    private static final Symbol UNQUOTE_SPLICING = Symbol.of("unquote-splicing");

    private static boolean hasUnquote(Object x) {
        while (x instanceof Pair p) {
            Object h = p.car;
            if (Renamed.isIdentifier(h)) {
                Symbol b = Renamed.base(h);
                if (b == UNQUOTE || b == UNQUOTE_SPLICING) return true;
            } else if (hasUnquote(h)) {
                return true;
            }
            x = p.cdr;
        }
        if (x instanceof SVector v) {
            for (Object o : v.items) if (hasUnquote(o)) return true;
        }
        return false;
    }

    // ---- multiple values ---------------------------------------------------------------------

    static final SpecialForm RECEIVE = new Form("receive", (c, f, s) -> {
        if (Compiler.length(f) < 4) throw c.illFormed(f);
        return list(g("##call-with-values"), list(g("lambda"), Nil.NIL, Compiler.nth(f, 2)),
                cons(g("lambda"), cons(Compiler.nth(f, 1), body(f, 3))));
    });

    static final SpecialForm LET_VALUES = new Form("let-values", (c, f, s) -> letValues(c, f, false));
    static final SpecialForm LET_STAR_VALUES = new Form("let*-values", (c, f, s) -> letValues(c, f, true));

    /**
     * {@code let-values}: each init is evaluated outside all the bindings, so the formals are bound
     * to fresh temporaries first and to the user's names in one final {@code let}.
     */
    private static Object letValues(Compiler c, Pair f, boolean sequential) {
        if (Compiler.length(f) < 3 || !Compiler.isList(Compiler.nth(f, 1))) throw c.illFormed(f);
        Object bindings = Compiler.nth(f, 1);
        Object body = body(f, 2);
        if (bindings == Nil.NIL) return cons(g("let"), cons(Nil.NIL, body));
        if (sequential) {
            Pair bp = (Pair) bindings;
            Object inner = bp.cdr == Nil.NIL ? cons(g("let"), cons(Nil.NIL, body)) : cons(g("let*-values"), cons(bp.cdr, body));
            if (!(bp.car instanceof Pair b) || Compiler.length(b) != 2) throw c.illFormed(f);
            return list(g("##call-with-values"), list(g("lambda"), Nil.NIL, Compiler.nth(b, 1)),
                    list(g("lambda"), b.car, inner));
        }
        List<Object> finals = new ArrayList<>();
        List<Object[]> stages = new ArrayList<>(); // {temp formals, init}
        for (Object b = bindings; b instanceof Pair bp; b = bp.cdr) {
            if (!(bp.car instanceof Pair binding) || Compiler.length(binding) != 2) throw c.illFormed(f);
            Object formals = binding.car;
            stages.add(new Object[] {renameFormals(c, f, formals, finals), Compiler.nth(binding, 1)});
        }
        Object result = cons(g("let"), cons(Pair.listOf(finals), body));
        for (int i = stages.size() - 1; i >= 0; i--) {
            result = list(g("##call-with-values"), list(g("lambda"), Nil.NIL, stages.get(i)[1]),
                    list(g("lambda"), stages.get(i)[0], result));
        }
        return result;
    }

    private static Object renameFormals(Compiler c, Pair whole, Object formals, List<Object> finals) {
        if (Renamed.isIdentifier(formals)) {
            Renamed t = tmp("v");
            finals.add(list(formals, t));
            return t;
        }
        if (formals == Nil.NIL) return Nil.NIL;
        if (formals instanceof Pair p && Renamed.isIdentifier(p.car)) {
            Renamed t = tmp("v");
            finals.add(list(p.car, t));
            return new Pair(t, renameFormals(c, whole, p.cdr, finals));
        }
        throw c.illFormed(whole);
    }

    static final SpecialForm DEFINE_VALUES = new Form("define-values", (c, f, s) -> {
        if (Compiler.length(f) != 3) throw c.illFormed(f);
        List<Object> defs = new ArrayList<>();
        List<Object> sets = new ArrayList<>();
        Object formals = Compiler.nth(f, 1);
        Object temps = defineValuesFormals(c, f, formals, defs, sets);
        List<Object> out = new ArrayList<>();
        out.add(g("begin"));
        out.addAll(defs);
        out.add(list(g("##call-with-values"), list(g("lambda"), Nil.NIL, Compiler.nth(f, 2)),
                cons(g("lambda"), cons(temps, appendList(Pair.listOf(sets), list(Special.VOID))))));
        return Pair.listOf(out);
    });

    private static Object defineValuesFormals(Compiler c, Pair whole, Object formals, List<Object> defs, List<Object> sets) {
        if (formals == Nil.NIL) return Nil.NIL;
        Object id = formals instanceof Pair p ? p.car : formals;
        if (!Renamed.isIdentifier(id)) throw c.illFormed(whole);
        Renamed t = tmp("v");
        defs.add(list(g("define"), id));
        sets.add(list(g("set!"), id, t));
        if (formals instanceof Pair p) return new Pair(t, defineValuesFormals(c, whole, p.cdr, defs, sets));
        return t;
    }

    // ---- promises, parameters, guard ----------------------------------------------------------

    static final SpecialForm DELAY = new Form("delay", (c, f, s) -> {
        if (Compiler.length(f) != 2) throw c.illFormed(f);
        return list(g("##make-lazy-promise"), list(g("lambda"), Nil.NIL, Compiler.nth(f, 1)));
    });

    static final SpecialForm DELAY_FORCE = new Form("delay-force", (c, f, s) -> {
        if (Compiler.length(f) != 2) throw c.illFormed(f);
        return list(g("##make-lazy-promise"), list(g("lambda"), Nil.NIL, Compiler.nth(f, 1)));
    });

    static final SpecialForm PARAMETERIZE = new Form("parameterize", (c, f, s) -> {
        if (Compiler.length(f) < 3 || !Compiler.isList(Compiler.nth(f, 1))) throw c.illFormed(f);
        List<Object> ps = new ArrayList<>();
        List<Object> vs = new ArrayList<>();
        ps.add(g("##list"));
        vs.add(g("##list"));
        for (Object b = Compiler.nth(f, 1); b instanceof Pair bp; b = bp.cdr) {
            if (!(bp.car instanceof Pair binding) || Compiler.length(binding) != 2) throw c.illFormed(f);
            ps.add(binding.car);
            vs.add(Compiler.nth(binding, 1));
        }
        return list(g("##parameterize"), Pair.listOf(ps), Pair.listOf(vs),
                cons(g("lambda"), cons(Nil.NIL, body(f, 2))));
    });

    /** R7RS guard, by its reference expansion: the clauses run in the guard's dynamic context. */
    static final SpecialForm GUARD = new Form("guard", (c, f, s) -> {
        if (Compiler.length(f) < 3 || !(Compiler.nth(f, 1) instanceof Pair spec) || !Renamed.isIdentifier(spec.car)) {
            throw c.illFormed(f);
        }
        Renamed guardK = tmp("guard-k");
        Renamed handlerK = tmp("handler-k");
        Renamed condition = tmp("condition");
        Renamed args = tmp("args");
        Object clauses = spec.cdr;
        boolean hasElse = false;
        for (Object cl = clauses; cl instanceof Pair cp; cl = cp.cdr) {
            if (cp.car instanceof Pair clause && c.isKeyword(clause.car, s, "else")) hasElse = true;
        }
        if (!hasElse) {
            clauses = appendList(clauses, list(list(g("else"),
                    list(handlerK, list(g("lambda"), Nil.NIL, list(g("##raise-continuable"), condition))))));
        }
        Object handlerBody = list(g("let"), list(list(spec.car, condition)), cons(g("cond"), clauses));
        Object handler = list(g("lambda"), list(condition),
                list(list(g("##call/cc"), list(g("lambda"), list(handlerK),
                        list(guardK, list(g("lambda"), Nil.NIL, handlerBody))))));
        Object thunk = list(g("lambda"), Nil.NIL,
                list(g("##call-with-values"), cons(g("lambda"), cons(Nil.NIL, body(f, 2))),
                        list(g("lambda"), args, list(guardK, list(g("lambda"), Nil.NIL, list(g("##apply"), g("##values"), args))))));
        return list(list(g("##call/cc"), list(g("lambda"), list(guardK), list(g("##with-exception-handler"), handler, thunk))));
    });

    // ---- records -----------------------------------------------------------------------------

    static final SpecialForm DEFINE_RECORD_TYPE = new Form("define-record-type", (c, f, s) -> {
        if (Compiler.length(f) < 4) throw c.illFormed(f);
        Object name = Compiler.nth(f, 1);
        Object ctor = Compiler.nth(f, 2);
        Object pred = Compiler.nth(f, 3);
        if (name instanceof Pair np) name = np.car; // (name extra...) forms of SRFI 136: name only
        if (!Renamed.isIdentifier(name)) throw c.illFormed(f);
        List<Object> fields = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (Object fs = body(f, 4); fs instanceof Pair fp; fs = fp.cdr) {
            Object spec = fp.car;
            Object field = spec instanceof Pair sp ? sp.car : spec;
            if (!Renamed.isIdentifier(field)) throw c.illFormed(f);
            fields.add(Renamed.base(field));
        }
        Object type = name;
        out.add(g("begin"));
        out.add(list(g("define"), name, list(g("##make-record-type"), list(g("quote"), Renamed.base(name)),
                list(g("quote"), Pair.listOf(fields)))));
        if (ctor instanceof Pair cp) {
            List<Object> cfields = new ArrayList<>();
            for (Object x = cp.cdr; x instanceof Pair xp; x = xp.cdr) cfields.add(Renamed.base(xp.car));
            out.add(list(g("define"), cp.car, list(g("##record-constructor"), type, list(g("quote"), Pair.listOf(cfields)),
                    list(g("quote"), Renamed.base(cp.car)))));
        } else if (Renamed.isIdentifier(ctor)) {
            out.add(list(g("define"), ctor, list(g("##record-constructor"), type, list(g("quote"), Pair.listOf(fields)),
                    list(g("quote"), Renamed.base(ctor)))));
        }
        if (Renamed.isIdentifier(pred)) {
            out.add(list(g("define"), pred, list(g("##record-predicate"), type, list(g("quote"), Renamed.base(pred)))));
        }
        for (Object fs = body(f, 4); fs instanceof Pair fp; fs = fp.cdr) {
            if (!(fp.car instanceof Pair sp)) continue;
            Object field = list(g("quote"), Renamed.base(sp.car));
            if (sp.cdr instanceof Pair acc) {
                out.add(list(g("define"), acc.car, list(g("##record-accessor"), type, field, list(g("quote"), Renamed.base(acc.car)))));
                if (acc.cdr instanceof Pair mod) {
                    out.add(list(g("define"), mod.car, list(g("##record-modifier"), type, field, list(g("quote"), Renamed.base(mod.car)))));
                }
            }
        }
        return Pair.listOf(out);
    });

    /**
     * (cond-expand (feature body ...) ... [(else body ...)]), as
     * doc/reference/gerbil/prelude/core-expander-syntax.md says: the first clause whose feature
     * holds, its body spliced as a begin; none is nothing. A feature is and, or, not of
     * features, R7RS's (library name) (a module Safepoint ships), or an identifier: one of
     * {@code (features)}, or any identifier bound where the form is.
     */
    static final SpecialForm COND_EXPAND = new Form("cond-expand", (c, f, s) -> {
        for (Object x = f.cdr; x != Nil.NIL; x = ((Pair) x).cdr) {
            if (!(x instanceof Pair xp) || !(xp.car instanceof Pair clause)) throw c.illFormed(f);
            boolean isElse = Renamed.isIdentifier(clause.car) && Renamed.base(clause.car) == Symbol.of("else");
            if (isElse || featureHolds(c, f, clause.car, s)) return cons(g("begin"), clause.cdr);
        }
        return Special.VOID;
    });

    private static boolean featureHolds(Compiler c, Pair whole, Object feature, Scope s) {
        if (Renamed.isIdentifier(feature)) {
            Symbol name = Renamed.base(feature);
            if (safepoint.vm.prims.ProcessPrims.FEATURES.contains(name.name)) return true;
            Binding b = c.resolve(feature, s);
            return !(b instanceof Binding.Global g) || g.cell().value != Special.UNBOUND;
        }
        if (!(feature instanceof Pair fp) || !Renamed.isIdentifier(fp.car) || !Compiler.isList(fp.cdr)) throw c.illFormed(whole);
        String op = Renamed.base(fp.car).name;
        List<Object> args = new ArrayList<>(List.of(Pair.arrayOf(fp.cdr)));
        switch (op) {
            case "and": for (Object a : args) if (!featureHolds(c, whole, a, s)) return false; return true;
            case "or": for (Object a : args) if (featureHolds(c, whole, a, s)) return true; return false;
            case "not": if (args.size() != 1) throw c.illFormed(whole); return !featureHolds(c, whole, args.get(0), s);
            case "library": if (args.size() != 1) throw c.illFormed(whole); return Modules.shipped(Compiler.strip(args.get(0)));
            default: throw c.illFormed(whole);
        }
    }

    /**
     * (include "path"): the file's forms wrapped in a begin, as core-expander-syntax.md says; a
     * relative path is taken from the including file's folder.
     */
    static final SpecialForm INCLUDE = new Form("include", (c, f, s) -> {
        if (Compiler.length(f) != 2 || !(Compiler.strip(Compiler.nth(f, 1)) instanceof safepoint.vm.data.MString name)) throw c.illFormed(f);
        java.nio.file.Path base = c.file.startsWith("(") ? null : java.nio.file.Path.of(c.file).toAbsolutePath().getParent();
        java.nio.file.Path file = (base == null ? java.nio.file.Path.of(name.toString()) : base.resolve(name.toString())).normalize();
        String text;
        try {
            text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw safepoint.vm.data.Condition.raise("Cannot include \"" + name + "\": "
                    + (java.nio.file.Files.isRegularFile(file) ? file + " is not UTF-8 text" : "no file " + file));
        }
        return cons(g("begin"), Pair.listOf(c.machine.readAll(text, file.toString()).toArray()));
    });

    public static final SpecialForm[] ALL = {SYNTAX_RULES, LET_STAR, AND, OR, WHEN, UNLESS, COND, CASE, DO, QUASIQUOTE, RECEIVE,
        LET_VALUES, LET_STAR_VALUES, DEFINE_VALUES, DELAY, DELAY_FORCE, PARAMETERIZE, GUARD, DEFINE_RECORD_TYPE, COND_EXPAND, INCLUDE};
}
