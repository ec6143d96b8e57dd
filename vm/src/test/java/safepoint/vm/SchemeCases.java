package safepoint.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a {@link CaseFile.Section} of Scheme programs on one fresh {@link VmFixture}. */
public final class SchemeCases {
    private SchemeCases() {}

    /** Each step in order: setup is loaded, values are compared as written, errors by their text. */
    public static void check(CaseFile.Section section) {
        VmFixture f = new VmFixture();
        for (CaseFile.Step s : section.steps()) {
            switch (s.expect()) {
                case NONE -> f.run(s.input());
                case VALUE -> assertEquals(s.expected(), f.eval(s.input()), s.where());
                case MATCHES -> {
                    String v = f.eval(s.input());
                    assertTrue(v.matches(s.expected()), s.where() + " gave " + v);
                }
                case ERROR_CONTAINS -> {
                    String err = f.error(s.input());
                    assertTrue(err.contains(s.expected()), s.where() + " gave " + err);
                }
            }
        }
    }
}
