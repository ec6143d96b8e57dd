package safepoint.vm.lang;

import java.math.BigInteger;
import java.util.List;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.Ratnum;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Symbol;

/**
 * Gerbil's system classes (cons.io guide/intro.html "System Classes"): every value has a class,
 * so methods can be defined on {@code :t}, {@code :object}, {@code :list}, {@code :number},
 * {@code :fixnum} and so on, and {@code {method x}} works on any value. Structs and classes
 * inherit from {@code object}; everything inherits from {@code t}.
 */
public final class SystemClasses {

    final ObjType T, OBJECT, LIST, PAIR, NULL, NUMBER, INTEGER, FIXNUM, BIGNUM, RATNUM, FLONUM, STRING, SYMBOL, KEYWORD,
        CHAR, BOOLEAN, VECTOR, U8VECTOR, PROCEDURE, HASH_TABLE, VOID, PORT;

    /** One set per VM: methods defined on system classes belong to that VM. */
    SystemClasses(LanguageHost vm) {
        {
            T = new ObjType("t", true, List.of(), List.of());
            OBJECT = new ObjType("object", true, List.of(T), List.of());
            LIST = new ObjType("list", true, List.of(T), List.of());
            PAIR = new ObjType("pair", true, List.of(LIST), List.of());
            NULL = new ObjType("null", true, List.of(LIST), List.of());
            NUMBER = new ObjType("number", true, List.of(T), List.of());
            INTEGER = new ObjType("integer", true, List.of(NUMBER), List.of());
            FIXNUM = new ObjType("fixnum", true, List.of(INTEGER), List.of());
            BIGNUM = new ObjType("bignum", true, List.of(INTEGER), List.of());
            RATNUM = new ObjType("ratnum", true, List.of(NUMBER), List.of());
            FLONUM = new ObjType("flonum", true, List.of(NUMBER), List.of());
            STRING = new ObjType("string", true, List.of(T), List.of());
            SYMBOL = new ObjType("symbol", true, List.of(T), List.of());
            KEYWORD = new ObjType("keyword", true, List.of(T), List.of());
            CHAR = new ObjType("char", true, List.of(T), List.of());
            BOOLEAN = new ObjType("boolean", true, List.of(T), List.of());
            VECTOR = new ObjType("vector", true, List.of(T), List.of());
            U8VECTOR = new ObjType("u8vector", true, List.of(T), List.of());
            PROCEDURE = new ObjType("procedure", true, List.of(T), List.of());
            HASH_TABLE = new ObjType("hash-table", true, List.of(T), List.of());
            VOID = new ObjType("void", true, List.of(T), List.of());
            PORT = new ObjType("port", true, List.of(T), List.of()); // :std/misc/ports defines its destroy
        }
        for (ObjType t : new ObjType[] {T, OBJECT, LIST, PAIR, NULL, NUMBER, INTEGER, FIXNUM, BIGNUM, RATNUM, FLONUM, STRING,
            SYMBOL, KEYWORD, CHAR, BOOLEAN, VECTOR, U8VECTOR, PROCEDURE, HASH_TABLE, VOID, PORT}) {
            vm.define(t.name + "::t", t);
        }
    }

    ObjType classOf(Object x) {
        if (x instanceof ObjType.Obj o) return o.type;
        if (x instanceof Pair) return PAIR;
        if (x == Nil.NIL) return NULL;
        if (x instanceof Long) return FIXNUM;
        if (x instanceof BigInteger) return BIGNUM;
        if (x instanceof Ratnum) return RATNUM;
        if (x instanceof Double) return FLONUM;
        if (x instanceof MString) return STRING;
        if (x instanceof Symbol) return SYMBOL;
        if (x instanceof Keyword) return KEYWORD;
        if (x instanceof SChar) return CHAR;
        if (x instanceof Boolean) return BOOLEAN;
        if (x instanceof SVector) return VECTOR;
        if (x instanceof Bytevector) return U8VECTOR;
        if (x instanceof HashTables.Table) return HASH_TABLE;
        if (x instanceof GcTables.GcTableObj g && g.hashTable) return HASH_TABLE; // make-hash-table's gc-hash-table
        if (x instanceof Procedure) return PROCEDURE;
        if (x instanceof safepoint.vm.data.Port) return PORT;
        return T;
    }
}
