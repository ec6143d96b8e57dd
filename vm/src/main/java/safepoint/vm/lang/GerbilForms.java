package safepoint.vm.lang;

import static safepoint.vm.lang.DerivedForms.cons;
import static safepoint.vm.lang.DerivedForms.g;
import static safepoint.vm.lang.DerivedForms.list;
import static safepoint.vm.lang.DerivedForms.tmp;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/**
 * Gerbil's own definition and binding forms (cons.io reference/gerbil/prelude/macros.md), each a
 * rewrite into the core forms. {@code def} is {@code define} itself: the lambda-list parser takes
 * Gerbil's optional {@code (id default)} and keyword {@code key: id} parameters.
 */
public final class GerbilForms {
    private GerbilForms() {}

    private static Object rest(Pair f, int from) {
        Object x = f;
        for (int i = 0; i < from; i++) x = ((Pair) x).cdr;
        return x;
    }

    static final SpecialForm DEF_STAR = new DerivedForms.Form("def*", (c, f, s) -> {
        if (Compiler.length(f) < 3 || !Renamed.isIdentifier(Compiler.nth(f, 1))) throw c.illFormed(f);
        return list(g("define"), Compiler.nth(f, 1), cons(g("case-lambda"), rest(f, 2)));
    });

    static final SpecialForm DEFVALUES = new DerivedForms.Form("defvalues", (c, f, s) -> cons(g("define-values"), f.cdr));

    static final SpecialForm DEFALIAS = new DerivedForms.Form("defalias", (c, f, s) -> {
        if (Compiler.length(f) != 3 || !Renamed.isIdentifier(Compiler.nth(f, 1)) || !Renamed.isIdentifier(Compiler.nth(f, 2))) {
            throw c.illFormed(f);
        }
        Object target = Compiler.nth(f, 2);
        Binding b = c.resolve(target, s);
        if (b instanceof Binding.Macro || b instanceof Binding.Special) {
            return list(g("define-syntax"), Compiler.nth(f, 1), target);
        }
        return list(g("define"), Compiler.nth(f, 1), target);
    });

    /** {@code (defrules name (literal ...) (pattern template) ...)}: a syntax-rules macro. */
    static final SpecialForm DEFRULES = new DerivedForms.Form("defrules", (c, f, s) -> {
        if (Compiler.length(f) < 3 || !Renamed.isIdentifier(Compiler.nth(f, 1))) throw c.illFormed(f);
        boolean fenders = false;
        for (Object cl = rest(f, 3); cl instanceof Pair cp; cl = cp.cdr) fenders |= Compiler.length(cp.car) == 3;
        if (!fenders) return list(g("define-syntax"), Compiler.nth(f, 1), cons(g("syntax-rules"), rest(f, 2)));
        // With fenders, the rules become a syntax-case transformer: (pattern fender template).
        Renamed stx = tmp("stx");
        List<Object> clauses = new ArrayList<>();
        for (Object cl = rest(f, 3); cl instanceof Pair cp; cl = cp.cdr) {
            Object[] parts = Pair.arrayOf(cp.car);
            if (parts.length == 2) clauses.add(list(parts[0], list(g("syntax"), parts[1])));
            else if (parts.length == 3) clauses.add(list(parts[0], parts[1], list(g("syntax"), parts[2])));
            else throw c.illFormed(f);
        }
        return list(g("define-syntax"), Compiler.nth(f, 1), list(g("lambda"), list(stx),
                cons(g("syntax-case"), cons(stx, cons(Compiler.nth(f, 2), Pair.listOf(clauses))))));
    });

    static final SpecialForm LET_CC = new DerivedForms.Form("let/cc", (c, f, s) -> {
        if (Compiler.length(f) < 3 || !Renamed.isIdentifier(Compiler.nth(f, 1))) throw c.illFormed(f);
        return list(g("##call/cc"), cons(g("lambda"), cons(list(Compiler.nth(f, 1)), rest(f, 2))));
    });

    static final SpecialForm LET_ESC = new DerivedForms.Form("let/esc", (c, f, s) -> {
        if (Compiler.length(f) < 3 || !Renamed.isIdentifier(Compiler.nth(f, 1))) throw c.illFormed(f);
        return list(g("##call/cc"), cons(g("lambda"), cons(list(Compiler.nth(f, 1)), rest(f, 2))));
    });

