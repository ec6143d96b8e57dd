package safepoint.vm.std;

import safepoint.vm.SchemeCaseSuite;

/**
 * The text modules (:std/text/hex, base64, utf8, json, csv, ...): each page's documented
 * examples and edge cases, as data in /cases/StdTextTest.cases.
 */
class StdTextTest extends SchemeCaseSuite {}
