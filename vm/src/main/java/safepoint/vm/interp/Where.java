package safepoint.vm.interp;

import safepoint.vm.data.Src;

/**
 * Where a call sits: the enclosing procedure's name (or null at top level), its source, and, for
 * a debugger level, the variables in scope there ({@link Locals}; null at top level) and the call
 * as written ({@code form}, a datum that may hold the compiler's renamed identifiers; or null).
 */
public record Where(String procName, Src src, Locals locals, Object form) {
    public Where(String procName, Src src) {
        this(procName, src, null, null);
    }

    /** An error's place as a Where: a reader's error carries only its {@link Src} (a file being imported). */
    public static Where of(Object place) {
        if (place instanceof Where w) return w;
        if (place instanceof Src s) return new Where(null, s);
        return null;
    }
}
