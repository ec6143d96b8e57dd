package safepoint.vm.data;

import java.util.concurrent.ConcurrentHashMap;

/** A Gambit/Gerbil keyword, written {@code name:}; interned like symbols. */
public final class Keyword {
    private static final ConcurrentHashMap<String, Keyword> TABLE = new ConcurrentHashMap<>();

    /** The name without the trailing colon. */
    public final String name;
    /** False for one made by string->uninterned-keyword: eq? to no other keyword, written #:name:. */
    public final boolean interned;

    private Keyword(String name) {
        this(name, true);
    }

    private Keyword(String name, boolean interned) {
        this.name = name;
        this.interned = interned;
    }

    public static Keyword uninterned(String name) {
        return new Keyword(name, false);
    }

    /** The names (without the colon) of every interned keyword so far, sorted (the REPL completes them). */
    public static java.util.List<String> names() {
        java.util.List<String> names = new java.util.ArrayList<>(TABLE.keySet());
        java.util.Collections.sort(names);
        return names;
    }

    public static Keyword of(String name) {
        Keyword k = TABLE.get(name);
        return k != null ? k : TABLE.computeIfAbsent(name, Keyword::new);
    }

    @Override
    public String toString() {
        return name + ":";
    }
}
