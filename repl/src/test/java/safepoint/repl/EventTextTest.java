package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;

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
        // Every line but the new events (spinlock-give, gc-phase) is as the VM printed it before events
        // were records. A GC's pause is wall-clock time, and its live words grow with the builtin
        // environment (the ,procs goldens pin them): the numbers masked here.
        String events = r.out().substring(r.out().indexOf("     1 P0")).replaceAll("pause \\d+ us", "pause N us")
                .replaceAll("live \\d+ words", "live N words");
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
                    12 P0 spinlock-give  #<spinlock s> by #<thread worker>
                    13 P0 wait           #<thread worker> on for a message
                    14 P0 switch         #<thread primordial>
                    15 P0 switch         #<thread primordial>
                    16 P0 wake           #<thread worker>
                    17 P0 switch         #<thread primordial>
                    18 P0 wait           #<thread primordial> on for #<thread worker> to end
                    19 P0 switch         #<thread worker>
                    20 P0 thread-end     #<thread worker>
                    21 P0 wake           #<thread primordial>
                    22 P0 switch         #<thread primordial>
                    23 P0 switch         #<thread primordial>
                    24 P0 gc-request     #<thread primordial> live+allocated 0 of 33554432 words
                    25 P0 gc-arrive      P0
                    26 P0 gc-phase       epoch 1 trace and move
                    27 P0 gc-phase       epoch 1 clear weak entries
                    28 P0 gc             epoch 1 live N words, pause N us
                    29 P0 switch         #<thread primordial>
                    30 P0 trace-read     x by #<thread primordial> = str
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

    @Test
    void theEventsWithoutAnOlderTextGetLinesInTheSameFormat() {
        safepoint.vm.event.Events events = new safepoint.vm.event.Events();
        assertEquals("No events yet.\n", EventText.last(events, 40));
        events.setMode(safepoint.vm.event.Events.Mode.RECORD);
        Ref.ThreadRef t = new Ref.ThreadRef(1, "#<thread worker>");
        Ref.TableRef h = new Ref.TableRef(2, "#<hash-table>");
        Ref.ProcessorRef p1 = new Ref.ProcessorRef(1);
        events.emit(1, new What.RehashStart(h, t, 16, 32));
        events.emit(1, new What.RehashFinish(h, t, 16, 16));
        events.emit(1, new What.SliceChoice(p1, 12));
        events.emit(1, new What.ThreadChoice(p1, t, 1, 3));
        events.emit(0, new What.Wait(t, new What.OnMutex(new Ref.LockRef(3, "#<mutex m>"), null)));
        events.emit(0, new What.Wait(t, new What.OnSleep()));
        events.emit(0, new What.ThreadEnd(t, true));
        assertEquals("""
                     1 P1 rehash-start   #<hash-table> by #<thread worker>, 16 -> 32 slots
                     2 P1 rehash-end     #<hash-table> by #<thread worker>, 16 slots (same size)
                     3 P1 choice         P1 runs up to 12 points
                     4 P1 thread-choice  #<thread worker> to P1, candidate 1 of 3
                     5 P0 wait           #<thread worker> on #<mutex m>
                     6 P0 wait           #<thread worker> on sleep
                     7 P0 thread-end     #<thread worker> uncaught exception
                """, EventText.last(events, 40));
    }
}
