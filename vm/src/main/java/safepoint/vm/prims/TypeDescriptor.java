package safepoint.vm.prims;

import safepoint.vm.data.Printable;
import safepoint.vm.data.Serials;

/**
 * A stand-in for one of Gambit's built-in structure types (table, port), so type errors can say
 * what gsi says: {@code (Argument 1) Instance of #<type #6 table> expected}, where 6 is the type's
 * serial number in this VM.
 */
final class TypeDescriptor implements Printable {
    static final TypeDescriptor TABLE = new TypeDescriptor("table");
    static final TypeDescriptor PORT = new TypeDescriptor("port");

    final String name;

    private TypeDescriptor(String name) {
        this.name = name;
    }

    /** The type name for {@code Condition.typeError}. */
    String expected(Serials vm) {
        StringBuilder b = new StringBuilder("Instance of ");
        printOn(b, true, vm);
        return b.toString();
    }

    @Override
    public void printOn(StringBuilder out, boolean write, Serials vm) {
        out.append("#<type").append(vm.tag(this)).append(' ').append(name).append('>');
    }
}
