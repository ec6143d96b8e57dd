package safepoint.tables;

import java.util.Objects;

/** A table's {@code test} field: a builtin kind, or a host procedure the table never calls itself. */
public record TestSpec(TestKind kind, Object procedure) {
    public static final TestSpec EQ = new TestSpec(TestKind.EQ, null);
    public static final TestSpec EQV = new TestSpec(TestKind.EQV, null);
    public static final TestSpec EQUAL = new TestSpec(TestKind.EQUAL, null);
    public static final TestSpec STRING = new TestSpec(TestKind.STRING, null);

    public TestSpec {
        Objects.requireNonNull(kind);
        if ((kind == TestKind.PROCEDURE) != (procedure != null))
            throw new IllegalArgumentException("a procedure goes with kind PROCEDURE, and only with it");
    }

    public static TestSpec procedure(Object procedure) {
        return new TestSpec(TestKind.PROCEDURE, Objects.requireNonNull(procedure));
    }

    public boolean isProcedure() {
        return kind == TestKind.PROCEDURE;
    }
}
