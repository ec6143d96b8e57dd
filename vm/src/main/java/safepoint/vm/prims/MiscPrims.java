package safepoint.vm.prims;

import java.time.Instant;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.Special;

/**
 * Equivalence, booleans, {@code void}, clocks and serial numbers. The clocks read the host's
 * real time, so they are the one nondeterministic input here: controlled-mode runs that need
 * reproducible output must not print them.
 */
public final class MiscPrims {
    private MiscPrims() {}

    /** real-time counts from VM class load, close enough to gsi's process start. */
    private static final long START_NANOS = System.nanoTime();

    public static void install(PrimitiveSink sink) {
        ProcessPrims.install(sink);
        sink.add(Primitive.of2("eq?", true, (c, x, y) -> Equality.eq(x, y)));
        sink.add(Primitive.of2("eqv?", true, (c, x, y) -> Equality.eqv(x, y)));
        sink.add(Primitive.of2("equal?", true, (c, x, y) -> Equality.equal(x, y, c)));
        sink.add(Primitive.of1("not", true, (c, x) -> x == Boolean.FALSE));
        sink.add(Primitive.of1("boolean?", true, (c, x) -> x instanceof Boolean));
        sink.add(Primitive.ofN("boolean=?", 0, -1, true, (c, args) -> {
            for (int i = 0; i < args.length; i++) {
                if (!(args[i] instanceof Boolean)) throw Condition.typeError("boolean=?", i + 1, "BOOLEAN", args);
            }
            for (int i = 0; i + 1 < args.length; i++) if (!args[i].equals(args[i + 1])) return false;
            return true;
        }));
        sink.add(Primitive.of1("procedure?", true, (c, x) -> x instanceof Procedure));
        // Gerbil's void takes any arguments (doc/reference/gerbil/runtime/special-objects.md).
        sink.add(Primitive.ofN("void", 0, -1, true, (c, args) -> Special.VOID));
        sink.add(Primitive.of1("identity", true, (c, x) -> x));
        sink.add(Primitive.of0("current-jiffy", true, c -> {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        }));
        sink.add(Primitive.of0("jiffies-per-second", true, c -> 1_000_000L));
        sink.add(Primitive.of0("current-second", true, c -> System.currentTimeMillis() / 1000.0));
        sink.add(Primitive.of0("real-time", true, c -> (System.nanoTime() - START_NANOS) / 1e9));
        sink.add(Primitive.of0("cpu-time", true, c -> ProcessHandle.current().info().totalCpuDuration()
                .map(d -> d.toNanos() / 1e9).orElse(0.0)));
        sink.add(Primitive.of1("object->serial-number", true, (c, x) -> c.serials().serial(x)));
    }
}
