package safepoint.vm.lang;

import safepoint.vm.SchemeCaseSuite;

/** syntax-rules: matching, nested ellipses, literals, and hygiene in both directions (R7RS 4.3). */
class SyntaxRulesTest extends SchemeCaseSuite {
    // Its cases: /cases/SyntaxRulesTest.cases
}
