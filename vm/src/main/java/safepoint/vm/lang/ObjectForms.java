package safepoint.vm.lang;

import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.ControlPrims;
import safepoint.vm.interp.Interp;
import static safepoint.vm.lang.DerivedForms.cons;
import static safepoint.vm.lang.DerivedForms.g;
import static safepoint.vm.lang.DerivedForms.list;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/**
 * Gerbil's object system, the part a newcomer meets (cons.io guide/intro.md "Objective Gerbil",
 * reference/gerbil/prelude/macros.md "MOP Macros"): {@code defstruct}, {@code defclass} with
 * multiple inheritance (C3), {@code defmethod} with {@code {method obj args}} calls, and
 * {@code @} slot access.
 */
public final class ObjectForms {
    private ObjectForms() {}

    private static Object quote(Object x) {
        return list(g("quote"), x);
    }

    private static Symbol sym(String s) {
        return Symbol.of(s);
    }

    static final SpecialForm DEFSTRUCT = new DerivedForms.Form("defstruct", (c, f, s) -> defType(c, f, true));
    static final SpecialForm DEFCLASS = new DerivedForms.Form("defclass", (c, f, s) -> defType(c, f, false));

    /**
     * The names a {@code defstruct} or {@code defclass} form defines, or an empty list when it is
     * ill-formed (its compilation reports that): a module declares them before compiling any form,
     * so a procedure above the struct's definition uses the module's accessor. The same names as
     * {@link #defType} defines, made by the same helpers.
     */
    static List<Symbol> definedNames(Pair f) {
        if (Compiler.length(f) < 3) return List.of();
        Object head = Compiler.nth(f, 1);
        Object nameId = head instanceof Pair hp ? hp.car : head;
        if (!Renamed.isIdentifier(nameId) || !Compiler.isList(Compiler.nth(f, 2))) return List.of();
        String name = Renamed.base(nameId).name;
        List<Symbol> out = new ArrayList<>(List.of(sym(name + "::t"), sym(name), maker(name), predicate(name)));
        for (Object x = Compiler.nth(f, 2); x instanceof Pair xp; x = xp.cdr) {
            if (!Renamed.isIdentifier(xp.car)) return List.of();
            out.add(accessor(name, Renamed.base(xp.car)));
            out.add(mutator(name, Renamed.base(xp.car)));
        }
        return out;
    }

    private static Symbol maker(String name) {
        return sym("make-" + name);
    }

    private static Symbol predicate(String name) {
        return sym(name + "?");
    }

    private static Symbol accessor(String name, Symbol slot) {
        return sym(name + "-" + slot.name);
    }

    private static Symbol mutator(String name, Symbol slot) {
        return sym(name + "-" + slot.name + "-set!");
    }

    private static Object defType(Compiler c, Pair f, boolean struct) {
        if (Compiler.length(f) < 3) throw c.illFormed(f);
        Object head = Compiler.nth(f, 1);
        Object nameId = head instanceof Pair hp ? hp.car : head;
        if (!Renamed.isIdentifier(nameId)) throw c.illFormed(f);
        String name = Renamed.base(nameId).name;
        List<Object> supers = new ArrayList<>();
        supers.add(g("##list"));
        if (head instanceof Pair hp) {
            for (Object x = hp.cdr; x instanceof Pair xp; x = xp.cdr) {
                if (!Renamed.isIdentifier(xp.car)) throw c.illFormed(f);
                supers.add(sym(Renamed.base(xp.car).name + "::t"));
            }
        }
        if (supers.size() == 1) supers.add(sym("object::t")); // every struct and class is an object
        Object slotSpec = Compiler.nth(f, 2);
        if (!Compiler.isList(slotSpec)) throw c.illFormed(f);
        // Options after the slots: constructor: :init! names a method run on each new instance.
        // transparent: #t and equal: #t | (slot ...) say which slots equal? compares.
        Object constructor = Boolean.FALSE;
        Object equal = Boolean.FALSE;
        for (Object o = ((Pair) ((Pair) ((Pair) f.cdr).cdr)).cdr; o instanceof Pair op; o = op.cdr) {
            if (op.car instanceof Keyword k && op.cdr instanceof Pair vp) {
                if (k.name.equals("constructor") && Renamed.isIdentifier(vp.car)) constructor = Renamed.base(vp.car);
                if (k.name.equals("transparent") && vp.car == Boolean.TRUE && equal == Boolean.FALSE) equal = Boolean.TRUE;
                if (k.name.equals("equal")) equal = Compiler.strip(vp.car);
                o = vp;
            }
        }
        List<Object> slots = new ArrayList<>();
        for (Object x = slotSpec; x instanceof Pair xp; x = xp.cdr) {
            if (!Renamed.isIdentifier(xp.car)) throw c.illFormed(f);
            slots.add(Renamed.base(xp.car));
        }
        Symbol type = sym(name + "::t");
        List<Object> out = new ArrayList<>();
        out.add(g("begin"));
        out.add(list(g("define"), type, list(g("##make-type"), quote(sym(name)), struct, Pair.listOf(supers), quote(Pair.listOf(slots)),
                quote(constructor), quote(equal))));
        out.add(list(g("define"), sym(name), type));
        out.add(list(g("##define-inherited-accessors!"), type, quote(sym(name))));
        out.add(list(g("define"), maker(name), list(g("##type-constructor"), type, quote(maker(name)))));
        out.add(list(g("define"), predicate(name), list(g("##type-predicate"), type, quote(predicate(name)))));
        for (Object slot : slots) {
            Symbol get = accessor(name, (Symbol) slot), set = mutator(name, (Symbol) slot);
            out.add(list(g("define"), get, list(g("##type-accessor"), type, quote(slot), quote(get))));
            out.add(list(g("define"), set, list(g("##type-mutator"), type, quote(slot), quote(set))));
        }
        return Pair.listOf(out);
    }

