package safepoint.vm.interp;

import safepoint.vm.SchemeCaseSuite;

/** The properties DESIGN.md's interpreter technique promises, each shown by a program. */
class InterpreterPropertiesTest extends SchemeCaseSuite {
    // Its cases: /cases/InterpreterPropertiesTest.cases
}
