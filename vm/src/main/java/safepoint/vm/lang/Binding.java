package safepoint.vm.lang;

import safepoint.vm.interp.Global;

/** What an identifier means at a point of the program. */
sealed interface Binding {
    record Local(Scope scope, int slot) implements Binding {}

    record Global(safepoint.vm.interp.Global cell) implements Binding {}

    record Macro(safepoint.vm.lang.Macro macro) implements Binding {}

    record Special(SpecialForm form) implements Binding {}
}
