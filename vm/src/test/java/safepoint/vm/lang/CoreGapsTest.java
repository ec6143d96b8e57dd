package safepoint.vm.lang;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.SchemeCaseSuite;

/**
 * The core forms issue 15 found missing, each from its Gerbil page (cited per section in
 * /cases/CoreGapsTest.cases): defsyntax/unhygienic, defcheck-argument-type, for's (values k v)
 * binding, and defrules' heads and literals.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CoreGapsTest extends SchemeCaseSuite {}
