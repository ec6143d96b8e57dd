package safepoint.vm.smp;

import safepoint.vm.data.MonitorOrder;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;
import java.util.ArrayList;
import safepoint.vm.gc.Heap;
import safepoint.vm.num.Num;
import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.Node;
import java.util.List;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/**
 * Gambit's thread API (SRFI 18 plus mailboxes): threads, mutexes, condition variables. Every
 * wait goes through {@link Interp#block} and ends through the {@link Scheduler}: no primitive
 * parks its Java thread.
 */
public final class ThreadPrims {
    private ThreadPrims() {}

    static SThread thread(Object x, String who, Object[] args) {
        return Condition.cast(SThread.class, x, who, 1, "THREAD", args);
    }

    static SyncObjects.Mutex mutex(Object x, String who, Object[] args) {
        return Condition.cast(SyncObjects.Mutex.class, x, who, 1, "MUTEX", args);
    }

    static SyncObjects.CondVar condvar(Object x, String who, int index, Object[] args) {
        return Condition.cast(SyncObjects.CondVar.class, x, who, index, "CONDITION-VARIABLE", args);
    }

    /**
     * thread-receive (take the first message; it rewinds the cursor) and thread-mailbox-next
     * (peek: the message under the cursor stays): a message now, or park on the mailbox.
     */
    private static void nextMessage(Scheduler sched, Interp m, Object[] a, String who, boolean peek) {
        SThread self = SThread.running(m);
        ThreadHost vm = sched.vm;
        if (!peek) self.mailboxCursor = 0;
        if (self.mailboxCursor < self.mailbox.size()) {
            vm.acquired(self, self.mailbox);
            if (vm.observing()) vm.event(self, new What.Receive(vm.threadRef(self)));
            m.val = peek ? self.mailbox.get(self.mailboxCursor++) : self.mailbox.remove(0);
            return;
        }
        double secs = timeout(a, 0, who);
        self.peekWait = peek;
        m.block(self.mailbox, secs, a.length > 1 ? a[1] : SThread.TIMEOUT_RAISES);
        sched.parked(self);
    }

    /** A timeout argument: #f or absent means none (-1); a number of seconds otherwise. */
    /**
     * Takes {@code mx} for {@code owner} if it is free (or its owner has ended: then it is
     * abandoned, raised here as Gambit does), the value #t; false, and nothing done, if it is held.
     */
    private static boolean tryTake(ThreadHost vm, Interp m, SyncObjects.Mutex mx, SThread owner, Object[] a) {
        boolean ownerDead = mx.locked && mx.owner != null && mx.owner.state == SThread.State.TERMINATED;
        if (mx.locked && !ownerDead) return false;
        boolean abandoned = mx.abandoned || ownerDead;
        SThread by = ownerDead ? mx.owner : null;
        mx.locked = true;
        mx.owner = owner;
        mx.abandoned = false;
        if (vm.observing()) {
            vm.event(SThread.running(m), new What.MutexLock(Names.lockRef(vm.events(), mx), Names.ref(vm.events(), SThread.running(m)), false));
        }
        vm.lockTaken(owner, mx);
        if (abandoned) {
            throw new SchemeError(abandoned(by, List.of(a)));
        }
        m.val = Boolean.TRUE;
        return true;
    }

    static double timeout(Object[] a, int i, String who) {
        if (a.length <= i || a[i] == Boolean.FALSE) return -1;
        if (a[i] instanceof Long l) return Math.max(0, l);
        if (a[i] instanceof Double d) return Math.max(0, d);
        if (Num.isReal(a[i])) return Math.max(0, Num.toDouble(a[i])); // 1/1000, as Gambit takes any real
        throw Condition.typeError(who, i + 1, "REAL", a);
    }

