package safepoint.vm.run;

import safepoint.vm.interp.Area;

import safepoint.vm.data.MonitorOrder;
import safepoint.vm.analysis.Failure;

import safepoint.vm.analysis.Analysis;
import safepoint.vm.analysis.ExplanationText;
import safepoint.vm.analysis.ProbeHang;
import safepoint.vm.analysis.WaitForGraph;
import safepoint.vm.event.Ref.ProcessorRef;
import safepoint.vm.event.What;
import safepoint.vm.smp.Names;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.SliceEnd;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Scheduler;
import safepoint.vm.smp.Spinlocks;
import java.util.ArrayList;
import java.util.List;
import safepoint.vm.observe.MachineView;

/**
 * Controlled mode (--seed): every processor runs on the caller's one Java thread. The controller
 * picks a processor and a number of scheduling points for it to run, runs them, and picks again;
 * staying on a processor costs a counter decrement (the thread's fuel). Time is virtual: one tick
 * per scheduling point, and when nothing can run the clock jumps to the next timer. The same
 * program, options and seed make the same choices, so the run is the same run.
 *
 * <p>Choices made, both by the {@link Strategy} and both recorded as the schedule: which
 * processor steps next and for how long; which ready thread an idle processor takes (among the
 * front of the shared queue, the front of its own queue, and one steal from each other queue).
 *
 * <p>Locking rule: {@link #go} holds the scheduler's monitor for the whole run; other Java
 * threads (Ctrl-C, observers, the console's reader thread) must not wait for it, and hand their
 * requests over through volatile flags that the loop reads between slices.
 */
public final class Controller {
    private final RunHost vm;
    private final Scheduler s;
    private final int n;
    private final Strategy strategy;
    private final long maxSteps;
    private final SThread[] current;
    private final long[] sinceSwitch;
    private final Slices slices;
    private long steps;
    private long virtual;
    /** The choices, run-length encoded later: processor and scheduling points, or a thread choice, in order. */
    private final List<long[]> schedule = new ArrayList<>();
    private int lastChosen = -1;
    private SThread lastThread;
    /** What ended the last slice. */
    private SliceEnd lastEnd;
    /** Switches away from a thread that could have gone on (it did not block, end, yield or fail a spin). */
    private int preemptions;
    /** A choice with more than one runnable processor or a thread waiting to run: before it, every schedule runs alike. */
    private boolean hadChoice;

    /** Scheduling points between heartbeats: a thread at a poll after this many is preempted. */
    static final int HEARTBEAT = 1000;
    /** Virtual nanoseconds per scheduling point. */
    static final long TICK_NANOS = 1000;

    public Controller(RunHost vm, int processors, Strategy strategy, long maxSteps) {
        this.vm = vm;
        this.s = vm.scheduler();
        this.n = processors;
        this.strategy = strategy;
        this.maxSteps = maxSteps;
        this.current = new SThread[processors];
        this.sinceSwitch = new long[processors];
        this.slices = new Slices(s, vm.events(), vm.primordial(), processors);
        // Each processor allocates in its own area, as in free run, so objects get real addresses
        // before the first GC. Deterministic: areas are handed out in the order the processors use
        // them up, which the schedule decides, from the heap's counter, which a rewind restores.
        this.areas = new Area[processors];
        for (int i = 0; i < processors; i++) areas[i] = new Area(vm.heap());
    }

    private final Area[] areas;

    /** Runnable threads not on a processor: then how long a slice runs decides who runs next. */
    private boolean othersWaitToRun() {
        if (!s.ready.isEmpty()) return true;
        for (java.util.ArrayDeque<SThread> q : s.local) if (!q.isEmpty()) return true;
        return false;
    }

    /** What this run did: its steps, preemptions, choices (call when it has ended). */
    public RunReport report() {
        return new RunReport(steps, strategy instanceof Pct pct ? pct.syncPoints() : 0, preemptions, schedule, hadChoice,
                strategy instanceof Dfs d ? d.decisions : java.util.List.of(), strategy instanceof Dfs d ? d.steps(this) : java.util.List.of());
    }

