package safepoint.vm.observe;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import safepoint.vm.analysis.WaitForGraph;
import safepoint.vm.data.Symbol;
import safepoint.vm.gc.Heap;
import safepoint.vm.interp.Frame;
import safepoint.vm.interp.Where;
import safepoint.vm.lang.TableRegistry;
import safepoint.vm.smp.Barrier;
import safepoint.vm.smp.Names;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Scheduler;
import safepoint.vm.smp.Spinlocks;
import safepoint.vm.smp.SyncObjects;

/**
 * Builds the views of one machine ({@link MachineView}) from its live structures. Every view
 * and every view's caller reads records, never the VM's own objects or text.
 *
 * <p>Locking rule: {@link #look} runs holding the scheduler's monitor while no processor runs
 * Scheme code (free run: at a host stop; controlled mode: between two steps, on the
 * controller's thread; otherwise between evaluations). That is what makes the view consistent.
 */
public final class Observatory {
    /** Ids of the objects other than threads, in the order first seen (a view's {@link Ref#id}). */
    private final IdentityHashMap<Object, Long> ids = new IdentityHashMap<>();

    /** What the caller knows of the machine at this instant (Machine.view fills it). */
    public record Parts(MachineView.Mode mode, long clockNanos, int processorsConfigured, Scheduler scheduler, Heap heap, Barrier barrier,
            SThread primordial, WaitForGraph.ProcessorState[] processors, WaitForGraph graph, List<TableRegistry.Entry> tables) {}

    /** The view; called holding the scheduler's monitor, with no processor running Scheme code. */
    public MachineView look(Parts m) {
        Scheduler s = m.scheduler();
        List<SThread> all = threads(m);
        // The thread each processor has (in controlled mode between steps, or kept at a host stop).
        IdentityHashMap<SThread, Integer> on = new IdentityHashMap<>();
        for (int i = 0; i < m.processors().length; i++) {
            WaitForGraph.ProcessorState ps = m.processors()[i];
            if (ps != null && ps.running() != null) on.put(ps.running(), i);
        }
        List<ThreadView> threads = new ArrayList<>(all.size());
        boolean idle = m.mode() == MachineView.Mode.IDLE;
        for (SThread t : all) threads.add(thread(t, idle && t == m.primordial(), on.getOrDefault(t, t.onProcessor)));
        List<ProcessorView> procs = new ArrayList<>();
        Barrier b = m.barrier();
        long[] tts = b.timeToSafepoint;
        for (int i = 0; i < s.local.length; i++) {
            WaitForGraph.ProcessorState ps = i < m.processors().length ? m.processors()[i] : null;
            SThread runs = ps == null ? null : ps.running();
            ProcessorView.State st = runs != null ? (runs.interp.polling ? ProcessorView.State.RUNNING : ProcessorView.State.NO_POLL)
                    : b.hasArrived(i) ? ProcessorView.State.AT_SAFEPOINT
                    : ProcessorView.State.IDLE;
            procs.add(new ProcessorView(i, st, runs == null ? null : ref(runs), s.local[i].size(),
                    at(s.switches, i), at(s.polls, i), at(s.spins, i), i < tts.length && tts[i] > 0 ? tts[i] : -1));
        }
        Heap h = m.heap();
        List<Integer> arrived = new ArrayList<>();
        for (int i = 0; i < tts.length; i++) if (b.hasArrived(i)) arrived.add(i);
        BarrierView barrier = new BarrierView(b.pending, b.pending && b.requester != null ? ref(b.requester) : null, arrived);
        HeapView heap = new HeapView(h.capacity, h.liveAfterGc, h.sinceGc.get(), h.collections, h.epoch, h.lastPauseNanos,
                h.totalPauseNanos);
        List<WaitEdge> waits = new ArrayList<>();
        for (WaitForGraph.Edge e : m.graph().edges()) waits.add(new WaitEdge(ref(e.from()), e.kind(), e.timed(), e.to() == null ? null : ref(e.to())));
        return new MachineView(m.mode(), m.clockNanos(), m.processorsConfigured(), List.copyOf(procs), s.ready.size(),
                s.waiting.size(), List.copyOf(threads), locks(s, all), barrier, heap, tables(m.tables()), List.copyOf(waits));
    }

    private static List<TableView> tables(List<TableRegistry.Entry> entries) {
        List<TableView> out = new ArrayList<>(entries.size());
        for (TableRegistry.Entry e : entries) {
            // The registry's id is the table's creation order: stable across looks, and no serial number.
            String name = "#<" + e.type() + " ";
            String policy = e.kind().equals("gambit") ? "-" : e.policy().cliName();
            out.add(new TableView(new Ref(Ref.Kind.TABLE, e.id(), name + e.id() + ">"), e.kind(), e.hash(), e.test(), policy, e.locked(),
                    e.count(), e.slots(), e.rehashes(), e.resizes(), e.gcRehashes(), e.rehashing()));
        }
        return List.copyOf(out);
    }

    private static long at(long[] a, int i) {
        return i < a.length ? a[i] : 0;
    }

    /**
     * The primordial thread first, then running, queued and waiting ones, each once: the wait-for
     * graph's threads, found once for both (in the same order), then those stopped by an error.
     */
    private static List<SThread> threads(Parts m) {
        Scheduler s = m.scheduler();
        List<SThread> all = new ArrayList<>(m.graph().threads().size() + s.unjoinedFailures.size() + s.stopped.size());
        all.addAll(m.graph().threads());
        // Ended by an uncaught error, kept for a debugger level (STOPPED); never in the graph, which has no ended threads.
        if (s.unjoinedFailures.isEmpty() && s.stopped.isEmpty()) return all;
        java.util.Set<SThread> in = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        in.addAll(all);
        for (SThread t : s.unjoinedFailures) if (in.add(t)) all.add(t);
        for (SThread t : s.stopped) if (in.add(t)) all.add(t);
        return all;
    }

