package safepoint.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.analysis.EdgeKind;
import safepoint.vm.event.Events;
import safepoint.vm.event.Ref.LockRef;
import safepoint.vm.event.Ref.ThreadRef;
import safepoint.vm.event.What;
import safepoint.vm.observe.BarrierView;
import safepoint.vm.observe.HeapView;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.Ref;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.observe.Wait;
import safepoint.vm.observe.WaitEdge;

/** The Problems pane's lines from what a look and the events say: a wait-for cycle, a lost signal, locks taken in both orders. */
class ProblemsTest {
    static final ThreadRef A = new ThreadRef(1, "#<thread a>"), B = new ThreadRef(2, "#<thread b>");
    static final LockRef X = new LockRef(3, "#<mutex x>"), Y = new LockRef(4, "#<mutex y>"), CV = new LockRef(5, "#<condition-variable c>");
    long seq;

    Events.Event ev(What w) {
        return new Events.Event(++seq, 0, seq * 1000, w);
    }

    static Ref ref(Ref.Kind k, long id, String name) {
        return new Ref(k, id, name);
    }

    @Test
    void aCycleALostSignalAndAnInversionAreEachALineWithACount() {
        Ref a = ref(Ref.Kind.THREAD, 1, "#<thread a>"), b = ref(Ref.Kind.THREAD, 2, "#<thread b>");
        Ref x = ref(Ref.Kind.MUTEX, 1, "#<mutex x>"), y = ref(Ref.Kind.MUTEX, 2, "#<mutex y>");
        Ref c = ref(Ref.Kind.CONDITION_VARIABLE, 3, "#<condition-variable c>");
        ThreadView.Progress p = new ThreadView.Progress(0, 0, 0, 0, 0);
        ThreadView ta = new ThreadView(a, ThreadView.State.WAITING, -1, false, false, new Wait.ToLock(y, b, -1), null, List.of(x), List.of(), p);
        ThreadView tb = new ThreadView(b, ThreadView.State.WAITING, -1, false, false, new Wait.ToLock(x, a, -1), null, List.of(y), List.of(), p);
        ThreadView tc = new ThreadView(ref(Ref.Kind.THREAD, 3, "#<thread c>"), ThreadView.State.WAITING, -1, false, false,
                new Wait.OnCondition(c, -1), null, List.of(), List.of(), p);
        List<WaitEdge> edges = List.of(new WaitEdge(a, EdgeKind.WAITS_TO_LOCK, false, y), new WaitEdge(y, EdgeKind.HELD_BY, false, b),
                new WaitEdge(b, EdgeKind.WAITS_TO_LOCK, false, x), new WaitEdge(x, EdgeKind.HELD_BY, false, a));
        MachineView v = new MachineView(MachineView.Mode.IDLE, 0, 1, List.of(), 0, 3, List.of(ta, tb, tc), List.of(),
                new BarrierView(false, null, List.of()), new HeapView(1, 0, 0, 0, 0, 0, 0), List.of(), edges);
        Looks looks = new Looks();
        looks.add(v);
        EventLog log = new EventLog();
        log.add(List.of(ev(new What.MutexLock(X, A, false)), ev(new What.MutexLock(Y, A, false)), ev(new What.MutexUnlock(Y, A)),
                ev(new What.MutexUnlock(X, A)), ev(new What.MutexLock(Y, B, false)), ev(new What.MutexLock(X, B, false)),
                ev(new What.Signal(CV, A, false, List.of())), ev(new What.Signal(CV, A, false, List.of()))));
        log.add(List.of(ev(new What.Switch(A)))); // a later snapshot: only what is new counts
        List<Problems.Problem> ps = Problems.of(looks, log);
        assertEquals(List.of("deadlock", "lost wakeup", "lock order"), ps.stream().map(Problems.Problem::kind).toList(), ps.toString());
        assertEquals("#<thread a> -> #<mutex y> -> #<thread b> -> #<mutex x> -> #<thread a>", ps.get(0).what());
        assertEquals(2, ps.get(0).count(), "two threads in the cycle");
        assertEquals(2, ps.get(1).count(), "two signals woke nobody");
        assertTrue(ps.get(1).what().contains("1 thread(s) wait on it now, untimed"), ps.get(1).what());
        assertEquals(new Problems.Problem("lock order", 2, "#<mutex x> and #<mutex y> taken in both orders"), ps.get(2));
        assertEquals(9, log.tail.size());
    }
}
