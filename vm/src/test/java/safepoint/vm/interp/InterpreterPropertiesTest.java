package safepoint.vm.interp;

import safepoint.vm.CaseFile;
import safepoint.vm.SchemeCases;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The properties DESIGN.md's interpreter technique promises, each shown by a program. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterpreterPropertiesTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("sections")
    void section(CaseFile.Section section) {
        SchemeCases.check(section);
    }

    /** The sections of interpreter-properties.cases, one fresh machine each. */
    static List<CaseFile.Section> sections() {
        return CaseFile.sections("interpreter-properties.cases");
    }
}
