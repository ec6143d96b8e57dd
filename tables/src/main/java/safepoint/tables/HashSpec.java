package safepoint.tables;

import java.util.Objects;

/** A table's {@code hash} field: a builtin kind, or a host procedure the table never calls itself. */
public record HashSpec(HashKind kind, Object procedure) {
    public static final HashSpec EQ = new HashSpec(HashKind.EQ, null);
    public static final HashSpec EQV = new HashSpec(HashKind.EQV, null);
    public static final HashSpec EQUAL = new HashSpec(HashKind.EQUAL, null);
    public static final HashSpec STRING = new HashSpec(HashKind.STRING, null);
    public static final HashSpec SYMBOL = new HashSpec(HashKind.SYMBOL, null);
    public static final HashSpec IMMEDIATE = new HashSpec(HashKind.IMMEDIATE, null);

    public HashSpec {
        Objects.requireNonNull(kind);
        if ((kind == HashKind.PROCEDURE) != (procedure != null))
            throw new IllegalArgumentException("a procedure goes with kind PROCEDURE, and only with it");
    }

    public static HashSpec procedure(Object procedure) {
        return new HashSpec(HashKind.PROCEDURE, Objects.requireNonNull(procedure));
    }

    public boolean isProcedure() {
        return kind == HashKind.PROCEDURE;
    }
}
