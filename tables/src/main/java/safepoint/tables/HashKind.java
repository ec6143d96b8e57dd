package safepoint.tables;

/**
 * How a table hashes its keys. Every kind but {@link #PROCEDURE} is computed by the host in Java
 * ({@link TableHost#hash}); a PROCEDURE hash is a Scheme procedure that only the VM can call, so the
 * table asks for it with {@link Step.NeedHash}.
 */
public enum HashKind {
    /** Gerbil's {@code eq-hash}. */
    EQ,
    /** Gerbil's {@code eqv-hash}: numbers by value, else eq-hash. */
    EQV,
    /** Gambit's {@code equal?-hash}. */
    EQUAL,
    /** {@code ##string=?-hash}. */
    STRING,
    /** {@code ##symbol-hash} (symbols and keywords). */
    SYMBOL,
    /** {@code immediate-hash}: the object word of a non-heap object. */
    IMMEDIATE,
    /** A user {@code hash:} procedure. */
    PROCEDURE
}
