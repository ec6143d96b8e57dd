package safepoint.repl.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times a benchmark under Gambit's gsi, the reference: the same program file, loaded by a
 * generated driver that times bench-run with (real-time) the way {@link InProcess} does (one
 * cold run, then warm runs under the same {@link Policy}), checks every result with equal?,
 * and writes the times in microseconds. One fresh gsi process per benchmark.
 */
public final class Gsi {
    private Gsi() {}

    /** A gsi run that takes longer than this is killed and reported as a failure. */
    static final long PROCESS_LIMIT_SECONDS = 300;

    /** The gsi executable on the PATH, if there is one. */
    public static Optional<Path> locate() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "gsi");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** gsi's version ("v4.9.3"), or "unknown version". */
    public static String version(Path gsi) {
        try {
            Process p = new ProcessBuilder(gsi.toString(), "-v").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            int space = out.indexOf(' ');
            return out.isEmpty() ? "unknown version" : space < 0 ? out : out.substring(0, space);
        } catch (IOException e) {
            return "unknown version";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown version";
        }
    }

    public static Result run(Path gsi, String name, String source, Policy policy) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("safepoint-bench");
            Path program = dir.resolve(name + ".scm");
            Files.writeString(program, source, StandardCharsets.UTF_8);
            Path driver = dir.resolve("driver.scm");
            Files.writeString(driver, driver(program.toString(), policy), StandardCharsets.UTF_8);
            Path output = dir.resolve("output.txt");
            // Output to a file (gsi flushes it on force-output); stdin empty, so an error in the
            // program ends gsi (at its REPL prompt, on end of file) instead of waiting.
            Process p = new ProcessBuilder(gsi.toString(), driver.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Result.failed(name, "gsi did not finish within " + PROCESS_LIMIT_SECONDS + " s");
            }
            return parse(name, Files.readString(output, StandardCharsets.UTF_8), p.exitValue());
        } catch (IOException e) {
            return Result.failed(name, "could not run gsi: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(name, "interrupted");
        } finally {
            if (dir != null) deleteAll(dir);
        }
    }

    /** The Scheme driver gsi runs: load the program, time it, write {@code (times COLD (WARM ...))}. */
    static String driver(String programPath, Policy policy) {
        String expected = policy.testSize() ? "bench-test-expected" : "bench-expected";
        return "(load " + schemeString(programPath) + ")\n"
                + (policy.testSize() ? "(set! bench-size bench-test-size)\n" : "")
                + "(define (bench-driver-time)\n"
                + "  (let* ((t0 (real-time)) (r (bench-run)) (t1 (real-time)))\n"
                + "    (if (equal? r " + expected + ")\n"
                + "        (inexact->exact (round (* 1000000. (- t1 t0))))\n"
                + "        (begin (write (list 'wrong r)) (newline) (force-output) (exit 3)))))\n"
                + "(let ((cold (bench-driver-time)))\n"
                + "  (let loop ((warm '()) (n 0) (spent 0))\n"
                + "    (if (or (< n " + policy.minWarm() + ") (and (< n " + policy.maxWarm() + ") (< spent "
                + policy.budgetMillis() * 1000 + ")))\n"
                + "        (let ((t (bench-driver-time))) (loop (cons t warm) (+ n 1) (+ spent t)))\n"
                + "        (begin (write (list 'times cold (reverse warm))) (newline) (force-output)))))\n";
    }

    private static final Pattern TIMES = Pattern.compile("\\(times (\\d+) \\(([\\d ]*)\\)\\)");

    static Result parse(String name, String output, int exitStatus) {
        Matcher m = TIMES.matcher(output);
        if (exitStatus == 0 && m.find()) {
            List<Double> warm = new ArrayList<>();
            for (String t : m.group(2).trim().split(" +")) {
                if (!t.isEmpty()) warm.add(Long.parseLong(t) / 1000.0);
            }
            double[] w = warm.stream().mapToDouble(Double::doubleValue).toArray();
            return Result.ok(name, Long.parseLong(m.group(1)) / 1000.0, w);
        }
        String out = output.strip().replace('\n', ' ');
        if (out.length() > 300) out = out.substring(0, 300) + "...";
        if (out.startsWith("(wrong ")) return Result.failed(name, "gsi gave a wrong result: " + out);
        return Result.failed(name, "gsi exited with status " + exitStatus + (out.isEmpty() ? "" : ": " + out));
    }

    private static String schemeString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void deleteAll(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
