package safepoint.vm.interp;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.SchemeCaseSuite;

/**
 * A returning handler's value replaces the failing primitive call's value alone, wherever the
 * compiler evaluated that call inline (SchemeError.waiting): each case in
 * /cases/HandlerValuesTest.cases gives the value gsi 4.9.3 gave for the same program.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandlerValuesTest extends SchemeCaseSuite {}
