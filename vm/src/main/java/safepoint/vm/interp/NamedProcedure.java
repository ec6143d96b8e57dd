package safepoint.vm.interp;

import safepoint.vm.data.Printable;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.Serials;

/**
 * A procedure of the interpreter that prints as gsi does: {@code #<procedure #n name>}, or
 * {@code #<procedure #n>} without a name. The name is printed as it is (unlike a primitive's,
 * which the printer writes as a symbol). Anonymous unless a subclass names it.
 */
abstract class NamedProcedure extends Procedure implements Printable {
    @Override
    public String name() {
        return null;
    }

    /** The name to print, or null for none; by default {@link #name()}. */
    String printedName(Serials vm) {
        return name();
    }

    @Override
    public final void printOn(StringBuilder out, boolean write, Serials vm) {
        out.append("#<procedure").append(vm.tag(this));
        String name = printedName(vm);
        if (name != null) out.append(' ').append(name);
        out.append('>');
    }
}
