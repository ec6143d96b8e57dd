package safepoint.repl.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** A one-line description of the JVM running the suite; its collector matters (DESIGN.md). */
public final class JvmInfo {
    private JvmInfo() {}

    public static String describe() {
        List<String> beans = new ArrayList<>();
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) beans.add(b.getName());
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", GC " + collector(beans) + " (" + String.join(", ", beans) + ")";
    }

    /** The collector's command-line name, from the names of its MX beans. */
    static String collector(List<String> beanNames) {
        String all = String.join(" ", beanNames);
        if (all.contains("PS ")) return "ParallelGC";
        if (all.contains("G1")) return "G1GC";
        if (all.contains("ZGC")) return "ZGC";
        if (all.contains("Shenandoah")) return "ShenandoahGC";
        if (all.contains("Epsilon")) return "EpsilonGC";
        if (all.contains("Copy") || all.contains("MarkSweepCompact")) return "SerialGC";
        return all.isEmpty() ? "unknown" : all;
    }
}