    static final SpecialForm BEGIN0 = new DerivedForms.Form("begin0", (c, f, s) -> {
        if (Compiler.length(f) < 2) throw c.illFormed(f);
        Renamed t = tmp("result");
        List<Object> body = new ArrayList<>();
        body.add(g("let"));
        body.add(list(list(t, Compiler.nth(f, 1))));
        for (Object x = rest(f, 2); x instanceof Pair xp; x = xp.cdr) body.add(xp.car);
        body.add(t);
        return Pair.listOf(body);
    });

    static final SpecialForm UNWIND_PROTECT = new DerivedForms.Form("unwind-protect", (c, f, s) -> {
        if (Compiler.length(f) < 2) throw c.illFormed(f);
        return list(g("dynamic-wind"), list(g("lambda"), Nil.NIL, Special.VOID),
                list(g("lambda"), Nil.NIL, Compiler.nth(f, 1)),
                cons(g("lambda"), cons(Nil.NIL, DerivedForms.appendList(rest(f, 2), list(Special.VOID)))));
    });

    static final SpecialForm REC = new DerivedForms.Form("rec", (c, f, s) -> {
        if (Compiler.length(f) < 3) throw c.illFormed(f);
        Object head = Compiler.nth(f, 1);
        if (head instanceof Pair hp && Renamed.isIdentifier(hp.car)) {
            return list(g("letrec"), list(list(hp.car, cons(g("lambda"), cons(hp.cdr, rest(f, 2))))), hp.car);
        }
        if (!Renamed.isIdentifier(head) || Compiler.length(f) != 3) throw c.illFormed(f);
        return list(g("letrec"), list(list(head, Compiler.nth(f, 2))), head);
    });

    /** {@code and-let*} (SRFI 2) and Gerbil's {@code alet}/{@code alet*}: bindings that stop at #f. */
    static final SpecialForm AND_LET_STAR = new DerivedForms.Form("and-let*", (c, f, s) -> andLet(c, f));
    static final SpecialForm ALET_STAR = new DerivedForms.Form("alet*", (c, f, s) -> andLet(c, f));
    static final SpecialForm ALET = new DerivedForms.Form("alet", (c, f, s) -> andLet(c, f));

    private static Object andLet(Compiler c, Pair f) {
        if (Compiler.length(f) < 2 || !Compiler.isList(Compiler.nth(f, 1))) throw c.illFormed(f);
        Object body = rest(f, 2);
        Object tail = body == Nil.NIL ? Boolean.TRUE : cons(g("let"), cons(Nil.NIL, body));
        Object binds = Compiler.nth(f, 1);
        // (alet (x e) body ...): one binding, as Gerbil's let takes one (doc/reference/gerbil/prelude/macros.md).
        if (binds instanceof Pair bp && Renamed.isIdentifier(bp.car) && Compiler.length(binds) == 2) binds = list(binds);
        Object[] clauses = Pair.arrayOf(binds);
        for (int i = clauses.length - 1; i >= 0; i--) {
            Object cl = clauses[i];
            if (cl instanceof Pair cp && Renamed.isIdentifier(cp.car) && cp.cdr instanceof Pair vp && vp.cdr == Nil.NIL) {
                tail = list(g("let"), list(list(cp.car, vp.car)), list(g("if"), cp.car, tail, Boolean.FALSE));
            } else if (cl instanceof Pair cp && cp.cdr == Nil.NIL) {
                tail = list(g("if"), cp.car, tail, Boolean.FALSE);
            } else if (Renamed.isIdentifier(cl)) {
                tail = list(g("if"), cl, tail, Boolean.FALSE);
            } else {
                throw c.illFormed(f);
            }
        }
        return tail;
    }

    static final SpecialForm WHILE = new DerivedForms.Form("while", (c, f, s) -> {
        if (Compiler.length(f) < 2) throw c.illFormed(f);
        Renamed loop = tmp("while-loop");
        return list(g("let"), loop, Nil.NIL,
                list(g("when"), Compiler.nth(f, 1), cons(g("begin"), DerivedForms.appendList(rest(f, 2), list(list(loop))))));
    });

