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

    /** An instance of a struct or class. */
    static final class Obj extends safepoint.vm.data.HeapObj implements Printable {
        final ObjType type;
        final Object[] slots;

        Obj(ObjType type, Object[] slots) {
            this.type = type;
            this.slots = slots;
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
