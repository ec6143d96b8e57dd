package safepoint.vm.interp;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.Condition;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.Record;
import safepoint.vm.data.RecordType;
import safepoint.vm.data.SVector;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Values;

/**
 * Procedures that need the interpreter: they call Scheme procedures by pushing a frame and
 * jumping, never by running the interpreter from Java (DESIGN.md, "the one rule"); and the
 * exception, record and promise primitives that go with them.
 */
public final class ControlPrims {
    private ControlPrims() {}

    public static void install(Builtins vm) {
        vm.add(new ControlPrim("apply", 2, -1) { // (apply f) is an arity error in gsi
            @Override
            public void invoke(Interp m, Object[] a) {
                List<Object> args = new ArrayList<>();
                for (int i = 1; i < a.length - 1; i++) args.add(a[i]);
                if (a.length > 1) {
                    Object last = a[a.length - 1];
                    Object l = last;
                    for (; l instanceof Pair p; l = p.cdr) args.add(p.car);
                    if (l != Nil.NIL) throw Condition.typeError("apply", a.length, "LIST", a);
                }
                m.work(args.size()); // spreading a long list is a long primitive's work
                m.apply(a[0], args.toArray());
            }
        });
        vm.alias("##apply", "apply");

        vm.add(Primitive.ofN("values", 0, -1, true, (c, a) -> a.length == 1 ? a[0] : new Values(a.clone())));
        vm.alias("##values", "values");

        vm.add(new ControlPrim("call-with-values", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.push(new ConsumeValues(a[1]));
                m.apply(a[0], new Object[0]);
            }
        });
        vm.alias("##call-with-values", "call-with-values");

