package safepoint.vm.print;

import safepoint.vm.data.VmState;

/**
 * Gambit's printer: {@code write} and {@code display} representations exactly as gsi 4.9.3 prints
 * them. Iterative (no Java recursion on list depth), so a 100,000-deep list prints.
 *
 * <p>STUB: implemented by the printer work item.
 */
public final class Printer {
    private Printer() {}

    /** Append the written ({@code write}) or displayed ({@code display}) form of {@code o}. */
    public static void print(Object o, boolean write, StringBuilder out, VmState vm) {
        out.append(String.valueOf(o));
    }

    public static String write(Object o, VmState vm) {
        StringBuilder sb = new StringBuilder();
        print(o, true, sb, vm);
        return sb.toString();
    }

    public static String display(Object o, VmState vm) {
        StringBuilder sb = new StringBuilder();
        print(o, false, sb, vm);
        return sb.toString();
    }
}
