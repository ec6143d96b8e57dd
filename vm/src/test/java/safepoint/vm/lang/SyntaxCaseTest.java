package safepoint.vm.lang;

import safepoint.vm.SchemeCaseSuite;

/** defsyntax with syntax-case, the common cases (cons.io reference/gerbil/prelude/macros.md). */
class SyntaxCaseTest extends SchemeCaseSuite {
    // Its cases: /cases/SyntaxCaseTest.cases
}
