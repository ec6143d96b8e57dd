package safepoint.vm.prims;

import safepoint.vm.SchemeCaseSuite;

/**
 * A string is a sequence of code points (R7RS 6.7, as in Gambit): a character beyond the Basic
 * Multilingual Plane is one character to every string primitive, to ports, the reader and the
 * printer. Cases in /cases/StringsOfCodePointsTest.cases.
 */
class StringsOfCodePointsTest extends SchemeCaseSuite {}
