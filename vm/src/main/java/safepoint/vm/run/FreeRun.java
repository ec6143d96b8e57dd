package safepoint.vm.run;

import safepoint.vm.data.MonitorOrder;
import safepoint.vm.smp.Names;
import safepoint.vm.analysis.Failure;

import safepoint.vm.analysis.Analysis;
import safepoint.vm.analysis.ExplanationText;
import safepoint.vm.analysis.WaitForGraph;
import safepoint.vm.event.What;
import safepoint.vm.interp.Area;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.SliceEnd;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Scheduler;
import safepoint.vm.smp.Spinlocks;
import safepoint.vm.smp.SyncObjects;
import java.util.List;
import safepoint.vm.observe.MachineView;

/**
 * Free run: N processors, each a Java thread (P0 is the caller's), truly parallel, taking green
 * threads from the shared ready queue. A processor runs a thread without any lock until its next
 * scheduling point, then does its bookkeeping under the scheduler's monitor. Races on Scheme data
 * are real; the VM's own structures are guarded (see Scheduler). An idle processor waits on the
 * scheduler's monitor: the only place a processor's Java thread parks. With one processor this is
 * the same loop on the caller's thread, and a thread stopped in code without polls keeps it.
 *
 * <p>An internal error on a processor's or the watchdog's Java thread (a bug outside
 * {@link Interp#run}, or Java's heap full there) ends the run: every other processor and a host
 * stop waiting for it are released, and {@link #go} throws it on the caller's thread, where the
 * command line reports it (exit 70). No thread of a run dies alone.
 */
public final class FreeRun {
    /** Scheduling points per slice between checks for timeouts and interrupts. */
    public static final int SLICE = 50_000;

    private final RunHost vm;
    private final Scheduler s;
    private final int n;
    private boolean stop;
    /**
     * Host stops asked for and not yet over (the watchdog's, and readers' looks): while there is
     * one, processors halt at their next scheduling point and wait, keeping their threads.
     */
    private int hostStops;
    /** The registers asked to halt for the host stop (their INTR_HOST is cleared when it ends). */
    private final List<Interp> halted = new java.util.ArrayList<>();
    private Outcome outcome;
    /** The first internal error on another Java thread of the run, thrown by {@link #go}. */
    private Throwable failure;
    private int idle;
    private final Slices slices;
    /** The thread a processor keeps while halted for the host in code without polls. */
    private final SThread[] kept;
    private final Area[] areas;

    public FreeRun(RunHost vm, int processors) {
        this.vm = vm;
        this.s = vm.scheduler();
        this.n = processors;
        this.slices = new Slices(s, vm.events(), vm.primordial(), processors);
        this.kept = new SThread[processors];
        this.areas = new Area[processors];
        for (int i = 0; i < processors; i++) areas[i] = new Area(vm.heap());
    }

