package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
        // Every line but the newer events (spinlock-give, gc-phase, send) and details (who started a
        // thread, what ended a wait) is as the VM printed it before events
        // were records. A GC's pause is wall-clock time, and its live words grow with the builtin
        // environment (the ,procs goldens pin them): the numbers masked here.
        String events = r.out().substring(r.out().indexOf("     1 P0")).replaceAll("pause \\d+ us", "pause N us")
                .replaceAll("live \\d+ words", "live N words");
        assertEquals("""
                     1 P0 switch         #<thread primordial>
                     2 P0 switch         #<thread primordial>
                     3 P0 switch         #<thread primordial>
                     4 P0 switch         #<thread primordial>
                     5 P0 thread-start   #<thread worker> by #<thread primordial>
                     6 P0 switch         #<thread primordial>
                     7 P0 switch         #<thread worker>
                     8 P0 mutex-lock     #<mutex m> by #<thread worker>
                     9 P0 trace-write    x by #<thread worker> = 41
                    10 P0 mutex-unlock   #<mutex m> by #<thread worker>
                    11 P0 spinlock-take  #<spinlock s> by #<thread worker>
                    12 P0 spinlock-give  #<spinlock s> by #<thread worker>
                    13 P0 wait           #<thread worker> for a message
                    14 P0 switch         #<thread primordial>
                    15 P0 switch         #<thread primordial>
                    16 P0 send           #<thread primordial> to #<thread worker>
                    17 P0 wake           #<thread worker> (a message came)
                    18 P0 switch         #<thread primordial>
                    19 P0 wait           #<thread primordial> for #<thread worker> to end
                    20 P0 switch         #<thread worker>
                    21 P0 thread-end     #<thread worker>
                    22 P0 wake           #<thread primordial> (the joined thread ended)
                    23 P0 switch         #<thread primordial>
                    24 P0 switch         #<thread primordial>
                    25 P0 gc-request     #<thread primordial> live+allocated 0 of 33554432 words
                    26 P0 gc-arrive      P0
                    27 P0 gc-phase       epoch 1 trace and move
                    28 P0 gc-phase       epoch 1 clear weak entries
                    29 P0 gc             epoch 1 live N words, pause N us
                    30 P0 switch         #<thread primordial>
                    31 P0 trace-read     x by #<thread primordial> = str
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
        Ref.ThreadRef u = new Ref.ThreadRef(4, "#<thread other>");
        Ref.LockRef cv = new Ref.LockRef(5, "#<condition-variable c>");
        events.emit(0, new What.Wait(t, new What.OnMutex(new Ref.LockRef(3, "#<mutex m>"), null), "\"a.ss\"@3.5"));
        events.emit(0, new What.Wait(t, new What.OnSleep(), null));
        events.emit(0, new What.ThreadEnd(t, true));
        events.emit(0, new What.Signal(cv, t, false, List.of()));
        events.emit(0, new What.Signal(cv, t, true, List.of(t, u)));
        events.emit(0, new What.Wake(u, What.Cause.SIGNAL));
        events.emit(0, new What.Send(t, u));
        events.emit(0, new What.Receive(u));
        events.emit(0, new What.TableAccess(h, u, "hash-put!", true));
        events.emit(0, new What.ThreadStart(u, t));
        Ref.LockRef lock = new Ref.LockRef(6, "#<spinlock hash-table-2>");
        events.emit(0, new What.TableLock(h, u, lock, What.LockAction.WAIT, 5, 16));
        events.emit(0, new What.TableLock(h, u, lock, What.LockAction.TAKE, 1, 16));
        events.emit(0, new What.TableStep(h, u, new safepoint.tables.TableStep.StrandedRelease(0, 44, 4294967296L, 11040)));
        assertEquals("""
                     1 P1 rehash-start   #<hash-table> by #<thread worker>, 16 -> 32 slots
                     2 P1 rehash-end     #<hash-table> by #<thread worker>, 16 slots (same size)
                     3 P1 choice         P1 runs up to 12 points
                     4 P1 thread-choice  #<thread worker> to P1, candidate 1 of 3
                     5 P0 wait           #<thread worker> on #<mutex m> at "a.ss"@3.5
                     6 P0 wait           #<thread worker> on sleep
                     7 P0 thread-end     #<thread worker> uncaught exception
                     8 P0 cv-signal      #<condition-variable c> by #<thread worker>, woke nobody (no thread waited: the signal is lost)
                     9 P0 cv-broadcast   #<condition-variable c> by #<thread worker>, woke #<thread worker>, #<thread other>
                    10 P0 wake           #<thread other> (signalled)
                    11 P0 send           #<thread worker> to #<thread other>
                    12 P0 receive        #<thread other> a message already there
                    13 P0 hash-put!      #<hash-table> by #<thread other>
                    14 P0 thread-start   #<thread other> by #<thread worker>
                    15 P0 table-lock     #<hash-table> by #<thread other>: waits for #<spinlock hash-table-2>, 5 entries in 16 slots
                    16 P0 table-lock     #<hash-table> by #<thread other>: takes #<spinlock hash-table-2>, 1 entry in 16 slots
                    17 P0 table-step     #<hash-table> by #<thread other>: release stripe 44, not 0 (moved from address 4294967296 to 11040): stripe 0 stays locked
                """, EventText.last(events, 40));
    }
}
