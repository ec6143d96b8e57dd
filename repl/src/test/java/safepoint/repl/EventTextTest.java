package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REPL's {@code ,events} text (docs/events.md), pinned line by line: the records are rendered
 * at the edge, and this is the text they must give.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventTextTest {
    @Test
    void eventsShowsTheLastEventsOfTheLiveStreamInTodaysFormat() throws Exception {
        CliTest.Result r = CliTest.run("""
                (define m (make-mutex 'm))
                (define s (make-spinlock 's))
                (define t (spawn/name 'worker (lambda () (mutex-lock! m) (trace-write 'x 41) (mutex-unlock! m) (spinlock-acquire! s) (spinlock-release! s) (thread-receive))))
                (thread-yield!)
                (thread-send t 'go)
                (thread-join! t)
                (gc)
                (trace-read 'x "str")
                ,events
                """, "-p", "1");
        // A GC's pause is wall-clock time: the one number that differs between runs.
        String events = r.out().substring(r.out().indexOf("     1 P0")).replaceAll("pause \\d+ us", "pause N us");
        assertEquals("""
                     1 P0 switch         #<thread primordial>
                     2 P0 switch         #<thread primordial>
                     3 P0 switch         #<thread primordial>
                     4 P0 switch         #<thread primordial>
                     5 P0 thread-start   #<thread worker>
                     6 P0 switch         #<thread primordial>
                     7 P0 switch         #<thread worker>
                     8 P0 mutex-lock     #<mutex m> by #<thread worker>
                     9 P0 trace-write    x by #<thread worker> = 41
                    10 P0 mutex-unlock   #<mutex m> by #<thread worker>
                    11 P0 spinlock-take  #<spinlock s> by #<thread worker>
                    12 P0 wait           #<thread worker> on for a message
                    13 P0 switch         #<thread primordial>
                    14 P0 switch         #<thread primordial>
                    15 P0 wake           #<thread worker>
                    16 P0 switch         #<thread primordial>
                    17 P0 wait           #<thread primordial> on for #<thread worker> to end
                    18 P0 switch         #<thread worker>
                    19 P0 thread-end     #<thread worker>
                    20 P0 wake           #<thread primordial>
                    21 P0 switch         #<thread primordial>
                    22 P0 switch         #<thread primordial>
                    23 P0 gc-request     #<thread primordial> live+allocated 0 of 33554432 words
                    24 P0 gc-arrive      P0
                    25 P0 gc             epoch 1 live 2847 words, pause N us
                    26 P0 switch         #<thread primordial>
                    27 P0 trace-read     x by #<thread primordial> = str
                """, events);
    }

    @Test
    void eventsSaysWhenThereAreNoneAndHowManyTheRingsDropped() throws Exception {
        assertEquals("     1 P0 switch         #<thread primordial>\n", CliTest.run(",events\n", "-p", "1").out());
        String out = CliTest.run("(let loop ((i 0)) (when (< i 5000) (trace-write 'x i) (loop (+ i 1))))\n,events\n", "-p", "1").out();
        assertEquals(41, out.lines().count(), out);
        assertEquals("""
                  5001 P0 trace-write    x by #<thread primordial> = 4998
                  5002 P0 trace-write    x by #<thread primordial> = 4999
                (906 older events dropped by the live buffers)
                """, out.substring(out.indexOf("  5001 P0")));
    }
}