    /**
     * The slot indices equal? compares, as Gerbil's own mop-test shows the options combine: the
     * slots each super compares, then the type's own by its option ({@code #t}: its own slots,
     * {@code (slot ...)}: those named, {@code #f}: none). Null (identity) only when neither the
     * type nor any super compares by fields: a struct made {@code equal: #t} over an opaque one
     * compares its own slots, and one made {@code equal: #f} over an equal one keeps its
     * super's.
     */
    private static int[] equalSlots(ObjType t, Object spec) {
        java.util.LinkedHashSet<Integer> picked = new java.util.LinkedHashSet<>();
        boolean byFields = spec != Boolean.FALSE;
        for (ObjType sup : t.supers) {
            if (sup.equalSlots == null) continue;
            byFields = true;
            for (int i : sup.equalSlots) picked.add(t.slotIndex(sup.slots[i]));
        }
        if (spec == Boolean.TRUE) {
            for (String own : t.ownSlots()) picked.add(t.slotIndex(own));
        } else if (spec != Boolean.FALSE) {
            for (Object x : Pair.arrayOf(spec)) {
                int i = x instanceof Symbol sym ? t.slotIndex(sym.name) : -1;
                if (i < 0) throw Condition.raise("equal: names no slot of " + t.name + ":", x);
                picked.add(i);
            }
        }
        return byFields ? picked.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    /** {@code (defmethod {name type} procedure)}. */
    static final SpecialForm DEFMETHOD = new DerivedForms.Form("defmethod", (c, f, s) -> {
        if (Compiler.length(f) != 3 || !(Compiler.nth(f, 1) instanceof Pair spec) || Compiler.length(spec) != 3
                || !Renamed.isIdentifier(Compiler.nth(spec, 1)) || !Renamed.isIdentifier(Compiler.nth(spec, 2))) {
            throw c.illFormed(f);
        }
        Symbol method = Renamed.base(Compiler.nth(spec, 1));
        // {m :t}, {m :list}: methods on the system classes (cons.io guide/intro.html "System Classes").
        String tname = Renamed.base(Compiler.nth(spec, 2)).name;
        if (tname.startsWith(":") && tname.length() > 1) tname = tname.substring(1);
        Symbol type = sym(tname + "::t");
        return list(g("##bind-method!"), type, quote(method), Compiler.nth(f, 2));
    });

    /** {@code {method obj arg ...}} reads as {@code (@method method obj arg ...)}. */
    static final SpecialForm AT_METHOD = new DerivedForms.Form("@method", (c, f, s) -> {
        if (Compiler.length(f) < 3 || !Renamed.isIdentifier(Compiler.nth(f, 1))) throw c.illFormed(f);
        Pair args = (Pair) ((Pair) f.cdr).cdr;
        return cons(g("##call-method"), cons(args.car, cons(quote(Renamed.base(Compiler.nth(f, 1))), args.cdr)));
    });

    /** {@code (@ obj slot)}. */
    static final SpecialForm AT = new DerivedForms.Form("@", (c, f, s) -> {
        if (Compiler.length(f) != 3 || !Renamed.isIdentifier(Compiler.nth(f, 2))) throw c.illFormed(f);
        return list(g("##slot-ref"), Compiler.nth(f, 1), quote(Renamed.base(Compiler.nth(f, 2))));
    });

    public static final SpecialForm[] ALL = {DEFSTRUCT, DEFCLASS, DEFMETHOD, AT_METHOD, AT};

    // ---- runtime -----------------------------------------------------------------------------

    /** Install the object system's primitives; returns the VM's system classes, made among them. */
    public static SystemClasses install(LanguageHost vm) {
        vm.add(Primitive.ofN("##make-type", 5, 6, true, (c, a) -> {
            List<ObjType> supers = new ArrayList<>();
            for (Object x : Pair.arrayOf(a[2])) {
                if (!(x instanceof ObjType t)) throw Condition.raise("Not a struct or class type:", x);
                supers.add(t);
            }
            List<String> slots = new ArrayList<>();
            for (Object x : Pair.arrayOf(a[3])) slots.add(((Symbol) x).name);
            ObjType t = new ObjType(((Symbol) a[0]).name, a[1] != Boolean.FALSE, supers, slots);
            if (a[4] instanceof Symbol ctor) t.constructor = ctor;
            t.equalSlots = equalSlots(t, a.length > 5 ? a[5] : Boolean.FALSE);
            return t;
        }));
        SystemClasses classes = new SystemClasses(vm);
        vm.add(Primitive.of2("##type-constructor", true, (c, type, name) -> new Constructor((ObjType) type, ((Symbol) name).name)));
        vm.add(new ControlPrim("##define-inherited-accessors!", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                // Accessors for inherited slots (Point3D-x): named after the new type, made at run time
                // since the inherited slots are known only then.
                ObjType t = (ObjType) a[0];
                String prefix = ((Symbol) a[1]).name + "-";
                for (String slot : t.slots) {
                    if (t.ownSlots().contains(slot)) continue;
                    int i = t.slotIndex(slot);
                    String acc = prefix + slot;
                    vm.define(acc, Primitive.of1(acc, true, (c2, x) -> {
                        if (x instanceof ObjType.Obj o && o.type.isSubtypeOf(t)) return o.slots[o.type.slotIndex(slot)];
                        throw Condition.typeError(acc, 1, t.name, x);
                    }));
                    vm.define(acc + "-set!", Primitive.of2(acc + "-set!", true, (c2, x, v) -> {
                        if (x instanceof ObjType.Obj o && o.type.isSubtypeOf(t)) {
                            o.slots[o.type.slotIndex(slot)] = v;
                            return Special.VOID;
                        }
                        throw Condition.typeError(acc + "-set!", 1, t.name, x, v);
                    }));
                    if (i < 0) throw new IllegalStateException(slot);
                }
                m.val = Special.VOID;
            }
        });
        vm.add(Primitive.of2("##type-predicate", true, (c, type, name) -> {
            ObjType t = (ObjType) type;
            return Primitive.of1(((Symbol) name).name, true, (c2, x) -> x instanceof ObjType.Obj o && o.type.isSubtypeOf(t));
        }));
        vm.add(Primitive.of3("##type-accessor", true, (c, type, slot, name) -> {
            ObjType t = (ObjType) type;
            int i = t.slotIndex(((Symbol) slot).name);
            String pname = ((Symbol) name).name;
            return Primitive.of1(pname, true, (c2, x) -> {
                if (x instanceof ObjType.Obj o && o.type.isSubtypeOf(t)) return o.slots[o.type == t ? i : o.type.slotIndex(((Symbol) slot).name)];
                throw Condition.typeError(pname, 1, t.name, x);
            });
        }));
        vm.add(Primitive.of3("##type-mutator", true, (c, type, slot, name) -> {
            ObjType t = (ObjType) type;
            String sname = ((Symbol) slot).name;
            String pname = ((Symbol) name).name;
            return Primitive.of2(pname, true, (c2, x, v) -> {
                if (x instanceof ObjType.Obj o && o.type.isSubtypeOf(t)) {
                    o.slots[o.type.slotIndex(sname)] = v;
                    return Special.VOID;
                }
                throw Condition.typeError(pname, 1, t.name, x, v);
            });
        }));
        vm.add(Primitive.of3("##bind-method!", true, (c, type, name, proc) -> {
            if (!(type instanceof ObjType t)) throw Condition.typeError("defmethod", 1, "type", type);
            t.methods.put((Symbol) name, proc);
            return Special.VOID;
        }));
        // (class-type-slot-list klass): its slots as laid out in an instance (doc/reference/gerbil/runtime/MOP.md).
        vm.add(Primitive.of1("class-type-slot-list", true, (c, type) -> {
            if (!(type instanceof ObjType t)) throw Condition.typeError("class-type-slot-list", 1, "type", type);
            List<Object> names = new ArrayList<>();
            for (String slot : t.slots) names.add(Symbol.of(slot));
            return Pair.listOf(names);
        }));
        vm.add(Primitive.of2("##slot-ref", true, (c, obj, slot) -> {
            if (!(obj instanceof ObjType.Obj o)) throw Condition.typeError("@", 1, "object", obj, slot);
            if (!(slot instanceof Symbol)) throw Condition.typeError("@", 2, "SYMBOL", obj, slot);
            int i = o.type.slotIndex(((Symbol) slot).name);
            if (i < 0) throw Condition.raise("No slot " + ((Symbol) slot).name + " in", obj);
            return o.slots[i];
        }));
        vm.add(Primitive.of3("##slot-set!", true, (c, obj, slot, v) -> {
            if (!(obj instanceof ObjType.Obj o)) throw Condition.typeError("@", 1, "object", obj, slot);
            if (!(slot instanceof Symbol)) throw Condition.typeError("@", 2, "SYMBOL", obj, slot, v);
            int i = o.type.slotIndex(((Symbol) slot).name);
            if (i < 0) throw Condition.raise("No slot " + ((Symbol) slot).name + " in", obj);
            o.slots[i] = v;
            return Special.VOID;
        }));
        vm.add(Primitive.of1("class-precedence-list", true, (c, type) -> {
            if (!(type instanceof ObjType t)) throw Condition.typeError("class-precedence-list", 1, "type", type);
            return Pair.listOf(new ArrayList<Object>(t.precedence));
        }));
        vm.add(Primitive.of3("##instance-of?", true, (c, x, type, n) -> x instanceof ObjType.Obj o && type instanceof ObjType t
                && o.type.isSubtypeOf(t) && o.slots.length >= (Long) n));
        vm.add(Primitive.of2("##obj-ref", true, (c, x, i) -> ((ObjType.Obj) x).slots[(int) (long) (Long) i]));
        vm.add(Primitive.ofN("make-instance", 1, -1, true, (c, a) -> {
            if (!(a[0] instanceof ObjType t)) throw Condition.typeError("make-instance", 1, "type", a);
            return construct(t, "make-instance", java.util.Arrays.copyOfRange(a, 1, a.length));
        }));
        vm.add(Primitive.of1("##type-name", true, (c, t) -> new safepoint.vm.data.MString(((ObjType) t).name)));
        vm.add(Primitive.of1("object-type", true, (c, x) -> x instanceof ObjType.Obj o ? o.type : Boolean.FALSE));
        vm.add(Primitive.of1("class-of", true, (c, x) -> vm.classes().classOf(x)));
        vm.add(Primitive.of2("find-method", true, (c, type, name) -> {
            Object mth = type instanceof ObjType t ? t.findMethod((Symbol) name) : null;
            return mth == null ? Boolean.FALSE : mth;
        }));
        vm.add(new ControlPrim("##call-method", 2, -1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Symbol name = (Symbol) a[1];
                Object method = vm.classes().classOf(a[0]).findMethod(name);
                if (method == null) {
                    throw Condition.raise("Cannot find method " + name.name + " for object", a[0]);
                }
                Object[] args = new Object[a.length - 1];
                args[0] = a[0];
                System.arraycopy(a, 2, args, 1, a.length - 2);
                m.apply(method, args);
            }
        });
        return classes;
    }

    /** make-point and calling the type: construct, then run the constructor method if the type names one. */
    static final class Constructor extends ControlPrim {
        final ObjType type;

        Constructor(ObjType type, String name) {
            super(name, 0, -1);
            this.type = type;
        }

        @Override
        public void invoke(Interp m, Object[] a) {
            make(m, type, name, a);
        }
    }

    public static void make(Interp m, ObjType t, String who, Object[] args) {
        if (t.constructor == null) {
            m.val = construct(t, who, args);
            return;
        }
        Object init = t.findMethod(t.constructor);
        if (init == null) throw Condition.raise("Cannot find constructor method " + t.constructor.name + " for", t);
        ObjType.Obj obj = new ObjType.Obj(t, new Object[t.slots.length]);
        java.util.Arrays.fill(obj.slots, Boolean.FALSE);
        Object[] callArgs = new Object[args.length + 1];
        callArgs[0] = obj;
        System.arraycopy(args, 0, callArgs, 1, args.length);
        m.push(new ControlPrims.ReturnValue(obj));
        m.apply(init, callArgs);
    }

    /** Positional arguments for a struct; keyword arguments (slot: value) for a class. */
    static Object construct(ObjType t, String who, Object[] args) {
        Object[] slots = new Object[t.slots.length];
        java.util.Arrays.fill(slots, Boolean.FALSE);
        if (t.struct) {
            if (args.length != slots.length) throw Condition.wrongArgs(who, args);
            System.arraycopy(args, 0, slots, 0, args.length);
        } else {
            if (args.length % 2 != 0) throw Condition.wrongArgs(who, args);
            for (int i = 0; i < args.length; i += 2) {
                if (!(args[i] instanceof Keyword k)) {
                    throw new SchemeError(new Condition(Condition.Kind.KEYWORD, "Keyword argument expected",
                            List.of(), who, List.of(args), i + 1));
                }
                int idx = t.slotIndex(k.name);
                if (idx < 0) throw Condition.raise("Unknown slot " + k.name + " for class " + t.name);
                slots[idx] = args[i + 1];
            }
        }
        return new ObjType.Obj(t, slots);
    }
}
