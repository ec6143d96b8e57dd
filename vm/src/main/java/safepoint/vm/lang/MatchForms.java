package safepoint.vm.lang;

import safepoint.vm.interp.Refs;
import static safepoint.vm.lang.DerivedForms.cons;
import static safepoint.vm.lang.DerivedForms.g;
import static safepoint.vm.lang.DerivedForms.list;
import static safepoint.vm.lang.DerivedForms.tmp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import safepoint.vm.data.Box;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Symbol;

/**
 * Gerbil's pattern matching (cons.io reference/gerbil/prelude/macros.md "Pattern Matching"):
 * {@code match}, {@code match*}, {@code with}, {@code with*} and {@code (match <> ...)}. Each
 * pattern compiles to nested tests and bindings; a failing clause calls the next clause's
 * thunk, so no code is duplicated.
 */
public final class MatchForms {
    private MatchForms() {}

    private static final Symbol UNDERSCORE = Symbol.of("_");
    private static final Symbol SLOT = Symbol.of("<>");

    static final SpecialForm MATCH = new DerivedForms.Form("match", (c, f, s) -> {
        if (Compiler.length(f) < 2) throw c.illFormed(f);
        Object subject = Compiler.nth(f, 1);
        Object clauses = ((Pair) f.cdr).cdr;
        if (Renamed.isIdentifier(subject) && Renamed.base(subject) == SLOT) {
            Renamed arg = tmp("arg");
            return list(g("lambda"), list(arg), cons(g("match"), cons(arg, clauses)));
        }
        Renamed v = tmp("v");
        return list(g("let"), list(list(v, subject)), clauses(c, f, s, List.of(v), clauses, false));
    });

    static final SpecialForm MATCH_STAR = new DerivedForms.Form("match*", (c, f, s) -> {
        if (Compiler.length(f) < 2 || !Compiler.isList(Compiler.nth(f, 1))) throw c.illFormed(f);
        List<Object> vars = new ArrayList<>();
        List<Object> bindings = new ArrayList<>();
        for (Object e : Pair.arrayOf(Compiler.nth(f, 1))) {
            Renamed v = tmp("v");
            vars.add(v);
            bindings.add(list(v, e));
        }
        return list(g("let"), Pair.listOf(bindings), clauses(c, f, s, vars, ((Pair) f.cdr).cdr, true));
    });

    /** {@code (with ((pattern expr) ...) body ...)}: destructuring bind; a mismatch is an error. */
    static final SpecialForm WITH = new DerivedForms.Form("with", (c, f, s) -> with(c, f, s));
    static final SpecialForm WITH_STAR = new DerivedForms.Form("with*", (c, f, s) -> with(c, f, s));

    private static Object with(Compiler c, Pair f, Scope s) {
        if (Compiler.length(f) < 3 || !Compiler.isList(Compiler.nth(f, 1))) throw c.illFormed(f);
        Object body = cons(g("let"), cons(Nil.NIL, ((Pair) ((Pair) f.cdr).cdr)));
        Object[] bindings = Pair.arrayOf(Compiler.nth(f, 1));
        boolean allBindings = true;
        for (Object b : bindings) allBindings &= b instanceof Pair bp && Compiler.isList(bp) && Compiler.length(bp) == 2;
        // (with (pattern expr) body): a single binding, unless every element is itself a (pattern expr) pair.
        if (!allBindings) bindings = new Object[] {Compiler.nth(f, 1)};
        for (int i = bindings.length - 1; i >= 0; i--) {
            if (!(bindings[i] instanceof Pair b) || Compiler.length(b) != 2) throw c.illFormed(f);
            body = list(g("match"), Compiler.nth(b, 1), list(b.car, body));
        }
        return body;
    }

    private static Object clauses(Compiler c, Pair whole, Scope s, List<Object> vars, Object clauses, boolean star) {
        if (clauses == Nil.NIL) {
            Object shown = vars.size() == 1 ? vars.get(0) : cons(g("##list"), Pair.listOf(vars));
            return list(g("error"), new safepoint.vm.data.MString("No clause matching"), shown);
        }
        if (!(clauses instanceof Pair cp) || !(cp.car instanceof Pair clause)) throw c.illFormed(whole);
        Object rest = clauses(c, whole, s, vars, cp.cdr, star);
        if (c.isKeyword(clause.car, s, "else")) return cons(g("let"), cons(Nil.NIL, clause.cdr));
        Renamed fail = tmp("fail");
        Object body = cons(g("let"), cons(Nil.NIL, clause.cdr));
        Object test;
        if (star) {
            Object[] pats = Pair.arrayOf(clause.car);
            if (pats.length != vars.size()) throw c.illFormed(whole);
            test = body;
            for (int i = pats.length - 1; i >= 0; i--) test = pattern(c, whole, s, pats[i], vars.get(i), test, list(fail));
        } else {
            test = pattern(c, whole, s, clause.car, vars.get(0), body, list(fail));
        }
        return list(g("let"), list(list(fail, list(g("lambda"), Nil.NIL, rest))), test);
    }

