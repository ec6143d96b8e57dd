package safepoint.vm.lang;

import safepoint.vm.interp.Blocks;
import safepoint.vm.interp.Calls;
import safepoint.vm.interp.Global;
import safepoint.vm.interp.Intrinsics;
import safepoint.vm.interp.Node;
import safepoint.vm.interp.Refs;
import safepoint.vm.interp.Where;
import safepoint.vm.interp.Locals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Src;
import safepoint.vm.data.Symbol;

/**
 * Compiles expanded forms to nodes: resolves identifiers to frame slots or global cells, expands
 * macros at the head of forms, finds internal definitions in bodies, and chooses the simple
 * (frameless) node shapes where it can. One Compiler serves one load (a file, or one REPL
 * input); it carries that unit's declarations.
 */
public final class Compiler {
    final LanguageHost machine;
    final String file;
    /** The namespace top-level names resolve in: the VM's top level, or a module's. */
    Namespace ns;
    /** The module being compiled, or null. */
    Modules.Module module;
    /** Inside (declare (not interrupts-enabled)): lambdas compiled now do not poll. */
    boolean polls = true;
    /** The enclosing procedure's name, for error locations. */
    String procName;
    private int expansions;
    static final int MAX_EXPANSIONS = 100_000;

    public Compiler(LanguageHost machine, String file) {
        this.machine = machine;
        this.file = file;
        this.ns = machine.top();
    }

    // ---- errors --------------------------------------------------------------------------------

    static SchemeError syntaxError(String message, Object form) {
        return new SchemeError(new Condition(Condition.Kind.SYNTAX, message, List.of(form), null, List.of(), 0));
    }

    SchemeError illFormed(Object form) {
        SchemeError e = syntaxError("Ill-formed special form", strip(form));
        // gsi reports syntax errors by position only, not by enclosing procedure.
        e.where = new Where(null, machine.sources().get(form));
        return e;
    }

    Where where(Object form) {
        return new Where(procName, machine.sources().get(form));
    }

    /** Give {@code to} the source position of {@code from} (for rewritten forms). */
    Object withSource(Object to, Object from) {
        if (to instanceof Pair && machine.sources().get(to) == null) {
            Src s = machine.sources().get(from);
            if (s != null) machine.sources().put(to, s);
        }
        return to;
    }

    // ---- resolution ----------------------------------------------------------------------------

    Binding resolve(Object id, Scope s) {
        return resolve(id, s, ns);
    }

    private Binding resolve(Object id, Scope s, Namespace in) {
        for (Scope sc = s; sc != null; sc = sc.parent) {
            if (sc.macros != null) {
                Macro m = sc.macros.get(id);
                if (m != null) return new Binding.Macro(m);
            }
            int slot = sc.slotOf(id);
            if (slot > 0) return new Binding.Local(sc, slot);
        }
        if (id instanceof Renamed r) return resolve(r.name, r.env, r.ns == null ? machine.top() : r.ns);
        Object v = in.lookup((Symbol) id);
        if (v instanceof SpecialForm f) return new Binding.Special(f);
        if (v instanceof Macro m) return new Binding.Macro(m);
        return new Binding.Global((Global) v);
    }

    boolean sameBinding(Object a, Scope sa, Object b, Scope sb) {
        if (a == b && sa == sb) return true;
        return resolve(a, sa).equals(resolve(b, sb));
    }

    /** Does {@code id} name the top-level special form or keyword {@code name} (like else, =>)? */
    boolean isKeyword(Object id, Scope s, String name) {
        if (!Renamed.isIdentifier(id) || Renamed.base(id) != Symbol.of(name)) return false;
        Binding b = resolve(id, s);
        return b instanceof Binding.Global || b instanceof Binding.Special;
    }

    private int depthTo(Scope from, Scope target, Object id) {
        int d = 0;
        for (Scope sc = from; sc != null; sc = sc.parent) {
            if (sc == target) return d;
            if (sc.frame) d++;
        }
        throw syntaxError("Identifier used outside the scope of its binding", strip(id));
    }

    // ---- expressions ---------------------------------------------------------------------------

    Node compile(Object x, Scope s) {
        return compile(x, s, null);
    }

    /** Compile {@code x}; {@code nameHint} names a lambda that {@code x} may evaluate to. */
    Node compile(Object x, Scope s, String nameHint) {
        for (;;) {
            if (Renamed.isIdentifier(x)) return compileRef(x, s);
            if (x instanceof Pair p) {
                Object head = p.car;
                if (Renamed.isIdentifier(head)) {
                    Binding b = resolve(head, s);
                    if (b instanceof Binding.Special sp) return sp.form().compile(this, p, s, nameHint);
                    if (b instanceof Binding.Macro mb) {
                        x = expand(mb.macro(), p, s);
                        continue;
                    }
                }
                if (!isList(p)) throw illFormedCall(p);
                return compileCall(p, s);
            }
            if (x == Nil.NIL) {
                SchemeError e = syntaxError("Ill-formed expression", Nil.NIL);
                throw e;
            }
            return new Refs.Const(x);
        }
    }

