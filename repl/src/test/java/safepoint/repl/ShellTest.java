package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A printed command pasted into a real shell gives the program exactly the words it printed. */
class ShellTest {
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aQuotedWordReachesTheProgramUnchangedEvenWhereItWouldGlob(@TempDir Path dir) throws Exception {
        // A file that the unquoted schedule's 0.1*2 would match, so an unquoted word would change.
        Files.writeString(dir.resolve("S2:ab:0.1-and-2"), "");
        for (String word : new String[] {"S2:ab:0.1*2", "examples/abba-deadlock.ss", "my program.ss", "it's.ss", "S2:ab:0.7,t0,1.5"}) {
            Process p = new ProcessBuilder("bash", "-c", "printf '%s\\n' " + Shell.quote(word)).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String got = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            assertEquals(word + "\n", got, "bash got " + Shell.quote(word));
        }
        assertEquals("examples/abba-deadlock.ss", Shell.quote("examples/abba-deadlock.ss"), "plain words stay as they are");
    }
}
