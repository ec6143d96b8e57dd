package safepoint.vm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The monitor-order checker sees only the acquisitions that report to it, so every
 * {@code synchronized} in the VM's sources must report (its next line calls
 * {@code MonitorOrder.entered}): one left out is how a background run once deadlocked unseen
 * (the REPL held the machine's monitor while a processor, holding the scheduler, asked for it).
 * The exceptions are listed with the reason they take no VM monitor.
 */
class MonitorsNamedTest {
    /** Files whose monitors are their own handshakes between Java threads, outside the VM's order. */
    private static final Map<String, String> OUTSIDE = Map.of(
            "ExpansionTime.java", "a handshake between the compiling thread and its helper; it holds nothing else",
            "SeedSearch.java", "the search's own result maps, taken by workers between runs, holding nothing");

    private static final Pattern SYNCHRONIZED = Pattern.compile("\\bsynchronized\\b(?!(Set|Map|List|SortedMap)\\()");

    @Test
    void everySynchronizedInTheVmReportsToTheChecker() throws IOException {
        List<String> unseen = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (OUTSIDE.containsKey(p.getFileName().toString())) continue;
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("/") || !SYNCHRONIZED.matcher(line.replaceAll("//.*", "")).find()) continue;
                    checked++;
                    String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
                    if (!next.contains("MonitorOrder.entered(")) unseen.add(p.getFileName() + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertTrue(checked > 40, "the scan found the VM's monitors: " + checked);
        assertEquals(List.of(), unseen, "synchronized without MonitorOrder.entered on its next line");
    }
}
