package safepoint.repl;

import safepoint.tables.Policy;
import safepoint.vm.run.RunSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The replay command printed for a controlled run: the recorded schedule, which replay follows
 * choice by choice (a strategy rebuilt from a seed would need every parameter it was given and
 * measured, PCT's k among them), with every option that shapes a run besides: processors, the
 * heap, the step bound, the tables' locking policy and the machine's seed (the program's own
 * random numbers). A schedule
 * too long for a command line goes to a file in the system temp dir.
 */
final class ReplayCommand {
    private ReplayCommand() {}

    /** Schedules longer than this go to a file: a shell refuses an argument list far longer. */
    static final int SCHEDULE_SHOWN = 2000;

    /**
     * What a report shows for the schedule (it, or where it was written) and the replay command's
     * words after {@code ./safepoint} (null when the file could not be written).
     */
    record Printed(String shown, String command) {}

    /** For a run of {@code file} with settings {@code s} (controlled) and recorded {@code schedule}. */
    static Printed of(String file, RunSettings s, String schedule) {
        String options = options(s);
        if (schedule.length() <= SCHEDULE_SHOWN) {
            return new Printed(schedule, "replay " + Shell.quote(file) + options + " --schedule " + Shell.quote(schedule));
        }
        Path path = Path.of(System.getProperty("java.io.tmpdir"), "safepoint-" + stem(file) + "-"
                + String.format("%08x", schedule.hashCode()) + ".schedule");
        String size = String.format(java.util.Locale.ROOT, "%,d characters", schedule.length());
        try {
            Files.writeString(path, schedule + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new Printed(size + ", too long to show, and it could not be written to " + path + " (" + e.getMessage() + ")", null);
        }
        return new Printed(size + ", written to " + path + " (in the system temp dir)",
                "replay " + Shell.quote(file) + options + " --schedule-file " + Shell.quote(path.toString()));
    }

    /** The options besides the schedule that shape the run, each only when it is not replay's default. */
    static String options(RunSettings s) {
        StringBuilder sb = new StringBuilder(" -p " + s.processors());
        if (s.heapBytes() != RunSettings.DEFAULT_HEAP_BYTES) sb.append(" --heap ").append(size(s.heapBytes()));
        if (s.control() != null && s.control().maxSteps() != RunSettings.DEFAULT_MAX_STEPS) sb.append(" --max-steps ").append(s.control().maxSteps());
        if (s.locks() != Policy.DEFAULT) sb.append(" --locks ").append(s.locks().cliName());
        if (s.control() != null && s.control().seed() != 0) sb.append(" --seed ").append(s.control().seed());
        return sb.toString();
    }

    /** A size as --heap reads it: the largest unit that divides it exactly. */
    static String size(long bytes) {
        if (bytes % (1L << 30) == 0) return (bytes >> 30) + "g";
        if (bytes % (1L << 20) == 0) return (bytes >> 20) + "m";
        if (bytes % (1L << 10) == 0) return (bytes >> 10) + "k";
        return Long.toString(bytes);
    }

    /** The program's file name without directories or extension, in characters safe for a file name. */
    private static String stem(String file) {
        String name = Path.of(file).getFileName() == null ? "program" : Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        name = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return name.isEmpty() ? "program" : name;
    }
}
