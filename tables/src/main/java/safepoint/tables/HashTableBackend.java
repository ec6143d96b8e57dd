package safepoint.tables;

/**
 * Which table {@code make-hash-table} builds (Gerbil src/gerbil/runtime/hash.ss), decided in
 * Gerbil's order from the weak-keys/weak-values options, the {@code test:}, the {@code hash:} and
 * whether {@code seed:} was given. Raw tables made here get a random seed unless one is given
 * (the VM draws it: {@code random-integer max-fixnum32}).
 */
public enum HashTableBackend {
    /** weak-keys or weak-values: a Gambit {@code make-table}. */
    GAMBIT_TABLE,
    /** eq? with no (or the eq) hash and no seed: a gc-hash-table. */
    GC_TABLE,
    /** eq? with a seed: a raw eq-table. */
    EQ,
    EQV,
    SYMBOLIC,
    IMMEDIATE,
    STRING,
    /** equal? with no hash: a generic raw table on Gambit's equal?-hash. */
    EQUAL,
    /** The user's hash and test procedures. */
    GENERIC,
    /** No hash procedure where one is needed: "bad hash table hash function; expected procedure". */
    BAD_HASH;

    /** What the {@code test:} argument is. */
    public enum TestArg { EQ, EQV, EQUAL, STRING, OTHER }

    /** What the {@code hash:} argument is; NONE when not given. */
    public enum HashArg { NONE, EQ, EQV, SYMBOLIC, IMMEDIATE, STRING, OTHER }

    public static HashTableBackend choose(boolean weak, TestArg test, HashArg hash, boolean seedGiven) {
        boolean eqHash = hash == HashArg.NONE || hash == HashArg.EQ;
        if (weak) return GAMBIT_TABLE;
        if (test == TestArg.EQ && eqHash && !seedGiven) return GC_TABLE;
        if (test == TestArg.EQ && eqHash) return EQ;
        if (test == TestArg.EQV && (hash == HashArg.NONE || hash == HashArg.EQV)) return EQV;
        if (test == TestArg.EQ && hash == HashArg.SYMBOLIC) return SYMBOLIC;
        if (test == TestArg.EQ && hash == HashArg.IMMEDIATE) return IMMEDIATE;
        if ((test == TestArg.EQUAL || test == TestArg.STRING) && hash == HashArg.STRING) return STRING;
        if (test == TestArg.EQUAL && hash == HashArg.NONE) return EQUAL;
        if (hash == HashArg.NONE) return BAD_HASH;
        return GENERIC;
    }
}
