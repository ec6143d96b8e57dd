package safepoint.vm.lang;

import safepoint.vm.SchemeCaseSuite;

/** Gerbil's gc-table runtime API (reference section 2.4), /cases/GcTablesTest.cases. */
class GcTablesTest extends SchemeCaseSuite {}