    /** {@code repl}: the primordial thread between evaluations, which is the one reading the REPL's input. */
    private ThreadView thread(SThread t, boolean repl, int processor) {
        ThreadView.State state;
        if (processor >= 0 && t.state == SThread.State.RUNNABLE) { // a waiting thread runs nowhere, whatever its processor says
            state = ThreadView.State.RUNNING;
        } else if (repl && t.state != SThread.State.RUNNABLE) {
            // The REPL's own thread: between evaluations it is the one reading input, on P0.
            state = ThreadView.State.RUNNING;
            processor = 0;
        } else {
            processor = -1;
            state = switch (t.state) {
                case NEW -> ThreadView.State.NEW;
                case RUNNABLE -> ThreadView.State.RUNNABLE;
                case TERMINATED -> ThreadView.State.TERMINATED;
                case WAITING -> t.waitingOn instanceof Symbol sym && sym.name.equals("sleep") ? ThreadView.State.SLEEPING
                        : ThreadView.State.WAITING;
            };
        }
        Wait wait = t.state == SThread.State.WAITING ? wait(t) : null;
        List<Ref> held = new ArrayList<>();
        for (Object l : t.held()) held.add(ref(l));
        ThreadView.Progress progress = new ThreadView.Progress(t.interp.entries, t.interp.polls, t.interp.allocated,
                t.interp.objects, t.interp.spinTries);
        return new ThreadView(ref(t), state, processor, t.interp.atSafepoint, t.exception != null, wait,
                t.interp.spinningOn == null ? null : ref(t.spinningOn()), List.copyOf(held), backtrace(t.interp.k),
                progress);
    }

    private Wait wait(SThread t) {
        long deadline = t.wakeAt == Long.MAX_VALUE ? -1 : t.wakeAt;
        Object on = t.waitingOn;
        if (on instanceof SyncObjects.Mutex mx) return new Wait.ToLock(ref(mx), mx.owner == null ? null : ref(mx.owner), deadline);
        if (on instanceof SyncObjects.CondVar cv) return new Wait.OnCondition(ref(cv), deadline);
        if (on == t.mailbox) return new Wait.ForMessage(deadline);
        if (on instanceof SThread other) return new Wait.ForThread(ref(other), deadline);
        if (on instanceof Symbol sym && sym.name.equals("sleep")) return new Wait.Sleeping(deadline);
        return new Wait.OnOther(ref(on), deadline);
    }

    /** The calls awaiting a value, innermost first, as Gambit's {@code ,b} lists them (repeats folded). */
    static List<ThreadView.Call> backtrace(Frame k) {
        List<ThreadView.Call> calls = new ArrayList<>();
        for (Names.Call c : Names.calls(k, 64)) calls.add(new ThreadView.Call(c.procedure(), c.source()));
        return List.copyOf(calls);
    }

    /** Contended locks: mutexes in the order their first waiter waits, then spinlocks being spun on. */
    private List<LockView> locks(Scheduler s, List<SThread> all) {
        List<LockView> out = new ArrayList<>();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>()); // many mutexes: no list scan
        for (SThread t : s.waiting) {
            if (t.waitingOn instanceof SyncObjects.Mutex mx && seen.add(mx)) {
                List<Ref> waiters = new ArrayList<>();
                for (SThread x : mx.waiters) waiters.add(ref(x));
                out.add(new LockView(ref(mx), mx.owner == null ? null : ref(mx.owner), List.copyOf(waiters), List.of()));
            }
        }
        // Spinners: on a processor (a spinner without polls keeps its processor) or queued; every one of each lock.
        java.util.LinkedHashMap<Spinlocks.Spinlock, List<LockView.Spinner>> spun = new java.util.LinkedHashMap<>();
        for (SThread t : all) {
            Spinlocks.Spinlock sl = t.spinningOn();
            if (sl == null || t.state != SThread.State.RUNNABLE) continue;
            spun.computeIfAbsent(sl, x -> new ArrayList<>()).add(new LockView.Spinner(ref(t), sl.spins()));
        }
        for (java.util.Map.Entry<Spinlocks.Spinlock, List<LockView.Spinner>> e : spun.entrySet()) {
            SThread holder = e.getKey().holder();
            out.add(new LockView(ref(e.getKey()), holder == null ? null : ref(holder), List.of(), List.copyOf(e.getValue())));
        }
        return List.copyOf(out);
    }

    /** How a view names {@code o}. */
    Ref ref(Object o) {
        if (o instanceof SThread t) return new Ref(Ref.Kind.THREAD, t.index, Names.name(t));
        if (o instanceof WaitForGraph.Proc p) return new Ref(Ref.Kind.PROCESSOR, p.id(), p.toString());
        if (o instanceof WaitForGraph.Mailbox mb) return new Ref(Ref.Kind.MAILBOX, mb.owner().index, mb.toString());
        Ref.Kind kind = o instanceof SyncObjects.Mutex ? Ref.Kind.MUTEX
                : o instanceof SyncObjects.CondVar ? Ref.Kind.CONDITION_VARIABLE
                : o instanceof Spinlocks.Spinlock ? Ref.Kind.SPINLOCK : Ref.Kind.OTHER;
        Long id = ids.get(o);
        if (id == null) ids.put(o, id = (long) ids.size() + 1);
        return new Ref(kind, id, Names.name(o));
    }
}