    private SchemeError illFormedCall(Pair p) {
        SchemeError e = syntaxError("Ill-formed procedure call", strip(p));
        e.where = where(p);
        return e;
    }

    Object expand(Macro m, Pair form, Scope s) {
        if (++expansions > MAX_EXPANSIONS) {
            SchemeError e = syntaxError("Macro expansion does not terminate (more than " + MAX_EXPANSIONS
                    + " expansions): " + m.name, strip(form));
            e.where = where(form);
            throw e;
        }
        Object r = m.expand(this, form, s);
        if (r == null) {
            SchemeError e = syntaxError("Ill-formed special form", strip(form));
            e.where = where(form);
            throw e;
        }
        return withSource(r, form);
    }

    private Node compileRef(Object id, Scope s) {
        return compileRef(id, s, null);
    }

    /** A variable reference; {@code pos} is where it was written, when the reader knows. */
    private Node compileRef(Object id, Scope s, Src pos) {
        Binding b = resolve(id, s);
        if (b instanceof Binding.Local l) return Refs.local(depthTo(s, l.scope(), id), l.slot());
        if (b instanceof Binding.Global g) return new Refs.GlobalRef(g.cell(), new Where(procName, pos));
        throw syntaxError("Syntactic keyword used as a variable", strip(id));
    }

    private Node compileCall(Pair p, Scope s) {
        Where w = new Where(procName, machine.sources().get(p), s == null ? null : s.locals(), p);
        List<Node> args = new ArrayList<>();
        for (Object a = p.cdr; a instanceof Pair ap; a = ap.cdr) {
            args.add(Renamed.isIdentifier(ap.car) ? compileRef(ap.car, s, machine.sources().element(ap)) : compile(ap.car, s));
        }
        Node[] argv = args.toArray(new Node[0]);
        if (Renamed.isIdentifier(p.car) && resolve(p.car, s) instanceof Binding.Global g) {
            Global cell = g.cell();
            if (!cell.userDefined && cell.value instanceof Primitive prim && prim.simple && allSimple(argv)) {
                Node n = Intrinsics.make(cell, prim, w, argv);
                if (n != null) return n;
                return switch (argv.length) {
                    case 0 -> new Calls.PrimCall0(cell, prim, w);
                    case 1 -> new Calls.PrimCall1(cell, prim, w, argv[0]);
                    case 2 -> new Calls.PrimCall2(cell, prim, w, argv[0], argv[1]);
                    case 3 -> new Calls.PrimCall3(cell, prim, w, argv[0], argv[1], argv[2]);
                    default -> new Calls.PrimCallN(cell, prim, w, argv);
                };
            }
            Node fn = new Refs.GlobalRef(cell, new Where(procName, shifted(w.src())));
            return Calls.make(fn, argv, w);
        }
        return Calls.make(compile(p.car, s), argv, w);
    }

    /** The operator's own position: one column after the call's open paren. */
    private static Src shifted(Src s) {
        return s == null ? null : new Src(s.file(), s.line(), s.col() + 1);
    }

    static boolean allSimple(Node[] ns) {
        for (Node n : ns) if (!n.isSimple()) return false;
        return true;
    }

    // ---- bodies --------------------------------------------------------------------------------

