package safepoint.vm.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import safepoint.vm.data.Printable;
import safepoint.vm.interp.Applicable;
import safepoint.vm.interp.Interp;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Serials;

/**
 * A Gerbil struct or class type ({@code defstruct}, {@code defclass}): its slots (inherited ones
 * first), its C3 precedence list and its methods. Calling the type constructs an instance:
 * positionally for a struct, with keywords for a class (cons.io guide/intro.md "Objective Gerbil").
 */
public final class ObjType extends Procedure implements Printable, Applicable {
    public final String name;
    final boolean struct;
    final List<ObjType> supers;
    final String[] slots;
    final List<ObjType> precedence;
    final Map<Symbol, Object> methods = new java.util.concurrent.ConcurrentHashMap<>();
    /** The slots equal? compares (transparent: or equal:), by index; null when instances compare by identity. */
    int[] equalSlots;
    /** A method name (constructor: :init!) applied to each new instance with the constructor's arguments, or null. */
    Symbol constructor;

    ObjType(String name, boolean struct, List<ObjType> supers, List<String> ownSlots) {
        this.name = name;
        this.struct = struct;
        this.supers = supers;
        this.precedence = C3.linearize(this);
        List<String> all = new ArrayList<>();
        // Slots of the most general types first, then each more specific type's own slots.
        for (int i = precedence.size() - 1; i >= 1; i--) {
            for (String s : precedence.get(i).ownSlots()) if (!all.contains(s)) all.add(s);
        }
        for (String s : ownSlots) if (!all.contains(s)) all.add(s);
        this.slots = all.toArray(new String[0]);
        this.own = ownSlots;
    }

    private final List<String> own;

    List<String> ownSlots() {
        return own;
    }

    int slotIndex(String slot) {
        for (int i = slots.length - 1; i >= 0; i--) if (slots[i].equals(slot)) return i;
        return -1;
    }

    boolean isSubtypeOf(ObjType t) {
        return precedence.contains(t);
    }

    /** The method {@code name} found along the precedence list, or null. */
    Object findMethod(Symbol name) {
        for (ObjType t : precedence) {
            Object m = t.methods.get(name);
            if (m != null) return m;
        }
        return null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void printOn(StringBuilder out, boolean write, Serials vm) {
        out.append("#<type").append(vm.tag(this)).append(' ').append(name).append('>');
    }

    /** What an instance of Gerbil's {@code Error} class (std/error.ss) says: its class's name, message and irritants. */
    public record GerbilError(String className, Object message, List<Object> irritants) {}

    /**
     * {@code x} as a Gerbil error (an instance of a class whose precedence list holds one named
     * {@code Error} with a {@code message} slot), or null: the report of an uncaught one is
     * Gerbil's {@code [Class]: message} and {@code --- irritants: ...}, not "This object was raised".
     */
    public static GerbilError gerbilError(Object x) {
        if (!(x instanceof Obj o)) return null;
        boolean error = false;
        for (ObjType t : o.type.precedence) error |= t.name.equals("Error") && !t.struct;
        int message = o.type.slotIndex("message");
        if (!error || message < 0) return null;
        int irritants = o.type.slotIndex("irritants");
        List<Object> list = new ArrayList<>();
        for (Object l = irritants < 0 ? null : o.slots[irritants]; l instanceof safepoint.vm.data.Pair p; l = p.cdr) list.add(p.car);
        return new GerbilError(o.type.name, o.slots[message], List.copyOf(list));
    }

    /** An instance of a struct or class. */
    static final class Obj extends safepoint.vm.data.HeapObj implements Printable, safepoint.vm.data.FieldEquality {
        final ObjType type;
        final Object[] slots;

        Obj(ObjType type, Object[] slots) {
            this.type = type;
            this.slots = slots;
        }

        @Override
        public Object equalityType() {
            return type;
        }

        @Override
        public boolean byFields() {
            return type.equalSlots != null;
        }

        @Override
        public Object[] equalFields() {
            int[] which = type.equalSlots;
            if (which == null) return null;
            Object[] out = new Object[which.length];
            for (int i = 0; i < which.length; i++) out[i] = slots[which[i]];
            return out;
        }

        @Override
        public void printOn(StringBuilder out, boolean write, Serials vm) {
            out.append("#<").append(type.name).append(vm.tag(this)).append('>');
        }
    }

    /** Applying a class makes an instance (Gerbil's make-instance). */
    @Override
    public void applyTo(Interp m, Object[] args) {
        ObjectForms.make(m, this, name, args);
    }
}