    Strategy strategy() {
        return strategy;
    }

    int processors() {
        return n;
    }

    /** The threads waiting to run, by index, queue by queue (-1 between queues): what a dpor step compares. */
    int[] queues() {
        int[] q = new int[s.ready.size() + 1 + java.util.Arrays.stream(s.local).mapToInt(java.util.ArrayDeque::size).sum() + n];
        int i = 0;
        for (SThread t : s.ready) q[i++] = t.index;
        q[i++] = -1;
        for (java.util.ArrayDeque<SThread> l : s.local) {
            for (SThread t : l) q[i++] = t.index;
            q[i++] = -1;
        }
        return q;
    }

    /** Whether a collection is pending (every processor takes part in the barrier). */
    boolean gcPending() {
        return vm.barrier().pending;
    }

    /** The thread on processor p, or null. */
    SThread on(int p) {
        return current[p];
    }

    public long steps() {
        return steps;
    }

    int lastChosen() {
        return lastChosen;
    }

    public long virtualNanos() {
        return virtual * TICK_NANOS;
    }

    /** Work asked for by other Java threads (looks, ,why), done between two steps (the controller holds the monitor throughout). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Asked<?>> asked = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The Java thread that runs this controller while it runs; null before and after. */
    private volatile Thread runner;

    /** One piece of asked-for work and where its result goes. */
    private record Asked<T>(java.util.function.Supplier<T> body, java.util.concurrent.CompletableFuture<T> result) {
        void serve(boolean running) {
            if (!running) {
                result.complete(null);
                return;
            }
            try {
                result.complete(body.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    /**
     * A view of the machine between two steps (see {@link #between}). Null when the run is over:
     * the caller then looks at the idle machine.
     */
    public MachineView look() {
        return between(this::view);
    }

    /**
     * {@code body}'s value, computed between two steps, holding the scheduler's monitor with no
     * processor running: from the controller's own thread (a stepper deciding) at once; from any
     * other it is asked for and done at the next choice, so the caller waits one step, never for
     * the end of the run. Null when the run is over (or never began): the caller then does it
     * on the idle machine.
     */
    public <T> T between(java.util.function.Supplier<T> body) {
        if (Thread.currentThread() == runner) return body.get();
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        asked.add(new Asked<>(body, f));
        if (runner == null) serveAsked(false); // the run ended meanwhile (or never began)
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * On the controller's own thread, by a stepper that waits for its user at a choice (the
     * debugger's paused world): do what other threads asked for meanwhile, so that they need
     * not wait for the next step.
     */
    public void serveAsked() {
        if (Thread.currentThread() == runner) serveAsked(true);
    }

    private MachineView view() {
        return vm.view(MachineView.Mode.CONTROLLED, states());
    }

    /** Do the work asked for: between steps, holding the monitor; or answer null when the run is over. */
    private void serveAsked(boolean running) {
        Asked<?> a;
        while ((a = asked.poll()) != null) a.serve(running);
    }

    public Outcome go() {
        slices.open();
        vm.events().useVirtualClock(this::virtualNanos); // events carry the run's own time
        synchronized (s) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, s);
            runner = Thread.currentThread();
            s.enabling = strategy.footprint();
            try {
                return loop();
            } finally {
                s.enabling = null;
                runner = null;
                serveAsked(false);
                vm.events().useVirtualClock(null);
                for (int p = 0; p < n; p++) {
                    if (current[p] != null && current[p].state == SThread.State.RUNNABLE) s.ready.addFirst(current[p]);
                    current[p] = null;
                }
                slices.close();
            }
        }
    }

    private Outcome loop() {
        for (;;) {
            if (!asked.isEmpty()) serveAsked(true);
            Outcome late = vm.checkLimits();
            if (late != null) return late;
            if (vm.interruptWait()) vm.interruptWaitingPrimordial();
            vm.input().take(); // console input that came meanwhile (its reader thread cannot take this monitor)
            if (steps >= maxSteps) {
                WaitForGraph g = WaitForGraph.of(vm, states());
                String hang = Analysis.provenHang(vm, g);
                if (hang != null) {
                    return vm.deadlockOutcome(Failure.deadlock(Failure.Proof.HANG, g),
                            hang + "\n  (found at the step bound, " + steps + " scheduling points)");
                }
                ProbeHang probe = vm.input().awaited() ? null : Analysis.provenProbeHang(vm);
                if (probe != null) {
                    return vm.deadlockOutcome(Failure.deadlock(Failure.Proof.HANG, g),
                            ExplanationText.probeHang(probe) + "\n  (found at the step bound, " + steps + " scheduling points)");
                }
                // The machine as the bound found it: the report says what was still running.
                return new Outcome(Outcome.Status.TIMEOUT, null, "*** Step bound reached: " + steps
                        + " scheduling points without the program ending (inconclusive: no deadlock or hang was proven;"
                        + " --max-steps raises the bound)", 4, null, List.of(), view());
            }
            s.expireTimeouts(vm.clock());
            boolean pending = vm.barrier().pending;
            if (!pending) {
                for (int p = 0; p < n; p++) {
                    if (current[p] != null) continue;
                    current[p] = take(p);
                    if (current[p] == STOP) {
                        current[p] = null;
                        return strategy.stopped(this);
                    }
                }
            }
            List<Integer> can = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                if (current[p] != null) can.add(p);
                else if (pending) vm.barrier().arrived(p); // stopped at the safepoint, or idle: at the barrier
            }
            if (can.isEmpty()) {
                if (pending) {
                    vm.barrier().collect(); // every processor is stopped: the world is at the safepoint
                    continue;
                }
                long next = s.nextDeadline();
                // Pollers of :std/event that would only repeat their polls wait as without a timeout.
                boolean untimed = next == Long.MAX_VALUE || s.onlyStuckPollers();
                if (untimed && !strategy.goOnWhenIdle(this)) return strategy.stopped(this);
                if (untimed && vm.input().awaited()) {
                    if (waitForInput()) continue;
                    return new Outcome(Outcome.Status.TIMEOUT, null, "*** Interrupted while waiting for console input", 4);
                }
                if (untimed) {
                    Outcome d = vm.deadlock(states());
                    if (d != null) return d;
                    continue; // the primordial thread got a deadlock-exception
                }
                virtual = Math.max(virtual, (next + TICK_NANOS - 1) / TICK_NANOS); // jump to the next timer
                continue;
            }
            if (!hadChoice) hadChoice = can.size() > 1 || othersWaitToRun();
            Strategy.Slice slice = strategy.next(this, can);
            if (slice == null) return strategy.stopped(this);
            int p = slice.processor();
            int len = (int) Math.min(slice.points(), maxSteps - steps);
            SThread t = current[p];
            if (lastChosen >= 0 && p != lastChosen && current[lastChosen] == lastThread && lastThread != null
                    && lastThread.interp.spinningOn == null && lastEnd != SliceEnd.YIELDED) {
                preemptions++;
            }
            schedule.add(new long[] {p, len});
            if (vm.events().recording()) vm.events().emit(p, new What.SliceChoice(new ProcessorRef(p), len));
            lastChosen = p;
            lastThread = t;
            slices.begin(p, t);
            t.interp.stopAtSync = strategy.stopsAtSync();
            t.interp.footprint = strategy.footprint();
            t.interp.stopAtAlloc = strategy.stopsAtAllocation();
            long syncBefore = t.interp.syncPoints;
            long allocBefore = t.interp.allocPoints;
            long workBefore = t.interp.workPoints;
            t.interp.area = areas[p];
            SliceEnd end = t.interp.run(len);
            t.interp.area = Area.DETACHED;
            lastEnd = end;
            t.interp.stopAtSync = false;
            t.interp.stopAtAlloc = false;
            t.interp.footprint = null;
            long used = len - Math.max(0, t.interp.fuel);
            if (used <= 0) used = 1;
            // Record what ran, so replay stops at the same point. A slice that the thread itself
            // ended before its last point (it blocked, yielded, ended, or parked at the safepoint)
            // is recorded one point longer: given exactly the points it used, a replay runs out
            // of fuel at its last point, before what ended it (the poll that parks it for a GC it
            // just requested, say), and goes another way; given one more, it ends where this run
            // did. A slice the strategy ended at a sync point keeps its length: a replay does not
            // stop at sync points, so one more point would run past it.
            boolean endedItself = end == SliceEnd.HALTED || end == SliceEnd.BLOCKED || end == SliceEnd.SAFEPOINT || end == SliceEnd.YIELDED;
            schedule.get(schedule.size() - 1)[1] = endedItself && t.interp.fuel > 0 ? Math.min(len, used + 1) : used;
            // A long primitive's work beyond the slice (Interp.work) still costs steps, virtual
            // time and quantum; the schedule keeps the points asked for, which replay the same.
            long cost = used + (t.interp.workPoints != workBefore ? Math.max(0, -t.interp.fuel) : 0);
            steps += cost;
            virtual += cost;
            sinceSwitch[p] += cost;
            // The heartbeat: at a poll, a thread that has had its quantum (or yields) gives the processor up.
            boolean giveUp = sinceSwitch[p] >= HEARTBEAT || end == SliceEnd.YIELDED && othersWaitToRun();
            switch (slices.end(p, t, end, giveUp, vm.exited())) {
                case DONE -> {
                    current[p] = null;
                    return null;
                }
                case EXIT -> {
                    return null;
                }
                case HELD -> {
                    Outcome stuck = SpinDeadlock.withoutPolls(vm, n, p, t, othersStopped(p));
                    if (stuck != null) return stuck;
                }
                case OFF -> {
                    current[p] = null;
                    sinceSwitch[p] = 0;
                }
                case ON -> { }
            }
            boolean sync = t.interp.syncPoints != syncBefore || strategy.stopsAtAllocation() && t.interp.allocPoints != allocBefore;
            strategy.ran(this, p, t, end, sync, used);
        }
    }

    /**
     * Nothing can run but a thread waits for console input, which may still come: a wait with an
     * external waker, so neither a deadlock nor a reason to spin. Wait on the host's side (the
     * monitor is released meanwhile, so observers can look), a little at a time so that Ctrl-C
     * and --timeout are seen. Virtual time stands still: input takes no scheduling points. False
     * when the host thread was interrupted.
     */
    private boolean waitForInput() {
        try {
            s.wait(20);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The schedule as a string: format version, program digest, run-length encoded choices. */
    public static String encode(List<long[]> choices, String digest) {
        StringBuilder sb = new StringBuilder("S2:").append(digest).append(':');
        for (int i = 0; i < choices.size(); ) {
            long[] c = choices.get(i);
            int j = i + 1;
            while (j < choices.size() && choices.get(j)[0] == c[0] && choices.get(j)[1] == c[1]) j++;
            if (i > 0) sb.append(',');
            if (isThreadChoice(c)) sb.append('t').append(c[1]);
            else sb.append(c[0]).append('.').append(c[1]);
            if (j - i > 1) sb.append('*').append(j - i);
            i = j;
        }
        return sb.toString();
    }

    /** The program's digest in a schedule string: the first 4 bytes of its text's SHA-256, in hex. */
    static String digest(String text) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 4; i++) sb.append(String.format("%02x", h[i]));
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parse a schedule string; throws IllegalArgumentException with a clear message when it is not one. */
    public static List<long[]> decode(String s, String digest, StringBuilder warning) {
        String[] parts = s.trim().split(":", 3);
        if (parts.length != 3 || !parts[0].startsWith("S")) throw new IllegalArgumentException("not a Safepoint schedule string");
        if (!parts[0].equals("S1") && !parts[0].equals("S2")) {
            throw new IllegalArgumentException("schedule format " + parts[0] + " is not supported (S1 and S2 are)");
        }
        if (!parts[1].equals(digest)) {
            warning.append("warning: the schedule was recorded for another version of this program (digest ")
                    .append(parts[1]).append(", now ").append(digest).append(")");
        }
        List<long[]> out = new ArrayList<>();
        if (parts[2].isEmpty()) return out;
        for (String item : parts[2].split(",")) {
            try {
                String[] rep = item.split("\\*");
                int times = rep.length > 1 ? Integer.parseInt(rep[1]) : 1;
                if (times < 1) throw new NumberFormatException();
                if (rep[0].startsWith("t") && parts[0].equals("S2")) {
                    long index = Long.parseLong(rep[0].substring(1));
                    if (index < 0) throw new NumberFormatException();
                    for (int k = 0; k < times; k++) out.add(new long[] {THREAD_CHOICE, index});
                    continue;
                }
                String[] pl = rep[0].split("\\.");
                long p = Long.parseLong(pl[0]);
                long len = Long.parseLong(pl[1]);
                if (p < 0 || len < 1) throw new NumberFormatException();
                for (int k = 0; k < times; k++) out.add(new long[] {p, len});
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("corrupted schedule string near '" + item + "'");
            }
        }
        return out;
    }

    /** Ready threads a choice looks at, from the front of each queue: enough to reorder, bounded per take. */
    static final int WINDOW = 16;

    /** The thread an idle processor takes, null if none, {@link #STOP} when the strategy stops the run. */
    private SThread take(int p) {
        // The candidates, in the order a real scheduler would take them: the front of the shared
        // queue, then of this processor's own queue, then the last thread of each other
        // processor's queue (a steal). Threads that ended while queued are dropped on the way.
        if (!othersWaitToRun()) return null; // the usual case: no allocation
        List<SThread> candidates = new ArrayList<>(2);
        window(s.ready.iterator(), WINDOW, candidates);
        window(s.local[p].iterator(), WINDOW, candidates);
        for (int k = 1; k < n; k++) window(s.local[(p + k) % n].descendingIterator(), 1, candidates);
        int count = candidates.size();
        if (count == 0) return null;
        SThread t = candidates.get(0);
        if (count > 1) {
            hadChoice = true;
            int i = strategy.pickThread(this, p, candidates);
            if (i < 0) return STOP;
            schedule.add(new long[] {THREAD_CHOICE, i});
            t = candidates.get(i);
            if (vm.events().recording()) vm.events().emit(p, new What.ThreadChoice(new ProcessorRef(p), Names.ref(vm.events(), t), i, count));
        }
        if (!s.ready.remove(t)) for (java.util.ArrayDeque<SThread> q : s.local) if (q.remove(t)) break;
        return t;
    }

    /** Up to {@code max} threads from a queue's {@code it}, skipping ones that ended while queued. */
    private static void window(java.util.Iterator<SThread> it, int max, List<SThread> into) {
        for (int taken = 0; taken < max && it.hasNext(); ) {
            SThread t = it.next();
            if (t.state == SThread.State.TERMINATED) {
                it.remove();
                continue;
            }
            into.add(t);
            taken++;
        }
    }

    /** Marks a recorded choice of thread (which of the candidates) among the processor choices. */
    static final long THREAD_CHOICE = -1;
    private static final SThread STOP = new SThread(Boolean.FALSE, new Interp(null));

    static boolean isThreadChoice(long[] choice) {
        return choice[0] == THREAD_CHOICE;
    }

    /** What each processor does, for the wait-for graph: at the barrier when idle while a GC is pending. */
    public WaitForGraph.ProcessorState[] states() {
        WaitForGraph.ProcessorState[] ps = new WaitForGraph.ProcessorState[n];
        for (int p = 0; p < n; p++) ps[p] = new WaitForGraph.ProcessorState(current[p], vm.barrier().pending && current[p] == null);
        return ps;
    }

    /** Whether every processor but p is stopped (idle, or at the barrier when a GC is pending). */
    private boolean othersStopped(int p) {
        for (int q = 0; q < n; q++) if (q != p && current[q] != null) return false;
        return true;
    }
}
