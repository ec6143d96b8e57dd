package safepoint.vm.lang;

import safepoint.vm.SchemeCaseSuite;

/**
 * Gerbil's raw-table runtime API (reference section 1.4: make-raw-table, the generic operations and
 * the eq, eqv, symbolic, string and immediate specializations), /cases/RawTablesTest.cases.
 */
class RawTablesTest extends SchemeCaseSuite {}
