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
    void eventsTakesACountAndWhyOneIsThePrimordialThread() throws Exception {
        String screen = LevelsTranscriptTest.session("(define m (make-mutex 'm))\n(mutex-lock! m)\n"
                + "(define w (thread-start! (make-thread (lambda () (mutex-lock! m)) 'w)))\n(thread-sleep! 0.05)\n"
                + ",events 2\n,events x\n,why 1\n,deadlock\n,? step\n,heap\n,gc\n");
        long eventLines = screen.lines().filter(l -> l.matches("(> )*\\s*\\d+ P\\d [a-z-]+ .*")).count();
        assertFalse(screen.contains("Unknown REPL command"), screen);
        assertTrue(screen.contains(",events takes how many"), screen);
        // At the interactive prompt the primordial thread waits for input (the machine runs on meanwhile).
        assertTrue(screen.contains("> #<thread primordial> waits for input"), ",why 1 answers for #<thread #1 primordial>: " + screen);
        assertTrue(screen.contains("2 threads wait (,why T follows one):\n  #<thread primordial> WAITING")
                && screen.contains("\n  #<thread w> WAITING on #<mutex m>"), "the count is the threads listed: " + screen);
        assertTrue(screen.contains(",step [P|T]: one scheduling point"), screen);
        assertTrue(screen.contains("Collected: heap: ") && screen.contains("1 collections"), screen);
        assertEquals(2, eventLines, ",events 2 shows two: " + screen);
    }

    @Test
    void pipedInputHasNoLevelsAndALevelCommandSaysSo() throws Exception {
        CliTest.Result r = CliTest.run(",b\n,(c 1)\n,2\n(+ 1 2)\n");
        assertFalse(r.err().contains("Unknown REPL command"), r.err());
        assertEquals(3, r.err().lines().filter(l -> l.contains("works on a debugger level, which only the interactive REPL opens")).count(), r.err());
        assertTrue(r.out().endsWith("3\n"), r.out());
    }

    @Test
    void helpFitsOneScreenAndNamesEveryCommandWhichItExplainsOneByOne() {
        String help = Commands.help();
        assertTrue(help.lines().count() <= 22, "one 80x24 screen with the prompt: " + help);
        assertTrue(help.lines().allMatch(l -> l.length() <= 80), help);
        for (Commands.Command c : Commands.ALL) {
            assertTrue(help.contains(c.names().get(0)), c + " is in " + help);
            String one = Commands.explain(c.names().get(0).substring(1));
            assertTrue(one.startsWith(c.names().get(0)) && one.contains(c.help()), one);
        }
        assertTrue(Commands.explain(",st").contains("green threads"), "an alias finds its command");
        assertTrue(Commands.explain("SLEEPING").contains("thread-sleep!"));
        assertTrue(Commands.explain("(break f)").startsWith("(break f ...): stop at each entry of f"), "help names the debugging procedures and explains them");
        assertTrue(Commands.explain("trace").contains("| > (f 3)"));
        assertTrue(Commands.explain("spinning without polls").contains("barrier"));
        assertTrue(Commands.explain("at safepoint").contains("poll"));
        assertTrue(Commands.explain("frobnicate").startsWith("No command or state named frobnicate"));
        assertTrue(Commands.names().contains(",inspect") && Commands.names().contains(",be"));
        assertFalse(Commands.names().contains(",N"), "not typed as written");
        assertEquals(Commands.names(), SchemeCompleter.COMMANDS);
    }
}
