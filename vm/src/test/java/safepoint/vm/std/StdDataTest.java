package safepoint.vm.std;

import safepoint.vm.SchemeCaseSuite;

/**
 * The data modules (:std/values, :std/misc/hash, alist, plist, func, number, vector, bytes, ...):
 * each page's documented examples and edge cases, as data in /cases/StdDataTest.cases.
 */
class StdDataTest extends SchemeCaseSuite {}
