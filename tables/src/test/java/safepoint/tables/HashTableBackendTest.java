package safepoint.tables;

import static org.junit.jupiter.api.Assertions.*;
import static safepoint.tables.HashTableBackend.*;

import org.junit.jupiter.api.Test;

class HashTableBackendTest {
    @Test
    void followsGerbilsOrder() {
        assertEquals(GAMBIT_TABLE, choose(true, TestArg.EQ, HashArg.NONE, false));
        assertEquals(GC_TABLE, choose(false, TestArg.EQ, HashArg.NONE, false));
        assertEquals(GC_TABLE, choose(false, TestArg.EQ, HashArg.EQ, false));
        assertEquals(EQ, choose(false, TestArg.EQ, HashArg.NONE, true));
        assertEquals(EQV, choose(false, TestArg.EQV, HashArg.NONE, false));
        assertEquals(SYMBOLIC, choose(false, TestArg.EQ, HashArg.SYMBOLIC, false));
        assertEquals(IMMEDIATE, choose(false, TestArg.EQ, HashArg.IMMEDIATE, true));
        assertEquals(STRING, choose(false, TestArg.EQUAL, HashArg.STRING, false));
        assertEquals(STRING, choose(false, TestArg.STRING, HashArg.STRING, false));
        assertEquals(EQUAL, choose(false, TestArg.EQUAL, HashArg.NONE, false));
        assertEquals(GENERIC, choose(false, TestArg.OTHER, HashArg.OTHER, false));
        assertEquals(GENERIC, choose(false, TestArg.EQ, HashArg.EQV, false));
        assertEquals(BAD_HASH, choose(false, TestArg.STRING, HashArg.NONE, false));
        assertEquals(BAD_HASH, choose(false, TestArg.OTHER, HashArg.NONE, false));
    }
}