    /** Code that matches {@code v} (an identifier) against {@code pat}: {@code ok} on success, {@code no} otherwise. */
    static Object pattern(Compiler c, Pair whole, Scope s, Object pat, Object v, Object ok, Object no) {
        if (Renamed.isIdentifier(pat)) {
            if (Renamed.base(pat) == UNDERSCORE) return ok;
            return list(g("let"), list(list(pat, v)), ok);
        }
        if (pat instanceof Pair p && Renamed.isIdentifier(p.car)) {
            String head = Renamed.base(p.car).name;
            Object[] args = Pair.arrayOf(p.cdr);
            switch (head) {
                case "quote":
                    return list(g("if"), list(g("equal?"), v, pat), ok, no);
                case "quasiquote":
                    return quasi(c, whole, s, args[0], v, ok, no);
                case "@list", "list":
                    return listPattern(c, whole, s, p.cdr, v, ok, no);
                case "cons": {
                    if (args.length != 2) throw c.illFormed(whole);
                    Renamed a = tmp("car");
                    Renamed d = tmp("cdr");
                    return list(g("if"), list(g("pair?"), v),
                            list(g("let"), list(list(a, list(g("car"), v)), list(d, list(g("cdr"), v))),
                                    pattern(c, whole, s, args[0], a, pattern(c, whole, s, args[1], d, ok, no), no)),
                            no);
                }
                case "?": {
                    if (args.length < 1) throw c.illFormed(whole);
                    Object inner = args.length > 1 ? pattern(c, whole, s, args[1], v, ok, no) : ok;
                    return list(g("if"), list(args[0], v), inner, no);
                }
                case "and": {
                    Object r = ok;
                    for (int i = args.length - 1; i >= 0; i--) r = pattern(c, whole, s, args[i], v, r, no);
                    return r;
                }
                case "or": {
                    // Each alternative leads to the same success code; bindings come from the first that matches.
                    Object r = no;
                    for (int i = args.length - 1; i >= 0; i--) {
                        Renamed next = tmp("or-next");
                        r = list(g("let"), list(list(next, list(g("lambda"), Nil.NIL, r))),
                                pattern(c, whole, s, args[i], v, ok, list(next)));
                    }
                    return r;
                }
                case "not": {
                    if (args.length != 1) throw c.illFormed(whole);
                    return pattern(c, whole, s, args[0], v, no, ok);
                }
                case "box": {
                    Renamed b = tmp("unboxed");
                    return list(g("if"), list(g("box?"), v),
                            list(g("let"), list(list(b, list(g("unbox"), v))), pattern(c, whole, s, args[0], b, ok, no)), no);
                }
                case "vector":
                    return vectorPattern(c, whole, s, Pair.listOf(args), v, ok, no);
                default: {
                    Macro mm = c.machine.matchMacros().get(Renamed.base(p.car));
                    if (mm != null) return pattern(c, whole, s, c.expand(mm, p, s), v, ok, no);
                    // A struct or class pattern: (point x y) matches instances of point::t slot by slot.
                    Object type = Symbol.of(head + "::t");
                    Object r = ok;
                    for (int i = args.length - 1; i >= 0; i--) {
                        Renamed slot = tmp("slot");
                        r = list(g("let"), list(list(slot, list(g("##obj-ref"), v, (long) i))), pattern(c, whole, s, args[i], slot, r, no));
                    }
                    return list(g("if"), list(g("##instance-of?"), v, type, (long) args.length), r, no);
                }
            }
        }
        if (pat instanceof SVector vec) return vectorPattern(c, whole, s, Pair.listOf(vec.items), v, ok, no);
        if (pat instanceof Box box) {
            Renamed b = tmp("unboxed");
            return list(g("if"), list(g("box?"), v),
                    list(g("let"), list(list(b, list(g("unbox"), v))), pattern(c, whole, s, box.value, b, ok, no)), no);
        }
        if (pat == Nil.NIL) return list(g("if"), list(g("null?"), v), ok, no);
        // Literals: numbers, strings, chars, booleans, keywords.
        return list(g("if"), list(g("equal?"), v, list(g("quote"), pat)), ok, no);
    }

