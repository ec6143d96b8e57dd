package safepoint.vm;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** A suite whose Scheme programs and their values are data: its class's {@link CaseFile}, a fresh machine per section. */
public abstract class SchemeCaseSuite {
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CaseFile.OfTestClass.class)
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    public void section(CaseFile.Section section) {
        SchemeCases.check(section);
    }
}
