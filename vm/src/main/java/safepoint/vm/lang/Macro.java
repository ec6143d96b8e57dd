package safepoint.vm.lang;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Symbol;

/**
 * A {@code syntax-rules} macro: literals, rules and the scope it was defined in. Expansion
 * matches the use against each pattern in turn and instantiates the first rule's template; every
 * template identifier that is not a pattern variable is renamed once per expansion (see
 * {@link Renamed}), which is all the hygiene syntax-rules needs.
 */
public final class Macro {
    final String name;
    final List<Object> literals;
    final List<Object[]> rules; // {pattern, template}
    final Scope env;
    final Object ellipsis;
    /** The namespace the macro was defined in: its free identifiers mean what they mean there. */
    Namespace ns;

    Macro(String name, List<Object> literals, List<Object[]> rules, Scope env, Object ellipsis) {
        this.name = name;
        this.literals = literals;
        this.rules = rules;
        this.env = env;
        this.ellipsis = ellipsis;
    }

    /** A pattern variable bound under an ellipsis: one binding per repetition. */
    record Multi(ArrayList<Object> items) {}

    /** A procedural macro (defsyntax, or define-syntax with a procedure): the transformer, else null. */
    public Object transformer;

    private static final Symbol UNDERSCORE = Symbol.of("_");
    private static final Symbol DOTS = Symbol.of("...");

    /** Expand {@code form}, a use of this macro in scope {@code use}; null when no rule matches. */
    Object expand(Compiler c, Pair form, Scope use) {
        if (transformer != null) return c.machine.expandWith(this, form);
        for (Object[] rule : rules) {
            Object pattern = rule[0];
            IdentityHashMap<Object, Object> b = new IdentityHashMap<>();
            // The keyword position matches any keyword (R7RS); as in Gerbil, whose syntax-rules
            // matches like syntax-case (macros.md "syntax-rules"), an identifier there other than
            // _ is a pattern variable bound to the keyword as used: ((p x) (p x 1)) recurs.
            Object pat = pattern instanceof Pair pp ? pp.cdr : Nil.NIL;
            if (pattern instanceof Pair pp && Renamed.isIdentifier(pp.car) && !isLiteral(pp.car) && !isEllipsis(pp.car)
                    && Renamed.base(pp.car) != UNDERSCORE) {
                b.put(pp.car, form.car);
            }
            if (match(c, pat, form.cdr, b, use)) {
                return instantiate(rule[1], b, new IdentityHashMap<>());
            }
        }
        return null;
    }

    private boolean isEllipsis(Object x) {
        // A literal wins over the ellipsis (R7RS 4.3.2): (syntax-rules ... (...) ...) has none.
        return !isLiteral(x) && (x == ellipsis || (ellipsis == DOTS && x instanceof Renamed r && r.symbol() == DOTS));
    }

    private boolean isLiteral(Object x) {
        for (Object l : literals) if (l == x) return true;
        return false;
    }

    private boolean match(Compiler c, Object pat, Object in, Map<Object, Object> b, Scope use) {
        if (Renamed.isIdentifier(pat)) {
            if (isLiteral(pat)) {
                if (c == null) return Renamed.isIdentifier(in) && Renamed.base(in) == Renamed.base(pat);
                return Renamed.isIdentifier(in) && c.sameBinding(in, use, pat, env);
            }
            if (Renamed.base(pat) == UNDERSCORE) return true;
            b.put(pat, in);
            return true;
        }
        if (pat instanceof Pair pp) {
            if (pp.cdr instanceof Pair next && isEllipsis(next.car)) {
                Object after = next.cdr;
                int minAfter = 0;
                for (Object t = after; t instanceof Pair tp; t = tp.cdr) minAfter++;
                int avail = 0;
                for (Object t = in; t instanceof Pair tp; t = tp.cdr) avail++;
                int reps = avail - minAfter;
                if (reps < 0) return false;
                List<Object> vars = new ArrayList<>();
                patternVars(pp.car, vars);
                ArrayList<IdentityHashMap<Object, Object>> each = new ArrayList<>();
                Object rest = in;
                for (int i = 0; i < reps; i++) {
                    Pair ip = (Pair) rest;
                    IdentityHashMap<Object, Object> sub = new IdentityHashMap<>();
                    if (!match(c, pp.car, ip.car, sub, use)) return false;
                    each.add(sub);
                    rest = ip.cdr;
                }
                for (Object v : vars) {
                    ArrayList<Object> items = new ArrayList<>(reps);
                    for (IdentityHashMap<Object, Object> sub : each) items.add(sub.get(v));
                    b.put(v, new Multi(items));
                }
                return match(c, after, rest, b, use);
            }
            if (!(in instanceof Pair ip)) return false;
            return match(c, pp.car, ip.car, b, use) && match(c, pp.cdr, ip.cdr, b, use);
        }
        if (pat == Nil.NIL) return in == Nil.NIL;
        if (pat instanceof SVector pv) {
            if (!(in instanceof SVector iv)) return false;
            return match(c, Pair.listOf(pv.items), Pair.listOf(iv.items), b, use);
        }
        return Compiler.datumEqual(pat, in);
    }

