package safepoint.vm.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/** Every golden program gives its recorded output under Safepoint. */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenPrograms() throws Exception {
        List<Path> programs = Golden.programs();
        assertFalse(programs.isEmpty(), "no golden programs found in " + Golden.DIR.toAbsolutePath());
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> assertEquals(Golden.expected(p), Golden.runSafepoint(p), p.toString())));
    }

    @Test
    void everyProgramNamesItsOracleAndHasAnExpectedOutput() throws Exception {
        for (Path p : Golden.programs()) {
            String oracle = Golden.oracle(p);
            assertTrue(oracle.startsWith("gsi") || oracle.startsWith("csi") || oracle.startsWith("r7rs")
                    || oracle.startsWith("gerbil-doc cons.io/"),
                    p + " must start with ';; oracle: gsi|csi|r7rs ...|gerbil-doc cons.io/PAGE', not '" + oracle + "'");
            assertTrue(Files.exists(Golden.outFile(p)), "missing " + Golden.outFile(p));
        }
    }
}
