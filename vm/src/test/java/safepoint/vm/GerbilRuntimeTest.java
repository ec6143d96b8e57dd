package safepoint.vm;

/**
 * Gerbil's runtime procedures (doc/reference/gerbil/runtime/ in the Gerbil repository, one page
 * per section of /cases/GerbilRuntimeTest.cases), each checked for the value its page describes.
 */
class GerbilRuntimeTest extends SchemeCaseSuite {}