    /** Run until the primordial thread ends; returns null then, or the outcome that stopped the run. */
    public Outcome go() {
        slices.open();
        Thread[] others = new Thread[n - 1];
        for (int i = 1; i < n; i++) {
            int id = i;
            others[i - 1] = new Thread(() -> guarded(() -> loop(id)), "safepoint-P" + i);
            others[i - 1].setDaemon(true);
            others[i - 1].start();
        }
        Thread watchdog = new Thread(() -> guarded(this::watch), "safepoint-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            loop(0);
        } finally {
            watchdog.interrupt();
            synchronized (s) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
                stop = true;
                s.notifyAll();
            }
            for (Thread t : others) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (s) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
                for (Interp m : halted) m.clearFlag(Interp.INTR_HOST); // a halt's flags must not stop the next run
                halted.clear();
            }
            slices.close();
        }
        if (failure instanceof Error e) throw e;
        if (failure != null) throw (RuntimeException) failure;
        return outcome;
    }

    /**
     * End the run from another Java thread (the REPL ending a background run): every processor
     * stops at its next scheduling point, code without polls too, and its thread is queued again.
     */
    public void halt() {
        synchronized (s) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
            stop = true;
            for (SThread t : s.onCpu) {
                t.interp.raiseFlag(Interp.INTR_HOST);
                halted.add(t.interp);
            }
            s.notifyAll();
        }
    }

    /** Run {@code body} on a thread of the run; an internal error there ends the run (see the class comment). */
    private void guarded(Runnable body) {
        try {
            body.run();
        } catch (RuntimeException | Error e) {
            synchronized (s) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
                if (failure == null) failure = e;
                finish(null);
            }
        }
    }

    /** Tests only: called with the processor after each slice, and with -1 at each watchdog host stop; may throw. */
    static volatile java.util.function.BiConsumer<RunHost, Integer> faultForTests;

    private void fault(int where) {
        java.util.function.BiConsumer<RunHost, Integer> f = faultForTests;
        if (f != null) f.accept(vm, where);
    }

    /** How often the watchdog looks, and how long a barrier may stand still before it reports. */
    static final long WATCH_MILLIS = 500;
    static final long STALL_NANOS = 1_500_000_000L;

    /**
     * The watchdog: while a GC barrier is pending, it takes two looks some time apart; if no
     * thread has made progress in between (polls and allocation; spinning and waiting at the
     * barrier are not progress), nothing can complete the barrier, which the exact checks could
     * not prove (a busy-wait written in Scheme without polls, say): it stops the run and says what
     * every processor and thread is doing.
     */
    private void watch() {
        long lastProgress = -1;
        try {
            for (;;) {
                Thread.sleep(WATCH_MILLIS);
                synchronized (s) {
                    if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
                    if (stop) return;
                    if (!vm.barrier().pending && mayCycle()) {
                        // A cycle of waits while other threads still run: proven when two looks
                        // some time apart show the same cycle and its threads made no progress
                        // (a wakeup may still have been in flight at the first look).
                        if (!hostStopNow()) return;
                        Outcome report = cycleSeenTwice();
                        endHostStop();
                        if (report != null) {
                            finish(report);
                            return;
                        }
                        continue;
                    }
                    lastCycle = null;
                    if (!vm.barrier().pending || System.nanoTime() - vm.barrier().requestedAt < STALL_NANOS) {
                        lastProgress = -1;
                        continue;
                    }
                    // Two host stops some time apart: consistent looks at every thread's counters.
                    if (!hostStopNow()) return;
                    long p = progress();
                    Outcome report = p == lastProgress ? stallReport() : null;
                    endHostStop();
                    if (report != null) {
                        finish(report);
                        return;
                    }
                    lastProgress = p;
                }
            }
        } catch (InterruptedException e) {
            // The run is over.
        }
    }

    /**
     * A host stop: every processor halts at its next scheduling point and waits, keeping its
     * thread; code without polls stops too, so this is not a safepoint. Called holding the
     * monitor; returns with the world stopped (true, then {@link #endHostStop} must follow), or
     * false when the run ended meanwhile.
     */
    private boolean hostStopNow() throws InterruptedException {
        hostStops++;
        for (SThread t : s.onCpu) {
            t.interp.raiseFlag(Interp.INTR_HOST);
            halted.add(t.interp);
        }
        s.notifyAll();
        try {
            while (!stop && !s.onCpu.isEmpty()) s.wait(10);
        } catch (InterruptedException e) {
            endHostStop();
            throw e;
        }
        if (stop) {
            endHostStop();
            return false;
        }
        fault(-1);
        return true;
    }

    /** The machine at a host stop (under the monitor): each processor with the thread it keeps. */
    private MachineView view() {
        WaitForGraph.ProcessorState[] states = new WaitForGraph.ProcessorState[n];
        for (int i = 0; i < n; i++) {
            boolean atBarrier = vm.barrier().hasArrived(i);
            states[i] = new WaitForGraph.ProcessorState(kept[i], atBarrier);
        }
        return vm.view(MachineView.Mode.FREE_RUN, states);
    }

    /** The host is done looking: processors go on (under the monitor). */
    private void endHostStop() {
        if (--hostStops == 0) {
            for (Interp m : halted) m.clearFlag(Interp.INTR_HOST);
            halted.clear();
        }
        s.notifyAll();
    }

    /**
     * A view of the machine at a host stop (a reader's look, from any Java thread but the
     * processors'); null when the run is over, and the caller looks at the idle machine.
     */
    public MachineView look() {
        synchronized (s) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
            try {
                if (stop || !hostStopNow()) return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            try {
                return view();
            } finally {
                endHostStop();
            }
        }
    }

    /**
     * Whether a cycle of waits is possible at all, without stopping the world to look: it needs
     * two untimed waits that point at threads (a lock's holder, a joined thread), or one on a
     * lock the waiter holds itself; a machine full of threads waiting for messages or sleeping
     * has none.
     */
    private boolean mayCycle() {
        int pointing = 0;
        for (SThread t : s.waiting) {
            if (t.wakeAt != Long.MAX_VALUE) continue;
            if (t.waitingOn instanceof SyncObjects.Mutex mx && (mx.owner == t || ++pointing >= 2)) return true;
            if (t.waitingOn instanceof SThread && ++pointing >= 2) return true;
        }
        return false;
    }

    /** The cycle the last look found (its vertices) and its threads' progress then, or null. */
    private List<Object> lastCycle;
    private long lastCycleProgress;

    /** At a host stop: the deadlock if this look's cycle of untimed waits is the last look's, unmoved. */
    private Outcome cycleSeenTwice() {
        WaitForGraph.ProcessorState[] states = new WaitForGraph.ProcessorState[n];
        for (int i = 0; i < n; i++) {
            SThread last = slices.last(i);
            SThread t = kept[i] != null ? kept[i] : last != null && last.onProcessor == i ? last : null;
            states[i] = new WaitForGraph.ProcessorState(t, false);
        }
        WaitForGraph g = WaitForGraph.of(vm, states);
        List<WaitForGraph.Edge> cycle = g.cycle();
        List<Object> vertices = new java.util.ArrayList<>();
        long progress = 0;
        for (WaitForGraph.Edge e : cycle) {
            if (e.mayEndOnItsOwn()) {
                vertices.clear();
                break;
            }
            vertices.add(e.from());
            if (e.from() instanceof SThread t) progress += t.interp.polls + t.interp.objects;
        }
        if (vertices.isEmpty()) {
            lastCycle = null;
            return null;
        }
        if (vertices.equals(lastCycle) && progress == lastCycleProgress) {
            return vm.deadlockOutcome(Failure.deadlock(Failure.Proof.CYCLE_UNMOVED, g),
                    ExplanationText.of("*** Deadlock: a cycle of waits, the same at two looks " + WATCH_MILLIS
                            + " ms apart, while other threads still run", Analysis.explain(vm, g))
                    + "\n  free run cannot give a schedule: ./safepoint explore FILE searches for one that reproduces this");
        }
        lastCycle = vertices;
        lastCycleProgress = progress;
        return null;
    }

    private long progress() {
        long p = 0;
        for (SThread t : s.runnable()) p += t.interp.polls + t.interp.objects;
        for (SThread t : s.waiting) p += t.interp.polls + t.interp.objects;
        for (int i = 0; i < n; i++) {
            SThread t = slices.last(i);
            if (t != null) p += t.interp.polls + t.interp.objects;
        }
        return p;
    }

    /**
     * At a host stop: no thread moved between two looks while the barrier waited. Each processor
     * as it is: the thread it keeps (spinning on which lock, held by whom), stopped at the
     * barrier, or idle; then every spinner no processor was found keeping (a spinner is never
     * left out), and each spun lock's holder and what it does.
     */
    private Outcome stallReport() {
        StringBuilder sb = new StringBuilder("*** No progress: the GC barrier has waited ")
                .append((System.nanoTime() - vm.barrier().requestedAt) / 1_000_000).append(" ms and no thread moves\n");
        java.util.Set<SThread> told = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Spinlocks.Spinlock> spun = new java.util.LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            SThread last = slices.last(i);
            SThread t = kept[i] != null ? kept[i] : last != null && last.onProcessor == i ? last : null;
            if (t != null && told.add(t)) {
                sb.append("  P").append(i).append(" never reached the safepoint: it runs ").append(spinText(t, spun)).append('\n')
                        .append(Names.backtrace(t, 6, "      "));
            } else if (vm.barrier().hasArrived(i)) {
                sb.append("  P").append(i).append(" stopped at the barrier\n");
            } else {
                sb.append("  P").append(i).append(" is idle\n");
            }
        }
        List<SThread> others = new java.util.ArrayList<>(s.onCpu);
        others.addAll(s.runnable());
        for (SThread t : others) {
            if (t.interp.spinningOn == null || !told.add(t)) continue;
            sb.append("  ").append(spinText(t, spun)).append('\n').append(Names.backtrace(t, 6, "      "));
        }
        for (Spinlocks.Spinlock l : spun) {
            SThread h = l.holder();
            if (h == null) continue;
            sb.append("  ").append(Names.name(l)).append(" is held by ").append(Names.name(h)).append(", ")
                    .append(h == vm.barrier().requester ? "which waits at the barrier for the GC it asked for"
                            : h.onProcessor >= 0 ? "running on P" + h.onProcessor
                            : h.state == SThread.State.WAITING ? "waiting (" + Names.waitText(h) + ")"
                            : "parked at the safepoint")
                    .append('\n');
        }
        return vm.deadlockOutcome(new Failure.Deadlock(Failure.Proof.NO_PROGRESS, java.util.Set.of()), sb.toString().stripTrailing(), view());
    }

    /** {@code t}, whether it polls, and the spinlock it spins on with its holder (noted in {@code spun}). */
    private static String spinText(SThread t, java.util.Set<Spinlocks.Spinlock> spun) {
        StringBuilder sb = new StringBuilder(Names.name(t)).append(t.interp.polling ? "" : " in code without polls");
        Spinlocks.Spinlock l = t.spinningOn();
        if (l != null) {
            spun.add(l);
            SThread h = l.holder();
            sb.append(", spinning on ").append(Names.name(l)).append(h == null ? "" : " (held by " + Names.name(h) + ")");
        }
        return sb.toString();
    }

    private void finish(Outcome o) {
        if (!stop) {
            stop = true;
            outcome = o;
        }
        s.notifyAll();
    }

    private void loop(int id) {
        long pollsBefore = 0;
        long spinsBefore = 0;
        SThread keep = null; // a thread stopped in code without polls keeps its processor
        for (;;) {
            SThread t;
            synchronized (s) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
                if (keep != null && stop) {
                    kept[id] = null;
                    keep.onProcessor = -1;
                    s.local[id].addFirst(keep); // the run is over: the thread waits for the next one
                    return;
                }
                kept[id] = keep;
                if (keep != null) keep.onProcessor = id;
                while (keep != null && hostStops > 0 && !stop) {
                    // Halted for the host: this is not a safepoint, so the thread stays on this
                    // processor and goes on when the host is done.
                    try {
                        s.wait(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                kept[id] = null;
                if (keep != null) keep.onProcessor = -1;
                if (stop) {
                    if (keep != null) s.local[id].addFirst(keep);
                    return;
                }
                if (keep != null) {
                    t = keep;
                    keep = null;
                } else {
                    t = pick(id);
                    if (t == null) return;
                }
                if (slices.begin(id, t)) s.switches[id]++;
                t.interp.area = areas[id];
                pollsBefore = t.interp.polls;
                spinsBefore = t.interp.spinTries;
                if (vm.takeInterrupt()) t.interp.raiseFlag(Interp.INTR_USER);
            }
            SliceEnd end = t.interp.run(SLICE);
            fault(id);
            synchronized (s) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
                t.interp.area = Area.DETACHED;
                s.polls[id] += t.interp.polls - pollsBefore;
                s.spins[id] += t.interp.spinTries - spinsBefore;
                // A thread preempted at a poll gives its processor up, unless a host stop halted it
                // there (it stays on, for the view); stopped without polls, it stays.
                switch (slices.end(id, t, end, hostStops == 0, vm.exited())) {
                    case DONE, EXIT -> {
                        finish(null);
                        return;
                    }
                    case HELD -> {
                        Outcome stuck = SpinDeadlock.withoutPolls(vm, n, id, t, idle == n - 1);
                        if (stuck != null) {
                            finish(stuck);
                            return;
                        }
                        keep = keepOn(id, t);
                    }
                    case ON -> keep = keepOn(id, t); // halted for a host stop: the thread stays on this processor
                    case OFF -> { }
                }
                s.notifyAll();
            }
        }
    }

    /**
     * The thread stays on processor {@code id} across the end of its slice. Recorded before the
     * monitor is let go, so a host stop that looks in between sees it there (not lost between
     * the processor and the queues).
     */
    private SThread keepOn(int id, SThread t) {
        kept[id] = t;
        t.onProcessor = id;
        return t;
    }

    /** Take a thread to run, waiting while there is none or while the world is stopped; null to stop. */
    private SThread pick(int id) {
        for (;;) {
            if (stop) return null;
            if (id == 0) {
                Outcome late = vm.checkLimits();
                if (late != null) {
                    finish(late);
                    return null;
                }
            }
            long next = s.expireTimeouts(vm.clock());
            vm.input().take();
            if (hostStops > 0) {
                // Stopped for the host: not at a safepoint, just not running anything.
            } else if (vm.barrier().pending) {
                vm.barrier().arrived(id);
                if (idle == n - 1) {
                    // Every other processor has stopped (at a poll, or idle): collect now.
                    vm.barrier().collect();
                    s.notifyAll();
                    continue;
                }
            } else {
                SThread t = take(id);
                if (t != null) return t;
                boolean untimed = next == Long.MAX_VALUE || s.onlyStuckPollers(); // as the Controller says
                if (idle == n - 1 && untimed && s.nothingRunnable() && !vm.input().awaited()) {
                    // Every processor is idle, nothing is ready, no wait can time out and no
                    // thread waits for console input (which may still come).
                    Outcome d = vm.deadlock(new WaitForGraph.ProcessorState[n]);
                    if (d == null) continue; // the primordial thread got a deadlock-exception
                    finish(d);
                    return null;
                }
            }
            idle++;
            long waitNanos = Math.min(next == Long.MAX_VALUE ? Long.MAX_VALUE : next - System.nanoTime(), 20_000_000L);
            try {
                if (waitNanos > 0) s.wait(Math.max(1, waitNanos / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish(null);
                return null;
            } finally {
                idle--;
            }
        }
    }

    /**
     * The shared queue (new and woken threads) first, so a thread that yields or is preempted
     * lets them run; then this processor's own queue; then steal from the back of another's.
     */
    private SThread take(int id) {
        SThread t;
        if (s.prioritized > 0) {
            // Gambit runs the highest base priority first (FIFO among equals).
            SThread best = null;
            for (SThread c : s.ready) {
                if (c.state != SThread.State.TERMINATED && (best == null || priority(c) > priority(best))) best = c;
            }
            if (best != null) {
                s.ready.remove(best);
                return best;
            }
        }
        while ((t = s.ready.poll()) != null) if (t.state != SThread.State.TERMINATED) return t;
        while ((t = s.local[id].poll()) != null) if (t.state != SThread.State.TERMINATED) return t;
        for (int k = 1; k < n; k++) {
            java.util.ArrayDeque<SThread> victim = s.local[(id + k) % n];
            while ((t = victim.pollLast()) != null) if (t.state != SThread.State.TERMINATED) return t;
        }
        return null;
    }

    private static double priority(SThread t) {
        return ((Number) t.priority).doubleValue();
    }

}
