package safepoint.vm.data;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An interned symbol. Interning is by content, so one table may serve every VM in the JVM;
 * uninterned symbols (gensyms) are made by the VM that owns their counter.
 */
public final class Symbol {
    private static final ConcurrentHashMap<String, Symbol> TABLE = new ConcurrentHashMap<>();

    public final String name;
    public final boolean interned;

    private Symbol(String name, boolean interned) {
        this.name = name;
        this.interned = interned;
    }

    public static Symbol of(String name) {
        Symbol s = TABLE.get(name);
        return s != null ? s : TABLE.computeIfAbsent(name, n -> new Symbol(n, true));
    }

    /** A fresh uninterned symbol; callers (the VM) supply a unique name. */
    public static Symbol uninterned(String name) {
        return new Symbol(name, false);
    }

    @Override
    public String toString() {
        return name;
    }
}
