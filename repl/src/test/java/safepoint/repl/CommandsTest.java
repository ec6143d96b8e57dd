package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one table of comma commands: help lists each, completion offers each, and the REPL knows each. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CommandsTest {
    @Test
    void everyCommandInTheTableIsOneTheReplKnows() throws Exception {
        StringBuilder in = new StringBuilder("(car 1)\n"); // a level, for the level commands
        for (String n : Commands.names()) if (!n.equals(",q") && !n.equals(",quit") && !n.equals(",inspect")) in.append(n).append('\n');
        in.append("(car 1)\n,(v 0)\n,(c 1)\n,0\n,0+\n,t\n(+ 1 2)\n");
        String screen = LevelsTranscriptTest.session(in.toString());
        assertFalse(screen.contains("Unknown REPL command"), screen);
        assertFalse(screen.contains("unknown command"), screen);
        assertTrue(screen.contains("> 3\n"), "the REPL goes on after each: " + screen);
    }

    @Test
    void pipedInputHasNoLevelsAndALevelCommandSaysSo() throws Exception {
        CliTest.Result r = CliTest.run(",b\n,(c 1)\n,2\n(+ 1 2)\n");
        assertFalse(r.err().contains("Unknown REPL command"), r.err());
        assertEquals(3, r.err().lines().filter(l -> l.contains("works on a debugger level, which only the interactive REPL opens")).count(), r.err());
        assertTrue(r.out().endsWith("3\n"), r.out());
    }

    @Test
    void helpHasALinePerCommandAndCompletionEveryTypedName() {
        String help = Commands.help();
        assertEquals(Commands.ALL.size(), help.lines().count());
        assertTrue(help.contains(",threads (,st)  green threads"), help);
        assertTrue(help.contains(",why T          what thread T waits for"), help);
        assertTrue(Commands.names().contains(",inspect") && Commands.names().contains(",be"));
        assertFalse(Commands.names().contains(",N"), "not typed as written");
        assertEquals(Commands.names(), SchemeCompleter.COMMANDS);
    }
}