    /**
     * Compile a body (of a lambda or let) whose frame scope is {@code s}: definitions become
     * slots of that frame (letrec* semantics); macros at the head of forms are expanded first so
     * that definitions they produce are found; {@code begin} splices.
     */
    Node compileBody(Object forms, Scope s, Object whole) {
        boolean savedPolls = polls;
        List<Object> queue = new ArrayList<>();
        for (Object f = forms; f instanceof Pair fp; f = fp.cdr) queue.add(fp.car);
        List<Object[]> items = new ArrayList<>(); // {slot or null, datum, nameHint} or {DECL, datum}
        for (int qi = 0; qi < queue.size(); qi++) {
            Object f = queue.get(qi);
            for (;;) {
                Head h = expandHead(f, s);
                f = h.form();
                SpecialForm form = h.special();
                if (form != null) {
                    Pair fp = (Pair) f;
                    if (form == CoreForms.BEGIN) {
                        queue.addAll(qi + 1, Arrays.asList(Pair.arrayOf(fp.cdr)));
                        break;
                    }
                    if (form == CoreForms.DEFINE) {
                        Object[] d = CoreForms.parseDefine(this, fp);
                        int slot = s.slotOf(d[0]);
                        if (slot < 0) slot = s.add(d[0]);
                        items.add(new Object[] {slot, d[1], Renamed.base(d[0]).name});
                        break;
                    }
                    if (form == CoreForms.DEFINE_SYNTAX) {
                        CoreForms.defineSyntax(this, fp, s);
                        break;
                    }
                    if (form instanceof SpecialForm.Derived dv && (dv.name().startsWith("def") || dv.name().equals("begin-syntax") || dv.name().equals("cond-expand") || dv.name().equals("include"))) {
                        f = withSource(dv.rewrite(this, fp, s), fp);
                        continue;
                    }
                    if (form == CoreForms.DECLARE) {
                        items.add(new Object[] {"declare", f, null});
                        break;
                    }
                }
                items.add(new Object[] {null, f, null});
                break;
            }
        }
        if (items.isEmpty()) {
            SchemeError e = syntaxError("Ill-formed special form", strip(whole));
            e.where = where(whole);
            throw e;
        }
        List<Node> nodes = new ArrayList<>();
        for (Object[] it : items) {
            if ("declare".equals(it[0])) {
                CoreForms.declare(this, (Pair) it[1]);
                continue;
            }
            if (it[0] instanceof Integer slot) {
                nodes.add(new Refs.SetLocal(0, slot, compile(it[1], s, (String) it[2])));
            } else {
                nodes.add(compile(it[1], s));
            }
        }
        polls = savedPolls;
        return seq(nodes);
    }

    /** Compile a sequence that is not a body (no definitions): {@code begin}, cond clauses. */
    Node compileSeq(Object forms, Scope s) {
        List<Node> nodes = new ArrayList<>();
        for (Object f = forms; f instanceof Pair fp; f = fp.cdr) nodes.add(compile(fp.car, s));
        return seq(nodes);
    }

    /** The nodes run in order for the last one's value: void when there are none. */
    private static Node seq(List<Node> nodes) {
        if (nodes.isEmpty()) return new Refs.Const(Special.VOID);
        return nodes.size() == 1 ? nodes.get(0) : new Blocks.Seq(nodes.toArray(new Node[0]));
    }

    // ---- top level -----------------------------------------------------------------------------

    /**
     * Compile a form typed at a debugger level, against the variables of the stopped frame
     * ({@code locals}; run it with that frame's environment): as at the top level (a definition
     * defines a global, {@code begin} splices), except that expressions see those variables.
     */
    public Node compileAt(Object x, Locals locals) {
        return compileTop(x, Scope.of(locals));
    }

    /** Compile one top-level form: definitions are global, {@code begin} splices. */
    public Node compileTop(Object x) {
        return compileTop(x, null);
    }

    /** The top level, where expressions see the frame scopes {@code s} (none: null; see compileAt). */
    private Node compileTop(Object x, Scope s) {
        for (;;) {
            Head h = expandHead(x, s);
            x = h.form();
            SpecialForm form = h.special();
            if (form != null) {
                Pair p = (Pair) x;
                if (form == CoreForms.BEGIN) {
                    List<Node> nodes = new ArrayList<>();
                    for (Object g : Pair.arrayOf(p.cdr)) nodes.add(compileTop(g, s));
                    return seq(nodes);
                }
                if (form == CoreForms.DEFINE) {
                    Object[] d = CoreForms.parseDefine(this, p);
                    Symbol name = Renamed.base(d[0]);
                    Global cell = ns.defineGlobal(name);
                    if (!machine.loadingPrelude()) cell.userDefined = true;
                    String saved = procName;
                    Node value = compile(d[1], s, name.name);
                    procName = saved;
                    return new Refs.SetGlobal(cell, value, true, where(p));
                }
                if (form == CoreForms.DEFINE_SYNTAX) {
                    CoreForms.defineSyntax(this, p, null);
                    return new Refs.Const(Special.VOID);
                }
                if (form instanceof SpecialForm.Derived dv) {
                    x = withSource(dv.rewrite(this, p, s), p);
                    continue;
                }
            }
            return compile(x, s);
        }
    }

    /** A form after {@link #expandHead}, and the special form it uses, or null. */
    private record Head(Object form, SpecialForm special) {}