    private static final Symbol DOTS = Symbol.of("...");

    private static Object listPattern(Compiler c, Pair whole, Scope s, Object pats, Object v, Object ok, Object no) {
        if (pats == Nil.NIL) return list(g("if"), list(g("null?"), v), ok, no);
        if (!(pats instanceof Pair pp)) return pattern(c, whole, s, pats, v, ok, no); // [a . rest]
        if (pp.cdr instanceof Pair next && Renamed.isIdentifier(next.car) && Renamed.base(next.car) == DOTS) {
            // [p ...]: every remaining element matches p (which must be an identifier or _), bound to the list.
            if (next.cdr != Nil.NIL) throw c.illFormed(whole);
            if (Renamed.isIdentifier(pp.car)) {
                return list(g("if"), list(g("list?"), v), pattern(c, whole, s, pp.car, v, ok, no), no);
            }
            throw c.illFormed(whole);
        }
        return ifPair(v, (a, d) -> pattern(c, whole, s, pp.car, a, listPattern(c, whole, s, pp.cdr, d, ok, no), no), no);
    }

    /** (if (pair? v) (let ((hd (car v)) (tl (cdr v))) body) no), body made from the fresh hd and tl. */
    private static Object ifPair(Object v, BiFunction<Renamed, Renamed, Object> body, Object no) {
        Renamed a = tmp("hd");
        Renamed d = tmp("tl");
        return list(g("if"), list(g("pair?"), v),
                list(g("let"), list(list(a, list(g("car"), v)), list(d, list(g("cdr"), v))), body.apply(a, d)),
                no);
    }

    private static Object vectorPattern(Compiler c, Pair whole, Scope s, Object pats, Object v, Object ok, Object no) {
        Renamed l = tmp("elems");
        return list(g("if"), list(g("vector?"), v),
                list(g("let"), list(list(l, list(g("vector->list"), v))), listPattern(c, whole, s, pats, l, ok, no)), no);
    }

    private static Object quasi(Compiler c, Pair whole, Scope s, Object q, Object v, Object ok, Object no) {
        if (q instanceof Pair p && Renamed.isIdentifier(p.car) && Renamed.base(p.car).name.equals("unquote")) {
            return pattern(c, whole, s, Compiler.nth(p, 1), v, ok, no);
        }
        if (q instanceof Pair p) {
            if (p.car instanceof Pair inner && Renamed.isIdentifier(inner.car) && Renamed.base(inner.car).name.equals("unquote-splicing")) {
                return pattern(c, whole, s, Compiler.nth(inner, 1), v, ok, no);
            }
            return ifPair(v, (a, d) -> quasi(c, whole, s, p.car, a, quasi(c, whole, s, p.cdr, d, ok, no), no), no);
        }
        if (q instanceof SVector vec) {
            Renamed l = tmp("elems");
            return list(g("if"), list(g("vector?"), v),
                    list(g("let"), list(list(l, list(g("vector->list"), v))), quasi(c, whole, s, Pair.listOf(vec.items), l, ok, no)), no);
        }
        return list(g("if"), list(g("equal?"), v, list(g("quote"), q)), ok, no);
    }

    /**
     * {@code (defsyntax-for-match id match-macro [expression-macro])}: {@code id} at the head of a
     * pattern is expanded by the match macro (cons.io guide/intro.html "defsyntax-for-match").
     */
    static final SpecialForm DEFSYNTAX_FOR_MATCH = new CoreForms.Form("defsyntax-for-match", (c, f, s, n) -> {
        int len = Compiler.length(f);
        if (s != null || (len != 3 && len != 4) || !Renamed.isIdentifier(Compiler.nth(f, 1))) throw c.illFormed(f);
        Symbol id = Renamed.base(Compiler.nth(f, 1));
        c.machine.matchMacros().put(id, CoreForms.makeMacro(c, Compiler.nth(f, 2), s, id.name, f));
        if (len == 4) c.ns.defineSyntax(id, CoreForms.makeMacro(c, Compiler.nth(f, 3), s, id.name, f));
        return new Refs.Const(safepoint.vm.data.Special.VOID);
    });

    public static final SpecialForm[] ALL = {MATCH, MATCH_STAR, WITH, WITH_STAR, DEFSYNTAX_FOR_MATCH};
}
