package safepoint.vm.lang;

import safepoint.vm.CaseFile;
import safepoint.vm.SchemeCases;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** syntax-rules: matching, nested ellipses, literals, and hygiene in both directions (R7RS 4.3). */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SyntaxRulesTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("sections")
    void section(CaseFile.Section section) {
        SchemeCases.check(section);
    }

    /** The sections of syntax-rules.cases, one fresh machine each. */
    static List<CaseFile.Section> sections() {
        return CaseFile.sections("syntax-rules.cases");
    }
}