    /**
     * Expands the macro use at the head of {@code x} until it is none (a body and the top level
     * do so before they look for definitions); says which special form, if any, the result uses.
     */
    private Head expandHead(Object x, Scope s) {
        for (;;) {
            if (x instanceof Pair p && Renamed.isIdentifier(p.car)) {
                Binding b = resolve(p.car, s);
                if (b instanceof Binding.Macro mb) {
                    x = expand(mb.macro(), p, s);
                    continue;
                }
                if (b instanceof Binding.Special sp) return new Head(x, sp.form());
            }
            return new Head(x, null);
        }
    }

    // ---- data helpers ----------------------------------------------------------------------------

    static boolean isList(Object x) {
        while (x instanceof Pair p) x = p.cdr;
        return x == Nil.NIL;
    }

    static int length(Object x) {
        int n = 0;
        while (x instanceof Pair p) {
            n++;
            x = p.cdr;
        }
        return n;
    }

    /** Compile every top-level form of a file, in order (macros and imports act as each is met). */
    public Node[] compileAll(Object[] forms) {
        Node[] code = new Node[forms.length];
        for (int i = 0; i < forms.length; i++) code[i] = compileTop(forms[i]);
        return code;
    }

    static Object nth(Object list, int i) {
        Object x = list;
        for (int j = 0; j < i; j++) x = ((Pair) x).cdr;
        return ((Pair) x).car;
    }

    /**
     * Remove renamings: what {@code quote} of a macro-inserted datum shows. Data read from source
     * (possibly nested 100,000 deep) contains none and is returned as is after an iterative scan;
     * only macro-made data, which is shallow, is copied recursively.
     */
    public static Object strip(Object x) {
        return containsRenamed(x) ? stripCopy(x) : x;
    }

    private static boolean containsRenamed(Object x) {
        java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
        todo.push(x);
        // Read data may be circular (#0=(a . #0#)): past a few thousand pairs, remember them.
        int walked = 0;
        java.util.IdentityHashMap<Object, Boolean> seen = null;
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            while (o instanceof Pair p) {
                if (seen == null && ++walked > 10_000) seen = new java.util.IdentityHashMap<>();
                if (seen != null && seen.put(p, Boolean.TRUE) != null) break;
                if (p.car instanceof Pair || p.car instanceof SVector) todo.push(p.car);
                else if (p.car instanceof Renamed) return true;
                o = p.cdr;
            }
            if (o instanceof Renamed) return true;
            if (seen == null && walked > 10_000) seen = new java.util.IdentityHashMap<>();
            if (o instanceof SVector v && (seen == null || seen.put(v, Boolean.TRUE) == null)) {
                walked += v.items.length;
                for (Object e : v.items) todo.push(e);
            }
        }
        return false;
    }

    private static Object stripCopy(Object x) {
        if (x instanceof Renamed r) return r.symbol();
        if (x instanceof Pair p) {
            Pair head = new Pair(stripCopy(p.car), Nil.NIL);
            Pair tail = head;
            Object rest = p.cdr;
            boolean changed = head.car != p.car;
            while (rest instanceof Pair rp) {
                Pair n = new Pair(stripCopy(rp.car), Nil.NIL);
                changed |= n.car != rp.car;
                tail.cdr = n;
                tail = n;
                rest = rp.cdr;
            }
            Object end = stripCopy(rest);
            changed |= end != rest;
            tail.cdr = end;
            return changed ? head : p;
        }
        if (x instanceof SVector v) {
            Object[] items = new Object[v.items.length];
            boolean changed = false;
            for (int i = 0; i < items.length; i++) {
                items[i] = stripCopy(v.items[i]);
                changed |= items[i] != v.items[i];
            }
            return changed ? new SVector(items) : v;
        }
        return x;
    }

    /** equal? on datums that appear in source (for syntax-rules literal data). */
    static boolean datumEqual(Object a, Object b) {
        if (a == b) return true;
        if (a instanceof MString x && b instanceof MString y) return x.toString().equals(y.toString());
        if (a instanceof Pair x && b instanceof Pair y) return datumEqual(x.car, y.car) && datumEqual(x.cdr, y.cdr);
        if (a instanceof SVector x && b instanceof SVector y) {
            if (x.items.length != y.items.length) return false;
            for (int i = 0; i < x.items.length; i++) if (!datumEqual(x.items[i], y.items[i])) return false;
            return true;
        }
        if (a instanceof Bytevector x && b instanceof Bytevector y) return java.util.Arrays.equals(x.bytes, y.bytes);
        if (a instanceof safepoint.vm.data.NumVector x && b instanceof safepoint.vm.data.NumVector y) return x.sameAs(y);
        if (a instanceof SChar || a instanceof Long || a instanceof Double || a instanceof Keyword) return a.equals(b);
        return a != null && a.equals(b) && !(a instanceof Pair);
    }
}