    static final SpecialForm UNTIL = new DerivedForms.Form("until", (c, f, s) -> {
        if (Compiler.length(f) < 2) throw c.illFormed(f);
        Renamed loop = tmp("until-loop");
        return list(g("let"), loop, Nil.NIL,
                list(g("unless"), Compiler.nth(f, 1), cons(g("begin"), DerivedForms.appendList(rest(f, 2), list(list(loop))))));
    });

    private static final Symbol SLOT = Symbol.of("<>");
    private static final Symbol REST_SLOT = Symbol.of("<...>");

    /** SRFI 26 {@code cut}: {@code <>} slots become parameters, {@code <...>} a rest parameter. */
    static final SpecialForm CUT = new DerivedForms.Form("cut", (c, f, s) -> {
        if (Compiler.length(f) < 2) throw c.illFormed(f);
        List<Object> params = new ArrayList<>();
        List<Object> call = new ArrayList<>();
        Object restParam = Nil.NIL;
        for (Object x = f.cdr; x instanceof Pair xp; x = xp.cdr) {
            if (Renamed.isIdentifier(xp.car) && Renamed.base(xp.car) == SLOT) {
                Renamed p = tmp("x");
                params.add(p);
                call.add(p);
            } else if (Renamed.isIdentifier(xp.car) && Renamed.base(xp.car) == REST_SLOT) {
                if (xp.cdr != Nil.NIL) throw c.illFormed(f);
                restParam = tmp("rest");
            } else {
                call.add(xp.car);
            }
        }
        Object formals = restParam;
        for (int i = params.size() - 1; i >= 0; i--) formals = new Pair(params.get(i), formals);
        Object body = restParam == Nil.NIL ? Pair.listOf(call)
                : cons(g("##apply"), DerivedForms.appendList(Pair.listOf(call), list(restParam)));
        return list(g("lambda"), formals, body);
    });

    private static final Symbol DOTS = Symbol.of("...");

    /**
     * {@code [a b c]} reads as {@code (@list a b c)}: a list; {@code [a . b]} conses onto b; an
     * element followed by {@code ...} is spliced in (cons.io guide/intro.md).
     */
    static final SpecialForm AT_LIST = new DerivedForms.Form("@list", (c, f, s) -> atList(c, f, f.cdr));

    private static Object atList(Compiler c, Pair whole, Object items) {
        if (items == Nil.NIL) return list(g("quote"), Nil.NIL);
        if (!(items instanceof Pair p)) return items; // dotted tail
        if (p.cdr instanceof Pair next && Renamed.isIdentifier(next.car) && Renamed.base(next.car) == DOTS) {
            return list(g("##append"), p.car, atList(c, whole, next.cdr));
        }
        return list(g("##cons"), p.car, atList(c, whole, p.cdr));
    }

    /**
     * {@code (try body ... (catch (pred var) handler ...) (catch (var) handler ...) (finally cleanup ...))}
     * (cons.io reference/std/sugar.md): handlers run after escaping to the try, like with-catch;
     * an exception no clause accepts is raised again; finally runs however the body exits.
     */
    static final SpecialForm TRY = new DerivedForms.Form("try", (c, f, s) -> {
        List<Object> body = new ArrayList<>();
        List<Object> clauses = new ArrayList<>();
        Object fin = null;
        Renamed e = tmp("e");
        for (Object x = f.cdr; x instanceof Pair xp; x = xp.cdr) {
            Object form = xp.car;
            if (form instanceof Pair fp && c.isKeyword(fp.car, s, "catch")) {
                if (!(fp.cdr instanceof Pair spec) || !(spec.car instanceof Pair sp)) throw c.illFormed(f);
                Object handler = spec.cdr;
                if (Compiler.length(sp) == 1 && Renamed.isIdentifier(sp.car)) {
                    clauses.add(list(Boolean.TRUE, cons(g("let"), cons(list(list(sp.car, e)), handler))));
                } else if (Compiler.length(sp) == 2 && Renamed.isIdentifier(Compiler.nth(sp, 1))) {
                    clauses.add(list(list(sp.car, e), cons(g("let"), cons(list(list(Compiler.nth(sp, 1), e)), handler))));
                } else {
                    throw c.illFormed(f);
                }
            } else if (form instanceof Pair fp && c.isKeyword(fp.car, s, "finally")) {
                fin = fp.cdr;
            } else {
                if (!clauses.isEmpty() || fin != null) throw c.illFormed(f);
                body.add(form);
            }
        }
        if (body.isEmpty()) throw c.illFormed(f);
        Object thunk = cons(g("lambda"), cons(Nil.NIL, Pair.listOf(body)));
        Object expr;
        if (clauses.isEmpty()) {
            expr = list(thunk);
        } else {
            clauses.add(list(g("else"), list(g("raise"), e)));
            expr = list(g("with-catch"), list(g("lambda"), list(e), cons(g("cond"), Pair.listOf(clauses))), thunk);
        }
        if (fin == null) return expr;
        return list(g("dynamic-wind"), list(g("lambda"), Nil.NIL, Special.VOID), list(g("lambda"), Nil.NIL, expr),
                cons(g("lambda"), cons(Nil.NIL, DerivedForms.appendList(fin, list(Special.VOID)))));
    });