        vm.add(new ControlPrim("call-with-current-continuation", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.apply(a[0], new Object[] {m.capture()});
            }
        });
        vm.alias("call/cc", "call-with-current-continuation");
        vm.alias("##call/cc", "call-with-current-continuation");

        vm.add(new ControlPrim("dynamic-wind", 3, 3) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.push(new WindBefore(a[0], a[1], a[2]));
                m.apply(a[0], new Object[0]);
            }
        });

        vm.add(new ControlPrim("with-exception-handler", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                if (!(a[0] instanceof Procedure)) throw Condition.typeError("with-exception-handler", 1, "PROCEDURE", a);
                m.push(new Interp.RestoreHandlers(m.handlers));
                m.handlers = m.cons(a[0], m.handlers);
                m.apply(a[1], new Object[0]);
            }
        });
        vm.alias("##with-exception-handler", "with-exception-handler");

        // raise and error unwind no Scheme frames: throwing is enough, the loop raises in place.
        // Not simple, these three: a handler's value returns to the raise itself (Gambit's rule, see
        // Interp.raise), so the call must not run inline inside a larger expression. A primitive
        // that fails inside a larger simple expression returns the handler's value to that expression.
        vm.add(Primitive.of1("raise", false, (c, x) -> {
            throw new SchemeError(x);
        }));
        vm.add(Primitive.of1("raise-continuable", false, (c, x) -> {
            SchemeError e = new SchemeError(x);
            e.continuable = true;
            throw e;
        }));
        vm.alias("##raise-continuable", "raise-continuable");
        vm.add(Primitive.ofN("error", 1, -1, false, (c, a) -> {
            List<Object> irritants = new ArrayList<>();
            for (int i = 1; i < a.length; i++) irritants.add(a[i]);
            // gsi displays a message that is not a string: (error 'proc "went wrong" 1) shows proc "went wrong" 1.
            String msg = a[0] instanceof MString s ? s.toString() : safepoint.vm.print.Printer.display(a[0], c.serials());
            Condition cond = Condition.error(msg, irritants);
            if (!(a[0] instanceof MString)) cond.messageObject = a[0];
            throw new SchemeError(cond);
        }));

        // As in gsi 4.9.3: only objects made by error are error objects; (car 1) raises a
        // type-exception, for which error-object? is #f.
        vm.add(Primitive.of1("error-object?", true, (c, x) -> x instanceof Condition k && k.kind == Condition.Kind.ERROR));
        vm.add(Primitive.of1("error-exception?", true, (c, x) -> x instanceof Condition k && k.kind == Condition.Kind.ERROR));
        // Any condition the runtime raises (an error, a type or range exception, ...): :std/error's error? asks this.
        vm.add(Primitive.of1("##condition?", true, (c, x) -> x instanceof Condition));
        vm.add(Primitive.of1("error-object-message", true, (c, x) -> {
            if (!(x instanceof Condition k)) throw Condition.typeError("error-object-message", 1, "ERROR-OBJECT", x);
            return k.messageObject != null ? k.messageObject : new MString(k.message);
        }));
        vm.alias("error-exception-message", "error-object-message");
        vm.add(Primitive.of1("error-object-irritants", true, (c, x) -> {
            if (!(x instanceof Condition k)) throw Condition.typeError("error-object-irritants", 1, "ERROR-OBJECT", x);
            return Pair.listOf(new ArrayList<>(k.irritants));
        }));
        vm.alias("error-exception-parameters", "error-object-irritants");
        for (Condition.Kind kind : Condition.Kind.values()) {
            if (kind == Condition.Kind.ERROR || kind == Condition.Kind.OTHER) continue;
            vm.add(Primitive.of1(kind.gambitName + "?", true, (c, x) -> x instanceof Condition k && k.kind == kind));
        }
        vm.add(Primitive.of1("file-error?", true, (c, x) -> x instanceof Condition k && k.kind == Condition.Kind.FILE));
        vm.add(Primitive.of1("read-error?", true, (c, x) -> x instanceof Condition k && k.kind == Condition.Kind.READ));

        // ---- higher-order list and vector procedures --------------------------------------
        vm.add(new ControlPrim("map", 2, -1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Object[] lists = java.util.Arrays.copyOfRange(a, 1, a.length);
                new MapFrame(a[0], lists, Nil.NIL, true, "map").step(m);
            }
        });
        vm.add(new ControlPrim("for-each", 2, -1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Object[] lists = java.util.Arrays.copyOfRange(a, 1, a.length);
                new MapFrame(a[0], lists, Nil.NIL, false, "for-each").step(m);
            }
        });
        vm.add(new ControlPrim("vector-map", 2, -1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.push(new VectorResult());
                new MapFrame(a[0], vectorsAsLists(m, a, "vector-map"), Nil.NIL, true, "vector-map").step(m);
            }
        });
        vm.add(new ControlPrim("vector-for-each", 2, -1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                new MapFrame(a[0], vectorsAsLists(m, a, "vector-for-each"), Nil.NIL, false, "vector-for-each").step(m);
            }
        });

        // ---- parameters and promises --------------------------------------------------------
        vm.add(new ControlPrim("make-parameter", 1, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                if (a.length == 1) {
                    m.val = new Parameter(a[0], null);
                } else {
                    m.push(new MakeParameter(a[1]));
                    m.apply(a[1], new Object[] {a[0]});
                }
            }
        });
        vm.add(new ControlPrim("##parameterize", 3, 3) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Object[] ps = Pair.arrayOf(a[0]);
                Object[] vs = Pair.arrayOf(a[1]);
                for (Object p : ps) if (!(p instanceof Parameter)) throw Condition.typeError("parameterize", 1, "PARAMETER", p);
                new Parameterize(ps, vs, 0, m.params, a[2]).next(m);
            }
        });
        vm.add(Primitive.of1("##make-lazy-promise", true, (c, thunk) -> new Promise(false, thunk)));
        vm.add(Primitive.of1("make-promise", true, (c, v) -> v instanceof Promise p ? p : new Promise(true, v)));
        vm.add(Primitive.of1("promise?", true, (c, v) -> v instanceof Promise));
        vm.add(new ControlPrim("force", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                force(m, a[0]);
            }
        });

        // ---- records ------------------------------------------------------------------------
        vm.add(Primitive.of2("##make-record-type", true, (c, name, fields) -> {
            Object[] fs = Pair.arrayOf(fields);
            String[] names = new String[fs.length];
            for (int i = 0; i < fs.length; i++) names[i] = ((Symbol) fs[i]).name;
            return new RecordType(((Symbol) name).name, names);
        }));
        vm.add(Primitive.of3("##record-constructor", true, (c, type, fields, name) -> {
            RecordType t = (RecordType) type;
            Object[] fs = Pair.arrayOf(fields);
            int[] slots = new int[fs.length];
            for (int i = 0; i < fs.length; i++) slots[i] = t.indexOf(((Symbol) fs[i]).name);
            int n = t.fieldNames.length;
            String pname = ((Symbol) name).name;
            return Primitive.ofN(pname, slots.length, slots.length, true, (c2, args) -> {
                Object[] vals = new Object[n];
                java.util.Arrays.fill(vals, Boolean.FALSE);
                for (int i = 0; i < slots.length; i++) vals[slots[i]] = args[i];
                return c2.alloc(new Record(t, vals), n + 1);
            });
        }));
        vm.add(Primitive.of2("##record-predicate", true, (c, type, name) ->
                Primitive.of1(((Symbol) name).name, true, (c2, x) -> x instanceof Record r && r.type == type)));
        vm.add(Primitive.of3("##record-accessor", true, (c, type, field, name) -> {
            RecordType t = (RecordType) type;
            int slot = t.indexOf(((Symbol) field).name);
            String pname = ((Symbol) name).name;
            return Primitive.of1(pname, true, (c2, x) -> {
                if (x instanceof Record r && r.type == t) return r.fields[slot];
                throw Condition.typeError(pname, 1, t.name.toUpperCase(), x);
            });
        }));
        vm.add(Primitive.of3("##record-modifier", true, (c, type, field, name) -> {
            RecordType t = (RecordType) type;
            int slot = t.indexOf(((Symbol) field).name);
            String pname = ((Symbol) name).name;
            return Primitive.of2(pname, true, (c2, x, v) -> {
                if (x instanceof Record r && r.type == t) {
                    r.fields[slot] = v;
                    return Special.VOID;
                }
                throw Condition.typeError(pname, 1, t.name.toUpperCase(), x, v);
            });
        }));

        // ---- the VM (eval and load are the front end's: lang.Modules) ------------------------
        vm.add(new ControlPrim("exit", 0, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                // gsi 4.9.3: the status is 0..255; anything else (#t and #f too) is a type error
                int code = 0;
                if (a.length == 1) {
                    if (!(a[0] instanceof Long l) || l < 0 || l > 255) {
                        throw safepoint.vm.data.Condition.typeError("exit", 1, "Unsigned 8 bit exact INTEGER", a);
                    }
                    code = (int) (long) l;
                }
                m.world.exit(code);
                m.halted = true;
                m.fuel = 0;
                m.val = Special.VOID;
            }
        });
        // Introspection of the running thread, for tests and the curious: how many procedure
        // entries (scheduling points) and polls it has executed, and its continuation's depth.
        vm.add(new ControlPrim("##entries", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.val = m.entries;
            }
        });
        vm.add(new ControlPrim("##polls", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.val = m.polls;
            }
        });
        vm.add(new ControlPrim("##continuation-depth", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                long n = 0;
                for (Frame f = m.k; f != null; f = f.next) n++;
                m.val = n;
            }
        });
        vm.add(Primitive.of1("##error-text", true, (c, e) -> new MString(safepoint.vm.print.ErrorText.render(e, c.serials()))));
        vm.add(Primitive.of1("##pretty-string", true, (c, x) -> new MString(safepoint.vm.print.PrettyPrinter.pp(x, c.serials()))));
        vm.add(Primitive.of0("interaction-environment", true, c -> Special.VOID));
        vm.add(Primitive.ofN("scheme-report-environment", 0, 1, true, (c, a) -> Special.VOID));
        // R7RS's environments for eval: every one is the interaction environment here (eval has one).
        vm.add(Primitive.ofN("null-environment", 0, 1, true, (c, a) -> Special.VOID));
        vm.add(Primitive.ofN("environment", 0, -1, true, (c, a) -> Special.VOID));
    }

    static void force(Interp m, Object x) {
        if (!(x instanceof Promise p) || p.done) {
            m.val = x instanceof Promise p2 ? p2.value : x;
            return;
        }
        m.push(new ForceFrame(p));
        m.apply(p.value, new Object[0]);
    }

    static Object[] vectorsAsLists(Interp m, Object[] a, String who) {
        Object[] lists = new Object[a.length - 1];
        for (int i = 1; i < a.length; i++) {
            if (!(a[i] instanceof SVector v)) throw Condition.typeError(who, i + 1, "VECTOR", a);
            lists[i - 1] = Pair.listOf(v.items);
        }
        return lists;
    }

    // ---- frames ---------------------------------------------------------------------------------

    static final class ConsumeValues extends Frame {
        final Object consumer;

        ConsumeValues(Object consumer) {
            this.consumer = consumer;
        }

        @Override
        public void resume(Interp m) {
            Object v = m.val;
            m.apply(consumer, v instanceof Values vs ? vs.vals.clone() : new Object[] {v});
        }
    }

    static final class WindBefore extends Frame {
        final Object before;
        final Object thunk;
        final Object after;

        WindBefore(Object before, Object thunk, Object after) {
            this.before = before;
            this.thunk = thunk;
            this.after = after;
        }

        @Override
        public void resume(Interp m) {
            Winder w = new Winder(before, after, m.winders, m.handlers, m.params);
            m.winders = w;
            m.push(new WindAfter(w));
            m.apply(thunk, new Object[0]);
        }
    }

    static final class WindAfter extends Frame {
        final Winder winder;

        WindAfter(Winder winder) {
            this.winder = winder;
        }

        @Override
        public void resume(Interp m) {
            m.winders = winder.parent;
            m.push(new ReturnValue(m.val));
            m.apply(winder.after, new Object[0]);
        }
    }

    /** Discards the value it receives and returns a saved one instead. */
    public static final class ReturnValue extends Frame {
        final Object value;

        public ReturnValue(Object value) {
            this.value = value;
        }

        @Override
        public void resume(Interp m) {
            m.val = value;
        }
    }

    /**
     * map and for-each over one or more lists: one frame per element, each immutable (the
     * results so far are a persistent reversed list), so re-entering a captured continuation
     * inside the mapped procedure does not disturb an earlier pass.
     */
    static final class MapFrame extends Frame {
        final Object f;
        final Object[] lists;
        final Object acc;
        final boolean collect;
        final String who;

        MapFrame(Object f, Object[] lists, Object acc, boolean collect, String who) {
            this.f = f;
            this.lists = lists;
            this.acc = acc;
            this.collect = collect;
            this.who = who;
        }

        @Override
        public void resume(Interp m) {
            new MapFrame(f, lists, collect ? new Pair(m.val, acc) : Nil.NIL, collect, who).step(m);
        }

        void step(Interp m) {
            Object[] args = new Object[lists.length];
            Object[] rest = new Object[lists.length];
            for (int i = 0; i < lists.length; i++) {
                if (!(lists[i] instanceof Pair p)) {
                    if (lists[i] != Nil.NIL) throw Condition.typeError(who, i + 2, "LIST", f, lists[i]);
                    finish(m);
                    return;
                }
                args[i] = p.car;
                rest[i] = p.cdr;
            }
            m.allocated += 3;
            m.push(new MapFrame(f, rest, acc, collect, who));
            m.apply(f, args);
        }

        private void finish(Interp m) {
            if (!collect) {
                m.val = Special.VOID;
                return;
            }
            Object r = Nil.NIL;
            for (Object x = acc; x instanceof Pair p; x = p.cdr) r = m.cons(p.car, r);
            m.val = r;
        }
    }

    static final class VectorResult extends Frame {
        @Override
        public void resume(Interp m) {
            m.val = new SVector(Pair.arrayOf(m.val));
        }
    }

    static final class MakeParameter extends Frame {
        final Object converter;

        MakeParameter(Object converter) {
            this.converter = converter;
        }

        @Override
        public void resume(Interp m) {
            m.val = new Parameter(m.val, converter);
        }
    }

    /** Converts the new values one by one (converters are Scheme calls), then binds and runs the body. */
    static final class Parameterize extends Frame {
        final Object[] ps;
        final Object[] vs;
        final int i;
        final DynBinding built;
        final Object thunk;

        Parameterize(Object[] ps, Object[] vs, int i, DynBinding built, Object thunk) {
            this.ps = ps;
            this.vs = vs;
            this.i = i;
            this.built = built;
            this.thunk = thunk;
        }

        @Override
        public void resume(Interp m) {
            new Parameterize(ps, vs, i + 1, new DynBinding((Parameter) ps[i], m.val, built), thunk).next(m);
        }

        void next(Interp m) {
            if (i == ps.length) {
                m.push(new RestoreParams(m.params));
                m.params = built;
                m.apply(thunk, new Object[0]);
                return;
            }
            Parameter p = (Parameter) ps[i];
            if (p.converter == null) {
                new Parameterize(ps, vs, i + 1, new DynBinding(p, vs[i], built), thunk).next(m);
            } else {
                m.push(this);
                m.apply(p.converter, new Object[] {vs[i]});
            }
        }
    }

    static final class RestoreParams extends Frame {
        final DynBinding saved;

        RestoreParams(DynBinding saved) {
            this.saved = saved;
        }

        @Override
        public void resume(Interp m) {
            m.params = saved;
        }
    }

    static final class ForceFrame extends Frame {
        final Promise p;

        ForceFrame(Promise p) {
            this.p = p;
        }

        @Override
        public void resume(Interp m) {
            if (p.done) {
                m.val = p.value;
                return;
            }
            Object v = m.val;
            if (v instanceof Promise inner && !inner.done) {
                // delay-force: keep forcing the chain iteratively.
                m.push(this);
                m.apply(inner.value, new Object[0]);
                return;
            }
            p.done = true;
            p.value = v instanceof Promise inner ? inner.value : v;
            m.val = p.value;
        }
    }
}
