package safepoint.vm.std;

import safepoint.vm.SchemeCaseSuite;

/**
 * The concurrency modules' documented examples (doc/reference/std/misc/atom.md, threads.md,
 * sync.md, timeout.md, queue.md, deque.md, pqueue.md, std/events.md, std/coroutine.md in the
 * Gerbil repository), one section of /cases/ConcurrencyModulesTest.cases per example or group,
 * each checked for the value its page shows. The modules' own tests, run in free run and in
 * controlled mode, are repl's std-tests (ConcurrencyTestFilesTest).
 */
class ConcurrencyModulesTest extends SchemeCaseSuite {}
