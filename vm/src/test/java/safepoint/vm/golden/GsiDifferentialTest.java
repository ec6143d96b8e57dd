package safepoint.vm.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every golden program whose oracle is gsi through the real gsi 4.9.3 as well, and checks
 * that gsi still prints the recorded output: Safepoint and gsi agree through the golden file.
 * gsi hides its output when not on a terminal, so it runs under {@code script}. Needs gsi
 * (Debian's gambc, which .ci/run installs); where it is absent the check is reported as skipped
 * by an assumption, never silently passed.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GsiDifferentialTest {

    static boolean gsiPresent() {
        return Files.isExecutable(Path.of("/usr/bin/gsi")) && Files.isExecutable(Path.of("/usr/bin/script"));
    }

    static String runGsi(Path program) throws IOException, InterruptedException {
        Path dir = program.toAbsolutePath().getParent();
        String name = program.getFileName().toString();
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", "gsi " + name, "/dev/null");
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @TestFactory
    Stream<DynamicTest> gsiAgreesWithTheGoldenFiles() throws Exception {
        assumeTrue(gsiPresent(), "gsi is not installed (apt-get install gambc)");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : Golden.programs()) {
            if (!Golden.oracle(p).startsWith("gsi")) continue;
            tests.add(DynamicTest.dynamicTest(p.getFileName().toString(),
                    () -> assertEquals(Golden.expected(p), runGsi(p), "gsi output differs for " + p)));
        }
        return tests.stream();
    }
}