    /** Give an unlocked mutex to its first waiter, if any. */
    static void handOff(Scheduler s, SyncObjects.Mutex mx) {
        SThread next = mx.waiters.poll();
        if (next == null) {
            mx.locked = false;
            mx.owner = null;
            return;
        }
        boolean wasAbandoned = mx.abandoned;
        SThread by = wasAbandoned ? mx.owner : null; // the owner that ended holding it
        mx.locked = true;
        mx.owner = next;
        if (s.vm != null) {
            if (s.vm.observing()) s.vm.event(null, new What.MutexLock(Names.lockRef(s.vm.events(), mx), Names.ref(s.vm.events(), next), true));
            s.vm.lockTaken(next, mx);
        }
        mx.abandoned = false;
        if (wasAbandoned) {
            s.wakeWithRaise(next, abandoned(by, List.of(mx)), What.Cause.MUTEX);
        } else {
            s.wake(next, Boolean.TRUE, What.Cause.MUTEX);
        }
    }

    /**
     * The abandoned-mutex-exception of a lock of a mutex whose owner ended holding it, in gsi's
     * words; the thread that ended is its irritant, so the report can say who it was.
     */
    static Condition abandoned(SThread by, List<Object> args) {
        return new Condition(Condition.Kind.ABANDONED_MUTEX, "MUTEX was abandoned", by == null ? List.of() : List.of(by), "mutex-lock!",
                args, 0);
    }

    /** trace-write's effect: the event, the access for the race detector, and its value. */
    static void recordWrite(ThreadHost vm, Interp m, Object[] a) {
        String loc = a[0] instanceof safepoint.vm.data.Symbol sy ? sy.name : String.valueOf(a[0]);
        traced(vm, m, true, loc, a[1]);
        vm.accessed(SThread.running(m), safepoint.vm.data.Symbol.of(loc), true);
        m.touched(safepoint.vm.data.Symbol.of(loc), true);
        m.val = a[1];
    }

    /** The event of a marked access: its value as display shows it, printed without taking serial numbers. */
    private static void traced(ThreadHost vm, Interp m, boolean write, String loc, Object value) {
        if (!vm.observing()) return;
        String text = safepoint.vm.print.Printer.display(value, vm.serials().observer());
        vm.event(SThread.running(m), new What.TraceAccess(write, loc, Names.ref(vm.events(), SThread.running(m)), text));
    }

