package safepoint.vm.print;

import safepoint.vm.data.Condition;
import safepoint.vm.data.Src;
import safepoint.vm.data.VmState;

/** STUB: Gambit's error message texts; the printer work item writes the real one. */
public final class ErrorText {
    private ErrorText() {}

    public static String render(Object payload, VmState vm) {
        if (payload instanceof Condition c) {
            StringBuilder sb = new StringBuilder(c.message);
            for (Object o : c.irritants) sb.append(' ').append(Printer.write(o, vm));
            return sb.toString();
        }
        return "This object was raised: " + Printer.write(payload, vm);
    }

    public static String locationLine(Src where, String procName) {
        if (where == null) return "*** ERROR -- ";
        return "*** ERROR IN " + (procName != null ? procName + ", " : "") + where + " -- ";
    }
}
