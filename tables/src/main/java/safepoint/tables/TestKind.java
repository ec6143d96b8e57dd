package safepoint.tables;

/**
 * How a table compares keys. Every kind but {@link #PROCEDURE} is computed by the host in Java
 * ({@link TableHost#test}); a PROCEDURE test is asked for with {@link Step.NeedTest}.
 */
public enum TestKind {
    /** {@code eq?} */
    EQ,
    /** {@code eqv?} */
    EQV,
    /** {@code equal?} */
    EQUAL,
    /** {@code ##string=?} */
    STRING,
    /** A user {@code test:} procedure. */
    PROCEDURE
}