    public static void install(ThreadHost vm) {
        Scheduler sched = vm.scheduler();
        java.util.function.Consumer<ControlPrim> add = p -> {
            p.locksScheduler = true;
            vm.add(p);
        };
        add.accept(new ControlPrim("make-thread", 1, 3) {
            @Override
            public void invoke(Interp m, Object[] a) {
                if (!(a[0] instanceof Procedure)) throw Condition.typeError("make-thread", 1, "PROCEDURE", a);
                Interp regs = new Interp(vm.world());
                regs.startApply(a[0], new Object[0]);
                regs.params = m.params; // a new thread inherits the parameterization
                SThread t = new SThread(a.length > 1 ? a[1] : Boolean.FALSE, regs);
                t.group = a.length > 2 ? ThreadGroups.group(a[2], "make-thread", a, 3) : SThread.running(m).group;
                t.group.add(t);
                t.index = vm.newThreadIndex();
                m.val = m.alloc(t, 16);
            }
        });
        add.accept(new ControlPrim("thread-start!", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SThread t = thread(a[0], "thread-start!", a);
                if (t.state != SThread.State.NEW) throw Condition.raise("Thread already started:", t);
                vm.threadStarted(SThread.running(m), t);
                sched.start(t, SThread.running(m));
                m.val = t;
            }
        });
        add.accept(new ControlPrim("thread-yield!", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.val = Special.VOID;
                m.yieldSlice(); // back to the scheduler, which requeues this thread behind the others
            }
        });
        add.accept(new ControlPrim("thread-sleep!", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                double secs = timeout(a, 0, "thread-sleep!");
                m.block(Symbol.of("sleep"), Math.max(0, secs), Special.VOID);
                sched.parked(SThread.running(m));
            }
        });
        add.accept(new ControlPrim("thread-join!", 1, 3) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SThread t = thread(a[0], "thread-join!", a);
                if (t == SThread.running(m)) throw new SchemeError(new Condition(Condition.Kind.DEADLOCK, "Deadlock detected: a thread joined itself",
                        List.of(), "thread-join!", List.of(a), 0));
                if (t.state == SThread.State.TERMINATED) {
                    t.joined = true;
                    vm.acquired(SThread.running(m), t);
                    sched.unjoinedFailures.remove(t);
                    sched.stopped.remove(t);
                    if (t.terminatedByRequest) {
                        throw new SchemeError(new Condition(Condition.Kind.TERMINATED_THREAD, "Terminated thread", List.of(),
                                "thread-join!", List.of(a), 0));
                    }
                    if (t.exception != null) throw new SchemeError(Scheduler.uncaught(t));
                    m.val = t.result;
                    return;
                }
                double secs = timeout(a, 1, "thread-join!");
                t.joinedBy(SThread.running(m));
                m.block(t, secs, a.length > 2 ? a[2] : SThread.TIMEOUT_RAISES);
                sched.parked(SThread.running(m));
            }
        });
        add.accept(new ControlPrim("thread-terminate!", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SThread t = thread(a[0], "thread-terminate!", a);
                m.val = Special.VOID;
                if (t.state == SThread.State.TERMINATED) return;
                t.terminatedByRequest = true;
                if (t == SThread.running(m)) {
                    m.halted = true;
                    m.fuel = 0;
                    return;
                }
                Scheduler.leaveWaiters(t);
                sched.terminated(t, SThread.running(m).onProcessor);
            }
        });
        // Gerbil's thread-raise! (doc/reference/std/misc/threads.md) on another thread: a waiting
        // thread wakes raising obj; a runnable one raises it when its next slice starts (a
        // running one may finish its slice first, and if it parks meanwhile, parked wakes it).
        add.accept(new ControlPrim("##thread-raise!", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SThread t = thread(a[0], "##thread-raise!", a);
                m.val = Special.VOID;
                if (t == SThread.running(m)) throw Condition.raise("##thread-raise!: the current thread raises with raise", t);
                if (t.state == SThread.State.TERMINATED) return;
                if (t.state == SThread.State.WAITING) {
                    Scheduler.leaveWaiters(t);
                    sched.wakeWithRaise(t, a[1], What.Cause.INTERRUPT);
                } else {
                    t.interp.pendingRaise = a[1];
                }
            }
        });
        // Gerbil's thread-async! (doc/reference/std/misc/threads.md) on another thread: th runs
        // proc when it next runs, then goes on where it was; a waiting thread runs it when its wait
        // ends (its wait is not cut short, unlike Gambit's interrupt of a sleep).
        add.accept(new ControlPrim("##thread-async!", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SThread t = thread(a[0], "##thread-async!", a);
                m.val = Special.VOID;
                if (t == SThread.running(m)) throw Condition.raise("##thread-async!: the current thread calls proc itself", t);
                if (t.state == SThread.State.TERMINATED) return;
                t.interp.pendingAsync = m.cons(a[1], t.interp.pendingAsync); // the newest first: see Interp.run
            }
        });
        // :std/event's poll round begins: its tries are no progress; the value is the progress count
        // before them, which the wait after an unsuccessful round keeps (EventWait.stamp).
        add.accept(new ControlPrim("##event-round!", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.pollingEvents = true;
                m.val = sched.progress;
            }
        });
        // :std/event's sync between two poll rounds (EventWait): (##event-wait! objects seconds timed? stamp).
        add.accept(new ControlPrim("##event-wait!", 4, 4) {
            @Override
            public void invoke(Interp m, Object[] a) {
                double secs = timeout(a, 1, "##event-wait!");
                long stamp = a[3] instanceof Long l ? l : -1;
                m.block(new EventWait(a[0], a[2] != Boolean.FALSE, stamp), Math.max(0, secs), Special.VOID);
                m.pollingEvents = true; // this wait is no progress either; the next round polls quietly
                sched.parked(SThread.running(m));
            }
        });
        // A round that found a ready object ends. Not under the scheduler's monitor: it is the
        // thread's own flag, and ending a round is no progress.
        vm.add(new ControlPrim("##event-round-end!", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.pollingEvents = false;
                m.val = Special.VOID;
            }
        });
        add.accept(new ControlPrim("##current-vm-processor-count", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.val = (long) sched.local.length;
            }
        });
        // Every thread started and not yet ended, in the scheduler's order (running, ready, waiting).
        add.accept(new ControlPrim("##all-threads", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                java.util.LinkedHashSet<SThread> all = new java.util.LinkedHashSet<>(sched.onCpu);
                all.addAll(sched.runnable());
                all.addAll(sched.waiting);
                all.add(SThread.running(m));
                List<SThread> list = new ArrayList<>(all);
                Object r = safepoint.vm.data.Nil.NIL;
                for (int i = list.size() - 1; i >= 0; i--) r = m.cons(list.get(i), r);
                m.val = r;
            }
        });
        ThreadGroups.install(add);
        add.accept(new ControlPrim("current-thread", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.val = SThread.running(m);
            }
        });
        vm.add(Primitive.of1("thread?", true, (c, x) -> x instanceof SThread));
        vm.add(Primitive.of1("thread-name", true, (c, x) -> thread(x, "thread-name", new Object[] {x}).name));
        vm.add(Primitive.of1("thread-specific", true, (c, x) -> thread(x, "thread-specific", new Object[] {x}).specific));
        vm.add(Primitive.of2("thread-specific-set!", true, (c, x, v) -> {
            thread(x, "thread-specific-set!", new Object[] {x, v}).specific = v;
            return Special.VOID;
        }));
        add.accept(new ControlPrim("thread-send", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SThread t = thread(a[0], "thread-send", a);
                vm.released(SThread.running(m), t.mailbox);
                if (vm.observing()) vm.event(SThread.running(m), new What.Send(vm.threadRef(SThread.running(m)), vm.threadRef(t)));
                if (t.waitingOn == t.mailbox && t.state == SThread.State.WAITING) {
                    vm.acquired(t, t.mailbox);
                    if (t.peekWait) {
                        t.mailbox.add(a[1]);
                        t.mailboxCursor = t.mailbox.size();
                    }
                    sched.wake(t, a[1], What.Cause.MESSAGE);
                } else {
                    t.mailbox.add(a[1]);
                }
                m.val = Special.VOID;
            }
        });
        add.accept(new ControlPrim("thread-receive", 0, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                nextMessage(sched, m, a, "thread-receive", false);
            }
        });
        add.accept(new ControlPrim("thread-mailbox-next", 0, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                nextMessage(sched, m, a, "thread-mailbox-next", true);
            }
        });
        add.accept(new ControlPrim("thread-mailbox-rewind", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SThread.running(m).mailboxCursor = 0;
                m.val = Special.VOID;
            }
        });
        add.accept(new ControlPrim("thread-mailbox-extract-and-rewind", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SThread self = SThread.running(m);
                if (self.mailboxCursor > 0) self.mailbox.remove(self.mailboxCursor - 1);
                self.mailboxCursor = 0;
                m.val = Special.VOID;
            }
        });
        add.accept(new ControlPrim("thread-state", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.val = ThreadState.of(thread(a[0], "thread-state", a), SThread.running(m));
            }
        });
        for (String kind : new String[] {"initialized", "runnable", "running", "waiting", "normally-terminated", "abnormally-terminated"}) {
            vm.add(Primitive.of1("thread-state-" + kind + "?", true, (c, x) -> x instanceof ThreadState s && s.kind.equals(kind)));
        }
        vm.add(Primitive.of1("thread-state-waiting-for", true, (c, x) -> x instanceof ThreadState s && s.kind.equals("waiting") ? s.detail : Boolean.FALSE));
        vm.add(Primitive.of1("thread-state-running-processor", true, (c, x) -> x instanceof ThreadState s && s.kind.equals("running") ? s.detail : Boolean.FALSE));
        vm.add(Primitive.of1("thread-state-normally-terminated-result", true,
                (c, x) -> x instanceof ThreadState s && s.kind.equals("normally-terminated") ? s.detail : Boolean.FALSE));
        vm.add(Primitive.of1("thread-state-abnormally-terminated-reason", true,
                (c, x) -> x instanceof ThreadState s && s.kind.equals("abnormally-terminated") ? s.detail : Boolean.FALSE));
        vm.add(Primitive.of1("thread-base-priority", true, (c, x) -> thread(x, "thread-base-priority", new Object[] {x}).priority));
        vm.add(Primitive.of2("thread-base-priority-set!", true, (c, x, p) -> {
            SThread t = thread(x, "thread-base-priority-set!", new Object[] {x, p});
            if (!(p instanceof Long || p instanceof Double)) throw Condition.typeError("thread-base-priority-set!", 2, "REAL", x, p);
            double now = ((Number) p).doubleValue();
            synchronized (sched) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, sched);
                boolean was = ((Number) t.priority).doubleValue() != 0;
                if (was != (now != 0)) sched.prioritized += now != 0 ? 1 : -1;
                t.priority = now;
            }
            return Special.VOID;
        }));

        // ---- mutexes and condition variables ------------------------------------------------
        vm.add(Primitive.ofN("make-mutex", 0, 1, true, (c, a) -> c.alloc(new SyncObjects.Mutex(a.length > 0 ? a[0] : null), 8)));
        vm.add(Primitive.of1("mutex?", true, (c, x) -> x instanceof SyncObjects.Mutex));
        vm.add(Primitive.of1("mutex-name", true, (c, x) -> {
            Object n = mutex(x, "mutex-name", new Object[] {x}).name;
            return n == null ? Special.VOID : n;
        }));
        vm.add(Primitive.of1("mutex-state", true, (c, x) -> {
            SyncObjects.Mutex mx = mutex(x, "mutex-state", new Object[] {x});
            synchronized (sched) { // a mutex's fields, and its owner's state, are the scheduler's
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, sched);
                if (!mx.locked) return Symbol.of(mx.abandoned ? "abandoned" : "not-abandoned");
                if (mx.owner == null) return Symbol.of("not-owned");
                if (mx.owner.state == SThread.State.TERMINATED) return Symbol.of("abandoned");
                return mx.owner;
            }
        }));
        add.accept(new ControlPrim("mutex-lock!", 1, 3) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SyncObjects.Mutex mx = mutex(a[0], "mutex-lock!", a);
                SThread owner = a.length > 2 ? (a[2] == Boolean.FALSE ? null : thread(a[2], "mutex-lock!", a)) : SThread.running(m);
                if (tryTake(vm, m, mx, owner, a)) return;
                // Mutexes are not recursive: locking one's own mutex waits (forever, unless timed).
                mx.waiters.add(SThread.running(m));
                m.block(mx, timeout(a, 1, "mutex-lock!"), Boolean.FALSE);
                sched.parked(SThread.running(m));
            }
        });
        // :std/event's poll of a mutex: take it if it is free, else #f at once. A mutex-lock!
        // with timeout 0 would be a timed wait, which hides a stuck poller from the deadlock proofs.
        add.accept(new ControlPrim("##mutex-try-lock!", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SyncObjects.Mutex mx = mutex(a[0], "##mutex-try-lock!", a);
                if (!tryTake(vm, m, mx, SThread.running(m), a)) m.val = Boolean.FALSE;
            }
        });
        add.accept(new ControlPrim("mutex-unlock!", 1, 3) {
            @Override
            public void invoke(Interp m, Object[] a) {
                SyncObjects.Mutex mx = mutex(a[0], "mutex-unlock!", a);
                SyncObjects.CondVar cv = a.length > 1 && a[1] != Boolean.FALSE ? condvar(a[1], "mutex-unlock!", 2, a) : null;
                // SRFI 18: unlocking a mutex owned by another thread is not an error.
                mx.abandoned = false;
                if (vm.observing()) {
                    vm.event(SThread.running(m), new What.MutexUnlock(Names.lockRef(vm.events(), mx), Names.ref(vm.events(), SThread.running(m))));
                }
                vm.lockGiven(mx.owner, SThread.running(m), mx);
                handOff(sched, mx);
                if (cv == null) {
                    m.val = Boolean.TRUE;
                    return;
                }
                cv.waiters.add(SThread.running(m));
                m.block(cv, timeout(a, 2, "mutex-unlock!"), Boolean.FALSE);
                sched.parked(SThread.running(m));
            }
        });
        vm.add(Primitive.ofN("make-condition-variable", 0, 1, true, (c, a) -> c.alloc(new SyncObjects.CondVar(a.length > 0 ? a[0] : null), 8)));
        vm.add(Primitive.of1("condition-variable?", true, (c, x) -> x instanceof SyncObjects.CondVar));
        for (boolean all : new boolean[] {false, true}) {
            String name = all ? "condition-variable-broadcast!" : "condition-variable-signal!";
            add.accept(new ControlPrim(name, 1, 1) {
                @Override
                public void invoke(Interp m, Object[] a) {
                    SyncObjects.CondVar cv = condvar(a[0], name, 1, a);
                    vm.released(SThread.running(m), cv);
                    List<Ref.ThreadRef> woke = vm.observing() ? new ArrayList<>() : null;
                    // signal wakes the first waiter, broadcast every one, in the order they came
                    for (SThread t; (t = cv.waiters.poll()) != null; ) {
                        vm.acquired(t, cv);
                        sched.wake(t, Boolean.TRUE, What.Cause.SIGNAL);
                        if (woke != null) woke.add(vm.threadRef(t));
                        if (!all) break;
                    }
                    if (woke != null) {
                        vm.event(SThread.running(m), new What.Signal(Names.lockRef(vm.events(), cv), vm.threadRef(SThread.running(m)), all, List.copyOf(woke)));
                    }
                    m.val = Special.VOID;
                }
            });
        }
        vm.add(new ControlPrim("gc", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                // Request a collection and stop right here: this thread is the requester.
                vm.barrier().request(SThread.running(m));
                m.val = Special.VOID;
                m.safepoint();
            }
        });
        vm.add(new ControlPrim("gc-report", 0, 0) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Heap h = vm.heap();
                Object tts = safepoint.vm.data.Nil.NIL;
                long[] times = vm.barrier().timeToSafepoint;
                for (int i = times.length - 1; i >= 0; i--) tts = m.cons(times[i] / 1e6, tts);
                Object[][] rows = {
                    {"collections", h.collections}, {"epoch", (long) h.epoch}, {"heap-words", h.capacity},
                    {"live-words", h.lastLive}, {"allocated-words-since-gc", h.sinceGc.get()},
                    {"last-pause-ms", h.lastPauseNanos / 1e6}, {"total-pause-ms", h.totalPauseNanos / 1e6},
                    {"weak-entries-cleared", h.lastCleared},
                    {"time-to-safepoint-ms", tts}};
                Object r = safepoint.vm.data.Nil.NIL;
                for (int i = rows.length - 1; i >= 0; i--) r = m.cons(m.cons(Symbol.of((String) rows[i][0]), rows[i][1]), r);
                m.val = r;
            }
        });
        vm.add(Primitive.of1("##object-address", true, (c, x) -> x instanceof safepoint.vm.data.HeapObj h ? (Object) h.addr : Boolean.FALSE));
        // Shared-state accesses a program marks for the race detector and explore's interleavings:
        // each returns its value and records a write or read of location loc.
        vm.add(new ControlPrim("trace-write", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                // The store a program marks happens right after this returns (set! of the value),
                // so the scheduling point comes first: recorded write and store are then one step,
                // and an interleaving shows writes in the order they took effect.
                m.syncPoint();
                if (m.stopSlice || m.fuel <= 0) {
                    m.pc = new Node() {
                        @Override
                        public void exec(Interp mm) {
                            recordWrite(vm, mm, a);
                        }
                    };
                    return;
                }
                recordWrite(vm, m, a);
            }
        });
        vm.add(new ControlPrim("trace-read", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                String loc = a[0] instanceof safepoint.vm.data.Symbol sy ? sy.name : String.valueOf(a[0]);
                traced(vm, m, false, loc, a[1]);
                vm.accessed(SThread.running(m), safepoint.vm.data.Symbol.of(loc), false);
                m.touched(safepoint.vm.data.Symbol.of(loc), false);
                m.val = a[1];
                m.syncPoint(); // the value was read before the call: the scheduling point comes after
            }
        });
        vm.add(Primitive.of1("uncaught-exception-reason", true, (c, x) -> {
            if (x instanceof Condition k && k.kind == Condition.Kind.UNCAUGHT) return k.irritants.get(0);
            throw Condition.typeError("uncaught-exception-reason", 1, "UNCAUGHT-EXCEPTION", x);
        }));
    }
}