    /** {@code (hash (key value) ...)} and its eq/eqv variants (cons.io reference/std/sugar.md): keys are quoted. */
    static final SpecialForm HASH = new DerivedForms.Form("hash", (c, f, s) -> hashLiteral(c, f, "make-hash-table"));
    static final SpecialForm HASH_EQ = new DerivedForms.Form("hash-eq", (c, f, s) -> hashLiteral(c, f, "make-hash-table-eq"));
    static final SpecialForm HASH_EQV = new DerivedForms.Form("hash-eqv", (c, f, s) -> hashLiteral(c, f, "make-hash-table-eqv"));

    private static Object hashLiteral(Compiler c, Pair f, String maker) {
        Renamed h = tmp("h");
        List<Object> body = new ArrayList<>();
        body.add(g("let"));
        body.add(list(list(h, list(g(maker)))));
        for (Object x = f.cdr; x instanceof Pair xp; x = xp.cdr) {
            if (!(xp.car instanceof Pair kv) || Compiler.length(kv) != 2) throw c.illFormed(f);
            body.add(list(g("hash-put!"), h, list(g("quote"), kv.car), Compiler.nth(kv, 1)));
        }
        body.add(h);
        return Pair.listOf(body);
    }

    /**
     * {@code (let-hash h body ...)}: in the body, {@code .x} is {@code (hash-ref h 'x)},
     * {@code .?x} is {@code (hash-get h 'x)} and {@code ..x} is the symbol {@code .x}.
     */
    static final SpecialForm LET_HASH = new DerivedForms.Form("let-hash", (c, f, s) -> {
        if (Compiler.length(f) < 3) throw c.illFormed(f);
        Renamed h = tmp("h");
        return list(g("let"), list(list(h, Compiler.nth(f, 1))), cons(g("let"), cons(Nil.NIL, dotted(rest(f, 2), h))));
    });

    private static Object dotted(Object x, Renamed h) {
        if (x instanceof Symbol sym && sym.name.length() > 1 && sym.name.startsWith(".")) {
            String n = sym.name;
            if (n.startsWith("..")) return Symbol.of(n.substring(1));
            if (n.startsWith(".?") && n.length() > 2) return list(g("hash-get"), h, list(g("quote"), Symbol.of(n.substring(2))));
            return list(g("hash-ref"), h, list(g("quote"), Symbol.of(n.substring(1))));
        }
        if (x instanceof Pair p) {
            if (Renamed.isIdentifier(p.car) && Renamed.base(p.car).name.equals("quote")) return p;
            return new Pair(dotted(p.car, h), dotted(p.cdr, h));
        }
        return x;
    }

    public static final SpecialForm[] ALL = {TRY, HASH, HASH_EQ, HASH_EQV, LET_HASH, DEF_STAR, DEFVALUES, DEFALIAS, DEFRULES, LET_CC, LET_ESC, BEGIN0, UNWIND_PROTECT, REC,
        AND_LET_STAR, ALET_STAR, ALET, WHILE, UNTIL, CUT, AT_LIST};
}