    /**
     * syntax-case at run time: match {@code form} against {@code pat}; null when it does not
     * match, else the values of the pattern variables in {@link #patternVarsOf} order (a
     * variable under an ellipsis gets a Multi).
     */
    Object[] matchAtRunTime(Object pat, Object form) {
        IdentityHashMap<Object, Object> b = new IdentityHashMap<>();
        if (!match(null, pat, form, b, null)) return null;
        List<Object> vars = new ArrayList<>();
        patternVars(pat, vars);
        Object[] out = new Object[vars.size()];
        for (int i = 0; i < out.length; i++) out[i] = b.get(vars.get(i));
        return out;
    }

    List<Object> patternVarsOf(Object pat) {
        List<Object> vars = new ArrayList<>();
        patternVars(pat, vars);
        return vars;
    }

    /** Ellipsis depth of each pattern variable of {@code pat}. */
    void depths(Object pat, int depth, IdentityHashMap<Object, Integer> out) {
        if (Renamed.isIdentifier(pat)) {
            if (!isLiteral(pat) && !isEllipsis(pat) && Renamed.base(pat) != UNDERSCORE) out.put(pat, depth);
        } else if (pat instanceof Pair p) {
            boolean dots = p.cdr instanceof Pair n && isEllipsis(n.car);
            depths(p.car, dots ? depth + 1 : depth, out);
            depths(dots ? ((Pair) p.cdr).cdr : p.cdr, depth, out);
        } else if (pat instanceof SVector v) {
            depths(Pair.listOf(v.items), depth, out);
        }
    }

    /** Instantiate a syntax template with the given bindings and renaming map. */
    Object build(Object tmpl, Map<Object, Object> b, IdentityHashMap<Object, Renamed> renames) {
        return instantiate(tmpl, b, renames);
    }

    private void patternVars(Object pat, List<Object> out) {
        if (Renamed.isIdentifier(pat)) {
            if (!isLiteral(pat) && !isEllipsis(pat) && Renamed.base(pat) != UNDERSCORE) out.add(pat);
        } else if (pat instanceof Pair p) {
            patternVars(p.car, out);
            patternVars(p.cdr, out);
        } else if (pat instanceof SVector v) {
            for (Object o : v.items) patternVars(o, out);
        }
    }

    private Object instantiate(Object t, Map<Object, Object> b, IdentityHashMap<Object, Renamed> renames) {
        if (Renamed.isIdentifier(t)) {
            if (b.containsKey(t)) {
                Object v = b.get(t);
                if (v instanceof Multi) throw c_error("pattern variable used without an ellipsis", t);
                return v;
            }
            return renames.computeIfAbsent(t, x -> new Renamed(x, env, ns));
        }
        if (t instanceof Pair p) {
            // (... ...) escapes the ellipsis: (... template) means template taken literally.
            if (isEllipsis(p.car) && p.cdr instanceof Pair ep) {
                return instantiateEscaped(ep.car, b, renames);
            }
            if (p.cdr instanceof Pair next && isEllipsis(next.car)) {
                Object rest = next.cdr;
                int depth = 1;
                while (rest instanceof Pair rp && isEllipsis(rp.car)) {
                    depth++;
                    rest = rp.cdr;
                }
                List<Object> items = new ArrayList<>();
                expandEllipsis(p.car, b, renames, depth, items);
                Object tail = instantiate(rest, b, renames);
                for (int i = items.size() - 1; i >= 0; i--) tail = new Pair(items.get(i), tail);
                return tail;
            }
            return new Pair(instantiate(p.car, b, renames), instantiate(p.cdr, b, renames));
        }
        if (t instanceof SVector v) {
            Object l = instantiate(Pair.listOf(v.items), b, renames);
            return new SVector(Pair.arrayOf(l));
        }
        return t;
    }

    private Object instantiateEscaped(Object t, Map<Object, Object> b, IdentityHashMap<Object, Renamed> renames) {
        if (Renamed.isIdentifier(t)) return instantiate(t, b, renames);
        if (t instanceof Pair p) return new Pair(instantiateEscaped(p.car, b, renames), instantiateEscaped(p.cdr, b, renames));
        return t;
    }

    private void expandEllipsis(Object sub, Map<Object, Object> b, IdentityHashMap<Object, Renamed> renames, int depth, List<Object> out) {
        List<Object> vars = new ArrayList<>();
        templateVars(sub, b, vars);
        int n = -1;
        for (Object v : vars) {
            if (b.get(v) instanceof Multi m) {
                if (n < 0 || m.items.size() < n) n = m.items.size();
            }
        }
        if (n < 0) throw c_error("no pattern variable before ellipsis in template", sub);
        for (int i = 0; i < n; i++) {
            IdentityHashMap<Object, Object> b2 = new IdentityHashMap<>(b);
            for (Object v : vars) if (b.get(v) instanceof Multi m) b2.put(v, m.items.get(i));
            if (depth > 1) expandEllipsis(sub, b2, renames, depth - 1, out);
            else out.add(instantiate(sub, b2, renames));
        }
    }

    private void templateVars(Object t, Map<Object, Object> b, List<Object> out) {
        if (Renamed.isIdentifier(t)) {
            if (b.containsKey(t)) out.add(t);
        } else if (t instanceof Pair p) {
            templateVars(p.car, b, out);
            templateVars(p.cdr, b, out);
        } else if (t instanceof SVector v) {
            for (Object o : v.items) templateVars(o, b, out);
        }
    }

    private RuntimeException c_error(String msg, Object where) {
        return Compiler.syntaxError(msg + " in macro " + name, where);
    }
}
