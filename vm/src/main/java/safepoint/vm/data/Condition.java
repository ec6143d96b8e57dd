package safepoint.vm.data;

import java.util.List;

/**
 * A Gambit exception object: what primitives raise and what {@code error} builds. The kinds
 * follow Gambit's names ({@code type-exception}, {@code error-exception}, ...), so predicates
 * and messages can match gsi's. Rendering to text lives in {@code print.ErrorText}.
 */
public final class Condition extends HeapObj {
    public enum Kind {
        ERROR("error-exception"),
        TYPE("type-exception"),
        RANGE("range-exception"),
        UNBOUND_GLOBAL("unbound-global-exception"),
        WRONG_ARGS("wrong-number-of-arguments-exception"),
        NONPROCEDURE("nonprocedure-operator-exception"),
        DIVIDE_BY_ZERO("divide-by-zero-exception"),
        KEYWORD("keyword-expected-exception"),
        UNKNOWN_KEYWORD("unknown-keyword-argument-exception"),
        READ("datum-parsing-exception"),
        SYNTAX("syntax-error"),
        FILE("file-exception"),
        HEAP_OVERFLOW("heap-overflow-exception"),
        UNCAUGHT("uncaught-exception"),
        JOIN_TIMEOUT("join-timeout-exception"),
        TERMINATED_THREAD("terminated-thread-exception"),
        ABANDONED_MUTEX("abandoned-mutex-exception"),
        DEADLOCK("deadlock-exception"),
        UNBOUND_TABLE_KEY("unbound-table-key-exception"),
        INVALID_UTF8("invalid-utf8-encoding-exception"),
        OTHER("exception");

        public final String gambitName;

        Kind(String gambitName) {
            this.gambitName = gambitName;
        }
    }

    public final Kind kind;
    /** The user's message (ERROR), or a fixed text for the other kinds. */
    public final String message;
    /** ERROR: the irritants. */
    public final List<Object> irritants;
    /** The procedure (or operator) involved, when there is one. */
    public final Object proc;
    /** The arguments of the failing call, when known. */
    public final List<Object> args;
    /** 1-based index of the offending argument, or 0. */
    public final int argIndex;
    /** ERROR: the message object as given to {@code error} when it is not a string (gsi displays it). */
    public Object messageObject;

    public Condition(Kind kind, String message, List<Object> irritants, Object proc, List<Object> args, int argIndex) {
        this.kind = kind;
        this.message = message;
        this.irritants = irritants;
        this.proc = proc;
        this.args = args;
        this.argIndex = argIndex;
    }

    /** The heap-overflow condition (gsi's heap-overflow-exception), raised when the live data do not fit. */
    public static Condition heapOverflow() {
        return new Condition(Kind.HEAP_OVERFLOW, "Heap overflow", List.of(), null, List.of(), 0);
    }

    public static Condition error(String message, List<Object> irritants) {
        return new Condition(Kind.ERROR, message, irritants, null, List.of(), 0);
    }

    /** An argument checked to be a {@code type}: {@code x} itself, or the type error gsi reports. */
    public static <T> T cast(Class<T> type, Object x, String procName, int argIndex, String typeName, Object... args) {
        if (type.isInstance(x)) return type.cast(x);
        throw typeError(procName, argIndex, typeName, args);
    }

    /** {@code (Argument n) PAIR expected}: {@code type} is Gambit's upper-case type name. */
    public static SchemeError typeError(String procName, int argIndex, String type, Object... args) {
        return new SchemeError(new Condition(Kind.TYPE, type + " expected", List.of(), procName, List.of(args), argIndex));
    }

    public static SchemeError rangeError(String procName, int argIndex, Object... args) {
        return new SchemeError(new Condition(Kind.RANGE, "Out of range", List.of(), procName, List.of(args), argIndex));
    }

    public static SchemeError divideByZero(String procName, Object... args) {
        return new SchemeError(new Condition(Kind.DIVIDE_BY_ZERO, "Divide by zero", List.of(), procName, List.of(args), 0));
    }

    public static SchemeError wrongArgs(Object proc, Object... args) {
        return new SchemeError(new Condition(Kind.WRONG_ARGS, "Wrong number of arguments passed to procedure", List.of(), proc, List.of(args), 0));
    }

    public static SchemeError unboundGlobal(Symbol name) {
        return new SchemeError(new Condition(Kind.UNBOUND_GLOBAL, "Unbound variable: " + name.name, List.of(), name, List.of(), 0));
    }

    public static SchemeError nonProcedure(Object op, Object... args) {
        return new SchemeError(new Condition(Kind.NONPROCEDURE, "Operator is not a PROCEDURE", List.of(), op, List.of(args), 0));
    }

    /** A plain error with Gambit's {@code error} formatting: message then written irritants. */
    public static SchemeError raise(String message, Object... irritants) {
        return new SchemeError(error(message, List.of(irritants)));
    }

    public static SchemeError of(Kind kind, String message) {
        return new SchemeError(new Condition(kind, message, List.of(), null, List.of(), 0));
    }

    public String message() {
        return message;
    }
}
