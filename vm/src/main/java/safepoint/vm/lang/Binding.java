package safepoint.vm.lang;

/** What an identifier means at a point of the program. */
sealed interface Binding {
    record Local(Scope scope, int slot) implements Binding {}

    record Global(safepoint.vm.lang.Global cell) implements Binding {}

    record Macro(safepoint.vm.lang.Macro macro) implements Binding {}

    record Special(SpecialForm form) implements Binding {}
}
