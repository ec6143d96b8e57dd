package safepoint.vm.std;

import safepoint.vm.SchemeCaseSuite;

/**
 * The ports-and-files modules (:std/misc/ports, :std/os/temporaries, :std/misc/path) and the last
 * data modules (:std/misc/rbtree, ebits, :std/srfi/133): the pages' examples and edge cases, as
 * data in /cases/StdFilesTest.cases. Files are temporary files, deleted by the cases.
 */
class StdFilesTest extends SchemeCaseSuite {}
