package safepoint.vm.analysis;

import safepoint.vm.Machine;
import safepoint.vm.interp.Interp;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Spinlocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Symbol;

/** The graph's edges for states that are hard to reach on purpose from a program. */
class WaitForGraphTest {

    static SThread thread(Machine vm, String name) {
        SThread t = new SThread(Symbol.of(name), new Interp(vm));
        t.state = SThread.State.RUNNABLE;
        return t;
    }

    static List<String> lines(WaitForGraph g, Object v) {
        return g.edges(v).stream().map(WaitForGraph.Edge::line).toList();
    }

    /**
     * Seed bug 5a on three processors: a GC is pending, P1 runs a thread spinning without polls
     * on a spinlock whose holder is parked on P0, P0 and P2 are at the barrier (P2 runs
     * {@code onP2} instead, when given).
     */
    static WaitForGraph.ProcessorState[] barrierScene(Machine vm, SThread onP2) {
        vm.scheduler.processors(3);
        vm.barrier.pending = true;
        SThread spinner = thread(vm, "spinner");
        Spinlocks.Spinlock lock = new Spinlocks.Spinlock(Symbol.of("L"));
        SThread holder = thread(vm, "holder");
        lock.tryTake(holder);
        spinner.interp.spinningOn = lock;
        spinner.interp.polling = false;
        if (onP2 != null) onP2.interp.spinningOn = lock;
        vm.scheduler.local[0].add(holder);
        return new WaitForGraph.ProcessorState[] {
            new WaitForGraph.ProcessorState(null, true),
            new WaitForGraph.ProcessorState(spinner, false),
            new WaitForGraph.ProcessorState(onP2, onP2 == null)};
    }

    @Test
    void aTimedWaitIsTheSameKindSaidWithItsTimeoutAndMayEndOnItsOwn() {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        SThread waiter = thread(vm, "waiter");
        waiter.state = SThread.State.WAITING;
        waiter.waitingOn = waiter.mailbox;
        waiter.wakeAt = 1000;
        vm.scheduler.waiting.add(waiter);
        WaitForGraph.Edge e = WaitForGraph.of(vm, new WaitForGraph.ProcessorState[1]).edges(waiter).get(0);
        assertEquals(EdgeKind.WAITS_FOR_MESSAGE, e.kind());
        assertTrue(e.timed() && e.mayEndOnItsOwn());
        assertEquals("#<thread waiter> waits for a message in (with a timeout) the mailbox of #<thread waiter>", e.line());
        assertEquals("wait for a message in (with a timeout)", e.kind().plural(true));
    }

    @Test
    void aThreadQueuedOnAProcessorThatNeverPollsWaitsForIt() {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        vm.scheduler.processors(2);
        SThread runner = thread(vm, "runner");
        runner.interp.polling = false; // its code was compiled without polls
        SThread queued = thread(vm, "queued");
        vm.scheduler.local[1].add(queued);
        WaitForGraph g = WaitForGraph.of(vm, new WaitForGraph.ProcessorState[] {null, new WaitForGraph.ProcessorState(runner, false)});
        assertEquals(List.of("#<thread queued> is queued on P1"), lines(g, queued));
        assertEquals(List.of("P1 never polls: it runs #<thread runner>"), lines(g, new WaitForGraph.Proc(1)));
        assertTrue(g.cycle().isEmpty(), "a chain, not a cycle");
        assertEquals(2, g.chain(queued).size());
        assertEquals(List.of(EdgeKind.QUEUED_ON, EdgeKind.NEVER_POLLS), g.chain(queued).stream().map(WaitForGraph.Edge::kind).toList());
    }

    @Test
    void theBarrierWaitsForEveryProcessorNotAtItAndTheirThreadsParkThere() {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        WaitForGraph g = WaitForGraph.of(vm, barrierScene(vm, null));
        assertEquals(List.of("P0 waits at the GC barrier for P1"), lines(g, new WaitForGraph.Proc(0)));
        assertEquals(List.of("P2 waits at the GC barrier for P1"), lines(g, new WaitForGraph.Proc(2)));
        List<String> found = g.cycle().stream().map(WaitForGraph.Edge::line).toList();
        // A cycle has no first edge: compare it from the holder's.
        int from = 0;
        while (from < found.size() && !found.get(from).startsWith("#<thread holder>")) from++;
        List<String> cycle = new java.util.ArrayList<>(found.subList(from, found.size()));
        cycle.addAll(found.subList(0, from));
        assertEquals(List.of(
                "#<thread holder> is parked at the safepoint on P0",
                "P0 waits at the GC barrier for P1",
                "P1 runs #<thread spinner>",
                "#<thread spinner> spins in code without polls on #<spinlock L>",
                "#<spinlock L> is held by #<thread holder>"), cycle);
        // The decisions are on kinds: a spin can end on its own, so this cycle alone proves no deadlock.
        assertEquals(java.util.Set.of(EdgeKind.PARKED_ON, EdgeKind.WAITS_AT_BARRIER, EdgeKind.RUNS, EdgeKind.SPINS_WITHOUT_POLLS,
                EdgeKind.HELD_BY), g.cycle().stream().map(WaitForGraph.Edge::kind).collect(java.util.stream.Collectors.toSet()));
        assertEquals(1, g.cycle().stream().filter(WaitForGraph.Edge::mayEndOnItsOwn).count());
    }
}
