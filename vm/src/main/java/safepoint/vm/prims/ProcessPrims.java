package safepoint.vm.prims;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.Symbol;

/**
 * The process context (R7RS 6.14): environment variables, the command line, {@code features}.
 * The environment is the host's, read when asked: like the clocks it is an input a controlled
 * run does not choose, so a program whose output must replay should not print it.
 * {@link #commandLine} is the one place the command line is made; the command sets it for
 * {@code run FILE}, otherwise it is {@code ("safepoint")}.
 */
public final class ProcessPrims {
    private ProcessPrims() {}

    /** What this implementation is (cond-expand's features too, where it asks). */
    public static final List<String> FEATURES = List.of("r7rs", "exact-closed", "ratios", "full-unicode", "ieee-float",
            "gambit", "gerbil", "safepoint");

    public static void install(PrimitiveSink sink) {
        sink.add(commandLine(List.of("safepoint")));
        sink.add(Primitive.of1("get-environment-variable", true, (c, n) -> {
            if (!(n instanceof MString s)) throw Condition.typeError("get-environment-variable", 1, "STRING", n);
            String v = System.getenv(s.toString());
            return v == null ? Boolean.FALSE : CharStringPrims.newString(c, v);
        }));
        sink.add(Primitive.of0("get-environment-variables", true, c -> {
            Object l = Nil.NIL;
            // sorted, so a listing is the same from run to run
            for (Map.Entry<String, String> e : new TreeMap<>(System.getenv()).descendingMap().entrySet()) {
                l = c.cons(c.cons(CharStringPrims.newString(c, e.getKey()), CharStringPrims.newString(c, e.getValue())), l);
            }
            return l;
        }));
        // gsi 4.9.3 takes an optional argument it does not document; it is ignored here
        sink.add(Primitive.ofN("features", 0, 1, true, (c, args) -> {
            Object l = Nil.NIL;
            for (int i = FEATURES.size() - 1; i >= 0; i--) l = c.cons(Symbol.of(FEATURES.get(i)), l);
            return l;
        }));
    }

    /** The {@code command-line} procedure: a fresh list of fresh strings at each call, as R7RS may mutate it. */
    public static Primitive commandLine(List<String> words) {
        List<String> copy = List.copyOf(words);
        return Primitive.of0("command-line", true, c -> strings(c, copy));
    }

    private static Object strings(Ctx c, List<String> words) {
        Object l = Nil.NIL;
        for (int i = words.size() - 1; i >= 0; i--) l = c.cons(CharStringPrims.newString(c, words.get(i)), l);
        return l;
    }
}
