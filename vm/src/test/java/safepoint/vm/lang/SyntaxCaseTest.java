package safepoint.vm.lang;

import safepoint.vm.CaseFile;
import safepoint.vm.SchemeCases;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** defsyntax with syntax-case, the common cases (cons.io reference/gerbil/prelude/macros.md). */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SyntaxCaseTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("sections")
    void section(CaseFile.Section section) {
        SchemeCases.check(section);
    }

    /** The sections of syntax-case.cases, one fresh machine each. */
    static List<CaseFile.Section> sections() {
        return CaseFile.sections("syntax-case.cases");
    }
}
