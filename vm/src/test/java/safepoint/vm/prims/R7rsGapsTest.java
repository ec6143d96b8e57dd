package safepoint.vm.prims;

import safepoint.vm.SchemeCaseSuite;

/**
 * R7RS procedures an outside suite (chibi's r7rs-tests) found missing or wrong, as gsi 4.9.3
 * has them where Gambit has them: ports, bytevector ports, the process context. Cases in
 * /cases/R7rsGapsTest.cases.
 */
class R7rsGapsTest extends SchemeCaseSuite {}
