package safepoint.vm.interp;

import safepoint.vm.data.MonitorOrder;
import java.util.List;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.Nil;
import safepoint.vm.data.OutputPort;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Values;
import safepoint.vm.data.Serials;

/**
 * The registers of one green thread and the trampoline that runs it.
 *
 * <p>State is exactly: {@code pc} (next node, or null to return {@code val} to the top frame),
 * {@code env} (the current frame), {@code val}, {@code k} (the continuation frame chain) and the
 * dynamic state (winders, handlers, parameter bindings). Nothing lives on the Java stack between
 * two iterations of {@link #run}, so the loop can stop at any scheduling point and a later
 * {@code run} continues exactly; that is what lets a processor switch threads at a poll.
 *
 * <p>Concurrency: an Interp is only ever run by one Java thread at a time (the processor
 * driving it); {@link #interruptFlags} is the only field other threads write.
 */
public final class Interp implements Ctx {
    // ---- registers -------------------------------------------------------------------------
    public Node pc;
    public Object[] env;
    public Object val;
    public Frame k;
    public Winder winders;
    public Object handlers = Nil.NIL;
    public DynBinding params;

    /** Scheduling points left in this slice; the loop stops when it reaches 0. */
    public int fuel;
    /** The poll flag word: set by other threads to ask this thread to service something. */
    public volatile int interruptFlags;
    /** Ctrl-C: raise "User interrupt" at the next poll. */
    public static final int INTR_USER = 1;
    /**
     * A host stop (free run): end the slice at the next scheduling point, polls or not, so the
     * processor halts there; the processor that set it clears it when the stop is over.
     */
    public static final int INTR_HOST = 2;
    private static final java.lang.invoke.VarHandle FLAGS;
    static {
        try {
            FLAGS = java.lang.invoke.MethodHandles.lookup().findVarHandle(Interp.class, "interruptFlags", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Set {@code flag} in the poll flag word (any thread; atomic, so no other flag is lost). */
    public void raiseFlag(int flag) {
        FLAGS.getAndBitwiseOr(this, flag);
    }

    /** Clear {@code flag} in the poll flag word (any thread). */
    public void clearFlag(int flag) {
        FLAGS.getAndBitwiseAnd(this, ~flag);
    }

    // ---- statistics (read by tests and the inspector) ---------------------------------------
    /** Procedure entries (scheduling points) executed. */
    public long entries;
    /** Polls executed (entries of code compiled with interrupts enabled). */
    public long polls;
    /** Words allocated. */
    public long allocated;
    /** Scheme objects allocated (not counting the interpreter's own frames): a progress counter. */
    public long objects;

    // ---- threads ---------------------------------------------------------------------------
    /** The green thread these registers belong to. */
    public Owner thread;
    /** What this step touches, while a dpor search runs the thread (else null): see {@link Footprint}. */
    public Footprint footprint;

    /** The step reads or writes {@code o} (a sync object, a marked location, an assigned global). */
    public void touched(Object o, boolean write) {
        if (footprint != null) footprint.touch(o, write);
    }

    /** A mutator primitive ran (its name ends in !): the step is dependent with every other. */
    @Override
    public void mutated() {
        if (footprint != null) footprint.unknown();
    }
    /** Set by a primitive that must wait: the processor parks the thread instead of requeueing it. */
    boolean blocked;
    /**
     * The call that began the wait now ending: an exception the wait ends with (a join of a failed
     * thread, an abandoned mutex) is raised there, as when it is found without waiting. The node,
     * not its {@link Where}: code is not the program's data, so the heap does not count it.
     */
    Node blockedAt;
    /** The compile this thread is in (an eval or load it asked for: see ExpansionTime), or null. */
    volatile ExpansionTime.Job expanding;
    /** An exception to raise when the thread next runs (a join that found an uncaught exception). */
    public Object pendingRaise;
    /**
     * Thunks another thread gave with thread-async!, a Scheme list, last given first: each runs
     * when this thread next runs (a waiting thread's when its wait ends), then the thread goes on.
     */
    public Object pendingAsync = Nil.NIL;

    /**
     * End this slice now without touching {@link #fuel}, so the scheduling points actually used
     * stay countable (a recorded schedule replays exactly).
     */
    public boolean stopSlice;

    /** Controlled mode (PCT, dfs): end the slice after each sync point, so the strategy chooses there. */
    public boolean stopAtSync;

    /** Controlled mode (PCT): also end the slice at an allocation point (every 1,024 words allocated). */
    public boolean stopAtAlloc;

    /** Allocation points passed. */
    public long allocPoints;

    /** Sync points passed: sync operations, marked accesses, spinlock tries, table steps. */
    public long syncPoints;

    /** This slice ended in thread-yield!: the thread gives way to any that waits to run. */
    private boolean yielded;

    /** thread-yield!: end the slice at this poll and give way to the threads waiting to run. */
    public void yieldSlice() {
        stopSlice = true;
        yielded = true;
        polling = true;
    }

    /** A sync point (DESIGN.md): a scheduling point where PCT and dfs may choose another processor. */
    /**
     * In a poll round of :std/event's sync: its tries make nothing ready for others, so they are
     * no progress (smp.EventWait). Ends at the round's end, or at the thread's next wait.
     */
    public boolean pollingEvents;

    public void syncPoint() {
        fuel--;
        syncPoints++;
        if (stopAtSync) stopSlice = true;
    }

    /** Spin tries (each a scheduling point that is not progress). */
    public long spinTries;

    /** The spinlock this thread spins on (an smp.Spinlocks.Spinlock, typed Object: this layer sits below it), or null. */
    public Object spinningOn;

    /** Park this thread on {@code on} (mutex, condvar, thread, mailbox, clock) until woken or timed out. */
    public void block(Object on, double timeoutSecs, Object timeoutValue) {
        pollingEvents = false;
        blocked = true;
        stopSlice = true;
        if (timeoutSecs >= 0) mutated(); // a timed wait reads the clock, which every step moves
        thread.beginWait(on, timeoutSecs < 0 ? Long.MAX_VALUE : world.clock() + (long) (timeoutSecs * 1e9), timeoutValue);
    }

    // ---- outcome ---------------------------------------------------------------------------
    public boolean halted;
    public Object uncaught;
    public Where uncaughtWhere;

    /** The machine that runs these registers, as this layer sees it. */
    public final World world;
    /** The world's scheduler monitor and barrier flag, kept here: they are read at calls and entries. */
    private final Object monitor;
    private final BarrierFlag<?> barrier;
    /** SAFEPOINT_DEBUG=1 prints the Java trace of internal errors (for Safepoint's developers). */
    static final boolean DEBUG = System.getenv("SAFEPOINT_DEBUG") != null;

    /** {@code world} may be null for registers that never run (a placeholder thread). */
    public Interp(World world) {
        this.world = world;
        this.monitor = world == null ? null : world.monitor();
        this.barrier = world == null ? null : world.barrier();
    }

    // ---- running ---------------------------------------------------------------------------

    /** Prepare to evaluate {@code code} in frame {@code frame} with a fresh continuation. */
    public void start(Node code, Object[] frame) {
        pc = code;
        env = frame;
        val = null;
        k = new HaltFrame();
        halted = false;
        uncaught = null;
        uncaughtWhere = null;
    }

    /** Prepare to apply {@code f} to {@code args} with a fresh continuation. */
    public void startApply(Object f, Object[] args) {
        start(null, null);
        pc = new ApplyNode(f, args);
    }

    /**
     * Run until the thread halts, or {@code slice} scheduling points have passed, or something
     * ends the slice sooner; returns what ended it. Whatever ended the slice, the thread continues
     * exactly where it stopped at the next {@code run}.
     */
    public SliceEnd run(int slice) {
        fuel = slice;
        blocked = false;
        stopSlice = false;
        yielded = false;
        Where at = blockedAt == null ? null : blockedAt.where();
        blockedAt = null;
        if (pendingRaise != null) {
            Object e = pendingRaise;
            pendingRaise = null;
            pc = null;
            raiseCaught(e, false, at);
        }
        while (pendingAsync instanceof Pair p) { // the first given runs first: it is pushed last
            pendingAsync = p.cdr;
            Object proc = p.car;
            push(new AfterAsync(pc, env, val));
            pc = new Node() {
                @Override
                public void exec(Interp m) {
                    m.apply(proc, new Object[0]);
                }
            };
        }
        for (;;) {
            try {
                while (fuel > 0 && !stopSlice) {
                    Node n = pc;
                    if (n != null) {
                        pc = null;
                        n.exec(this);
                    } else {
                        Frame f = k;
                        k = f.next;
                        if (f.captured && k != null) k.captured = true;
                        f.resume(this);
                    }
                }
                return end();
            } catch (SchemeError e) {
                pc = null;
                // A handler will run: what waits for the failing call's value goes on the stack
                // first, so a returning handler's value replaces that call's alone (Gambit's rule).
                // With no handler the thread stops, and its backtrace is the one the code pushed.
                if (e.waiting != null && handlers instanceof Pair) {
                    for (int i = e.waiting.size() - 1; i >= 0; i--) push((Frame) e.waiting.get(i));
                }
                raiseCaught(e.payload, e.continuable, Where.of(e.where));
            } catch (StackOverflowError e) {
                pc = null;
                raiseCaught(Condition.error("Java stack exhausted in a primitive (data nested too deeply)", List.of()), false, null);
            } catch (OutOfMemoryError e) {
                // Java's own heap is full (data the simulated heap does not count, such as a string
                // port's text): the same heap-overflow as the simulated heap's. A thread with no
                // handler ends, so it lets go of its registers first (the condition needs room).
                pc = null;
                if (!(handlers instanceof Pair)) {
                    env = null;
                    val = null;
                    params = null;
                    winders = null;
                    k = new HaltFrame();
                }
                raiseCaught(Condition.heapOverflow(), false, null);
            } catch (RuntimeException e) {
                // A bug in Safepoint, or a data race on Scheme data in free run: report it as a
                // Scheme-level error, never as a JVM stack trace.
                pc = null;
                if (DEBUG) e.printStackTrace();
                raiseCaught(Condition.error("Internal error: " + e, List.of()), false, null);
            }
        }
    }

    /**
     * {@link #raise} from outside the loop's try: entering the handler may itself raise (a
     * Ctrl-C seen at its entry poll, a handler of the wrong arity), which then goes to the next
     * handler out instead of escaping {@link #run}. Each round uses one handler fewer, so it ends.
     */
    private void raiseCaught(Object payload, boolean continuable, Where where) {
        for (;;) {
            try {
                raise(payload, continuable, where);
                return;
            } catch (SchemeError e) {
                pc = null;
                payload = e.payload;
                continuable = e.continuable;
                where = Where.of(e.where);
            }
        }
    }

    private SliceEnd end() {
        if (halted) return SliceEnd.HALTED;
        if (blocked) return SliceEnd.BLOCKED;
        if (atSafepoint) {
            atSafepoint = false; // the processor joins the barrier now; the thread has no more to do there
            return SliceEnd.SAFEPOINT;
        }
        if (yielded) return SliceEnd.YIELDED;
        return polling ? SliceEnd.PREEMPTED : SliceEnd.NO_POLL;
    }

    // ---- calls -------------------------------------------------------------------------------

    /** Apply {@code f}: a closure's body becomes {@code pc}; a primitive's result {@code val}. */
    public void apply(Object f, Object[] args) {
        if (f instanceof Closure c) {
            enter(c.lambda, bind(c, args));
        } else if (f instanceof Primitive p) {
            val = p.callN(this, args);
        } else if (f instanceof ControlPrim cp) {
            cp.check(args);
            if (footprint != null) cp.footprint(this, args);
            if (cp.locksScheduler) {
                synchronized (monitor) {
                    if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, monitor);
                    cp.invoke(this, args);
                    if (!pollingEvents) world.progressed();
                }
                syncPoint(); // every sync operation is a scheduling point (DESIGN.md)
            } else {
                cp.invoke(this, args);
            }
        } else if (f instanceof Continuation c) {
            throwTo(c, args);
        } else if (f instanceof Parameter p) {
            applyParameter(p, args);
        } else if (f instanceof CaseLambda cl) {
            Closure c = cl.select(args);
            enter(c.lambda, bind(c, args));
        } else if (f instanceof Applicable a) {
            a.applyTo(this, args);
        } else {
            throw Condition.nonProcedure(f, args);
        }
    }

    /** A procedure entry: a scheduling point, and a poll unless compiled out. */
    void enter(Lambda l, Object[] frame) {
        env = frame;
        pc = l.body;
        entries++;
        fuel--;
        polling = l.polls;
        if (allocated - reported >= 1024) {
            world.account(thread, allocated - reported);
            reported = allocated;
            allocPoints++;
            if (stopAtAlloc) stopSlice = true; // PCT may change priorities where a GC could be requested
        }
        if (l.polls) {
            polls++;
            if (interruptFlags != 0) poll();
            if (barrier.pending) safepoint();
        } else {
            if (barrier.pending && barrier.requester == thread) safepoint(); // the allocating processor starts the GC itself, even without polls
            if ((interruptFlags & INTR_HOST) != 0) stopSlice = true; // a host stop halts code without polls too
        }
        if (l.debug != 0 || stepping != Debugging.Step.NONE) Debugging.entered(this, l, frame);
    }

    /** Whether this thread stops at its next procedure entry ({@code (step)}, {@code ,s}, {@code ,l}; see Debugging). */
    public Debugging.Step stepping = Debugging.Step.NONE;
    /** For {@link Debugging.Step#OVER}: the deepest continuation (in frames) at which an entry still stops. */
    int leapDepth;

    /** Words already reported to the heap. */
    private long reported;
    /** Stopped at a poll for a stop-the-world request: the slice ends as {@link SliceEnd#SAFEPOINT}. */
    public boolean atSafepoint;

    /**
     * At a scheduling point outside a procedure entry (a table step that allocated): when this
     * thread's allocation requested the GC, it stops at the barrier now, as an allocation does
     * in code without polls too. True when the slice ends there.
     */
    public boolean allocatorStops() {
        if (!barrier.pending || barrier.requester != thread) return false;
        safepoint();
        return true;
    }

    /**
     * The poll at a compiled loop's back edge (a spin loop's): a host stop or a GC's request ends
     * the slice there; otherwise the thread keeps its processor, as a poll with nothing pending
     * does. A user interrupt waits for the next procedure entry, where its handler can run.
     */
    public void backEdgePoll() {
        polls++;
        if ((interruptFlags & INTR_HOST) != 0) stopSlice = true;
        if (barrier.pending) safepoint();
    }

    public void safepoint() {
        atSafepoint = true;
        stopSlice = true;
    }

    /**
     * Whether the code now running polls (the procedure last entered was compiled with
     * interrupts enabled). When a slice ends at a scheduling point in code that does not poll,
     * the processor may look around (timeouts, host stops) but must go on with the same thread:
     * only a poll lets it switch threads.
     */
    public boolean polling = true;

    private void poll() {
        int f = interruptFlags;
        if ((f & INTR_HOST) != 0) stopSlice = true;
        if ((f & INTR_USER) != 0) {
            clearFlag(INTR_USER);
            push(new AfterInterrupt(pc, env)); // a debugger level's ,c goes on from here (Stop.resume)
            throw new SchemeError(new Condition(Condition.Kind.OTHER, "User interrupt", List.of(), null, List.of(), 0));
        }
    }

    /** Below a thread-async! thunk: when it returns, the thread goes on as it was, its value dropped. */
    static final class AfterAsync extends AfterInterrupt {
        final Object val;

        AfterAsync(Node pc, Object[] env, Object val) {
            super(pc, env);
            this.val = val;
        }

        @Override
        public void resume(Interp m) {
            super.resume(m);
            m.val = val;
        }
    }

    /** Below an interrupt raised at a poll: resuming it runs the code the poll interrupted, whatever the value. */
    static class AfterInterrupt extends Frame {
        final Node pc;
        final Object[] env;

        AfterInterrupt(Node pc, Object[] env) {
            this.pc = pc;
            this.env = env;
        }

        @Override
        public void resume(Interp m) {
            m.pc = pc;
            m.env = env;
        }
    }

    /** Build the callee's frame from {@code args}, checking arity and keywords. */
    Object[] bind(Closure c, Object[] args) {
        Lambda l = c.lambda;
        int n = args.length;
        Object[] fr = new Object[l.frameSize];
        fr[0] = c.env;
        if (l.simpleArity >= 0) {
            if (n != l.simpleArity) throw Condition.wrongArgs(c, args);
            System.arraycopy(args, 0, fr, 1, n);
            return fr;
        }
        if (l.keysAnywhere) return bindKeysAnywhere(c, args, fr);
        if (n < l.nreq) throw Condition.wrongArgs(c, args);
        System.arraycopy(args, 0, fr, 1, l.nreq);
        int i = l.nreq;
        int slot = 1 + l.nreq;
        for (int j = 0; j < l.nopt; j++) {
            // With keyword parameters, a keyword ends the optional arguments (Gerbil).
            boolean keywordNext = l.keys != null && i < n && args[i] instanceof Keyword;
            fr[slot++] = i < n && !keywordNext ? args[i++] : Special.DEFAULT;
        }
        if (l.keys != null) {
            int keyBase = slot;
            int keyStart = i;
            for (int j = 0; j < l.keys.length; j++) fr[slot++] = Special.DEFAULT;
            while (i < n) {
                if (!(args[i] instanceof Keyword kw)) {
                    if (l.rest) break;
                    throw new SchemeError(new Condition(Condition.Kind.KEYWORD, "Keyword argument expected", List.of(), c, List.of(args), i + 1));
                }
                if (i + 1 >= n) throw Condition.wrongArgs(c, args);
                int idx = -1;
                for (int j = 0; j < l.keys.length; j++) if (l.keys[j] == kw) idx = j;
                if (idx < 0) {
                    throw new SchemeError(new Condition(Condition.Kind.UNKNOWN_KEYWORD, "Unknown keyword argument passed to procedure", List.of(), c, List.of(args), 0));
                }
                if (fr[keyBase + idx] != Special.DEFAULT) {
                    throw new SchemeError(new Condition(Condition.Kind.UNKNOWN_KEYWORD, "Duplicate keyword argument " + kw,
                            List.of(), c, List.of(args), 0));
                }
                fr[keyBase + idx] = args[i + 1];
                i += 2;
            }
            if (l.rest) fr[slot++] = listFrom(args, l.restKeepsKeys ? keyStart : i);
            return fr;
        }
        if (l.rest) {
            fr[slot] = listFrom(args, i);
        } else if (i < n) {
            throw Condition.wrongArgs(c, args);
        }
        return fr;
    }

    /** Gerbil lambda lists: take out {@code key: value} pairs wherever they stand, then bind the rest by position. */
    private Object[] bindKeysAnywhere(Closure c, Object[] args, Object[] fr) {
        Lambda l = c.lambda;
        int keyBase = 1 + l.nreq + l.nopt;
        for (int j = 0; j < l.keys.length; j++) fr[keyBase + j] = Special.DEFAULT;
        Object[] pos = new Object[args.length];
        int np = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Keyword kw) {
                int idx = -1;
                for (int j = 0; j < l.keys.length; j++) if (l.keys[j] == kw) idx = j;
                if (idx < 0) {
                    throw new SchemeError(new Condition(Condition.Kind.UNKNOWN_KEYWORD, "Unknown keyword argument passed to procedure",
                            List.of(), c, List.of(args), 0));
                }
                if (i + 1 >= args.length) throw Condition.wrongArgs(c, args);
                if (fr[keyBase + idx] != Special.DEFAULT) {
                    throw new SchemeError(new Condition(Condition.Kind.UNKNOWN_KEYWORD, "Duplicate keyword argument " + kw,
                            List.of(), c, List.of(args), 0));
                }
                fr[keyBase + idx] = args[++i];
            } else {
                pos[np++] = args[i];
            }
        }
        if (np < l.nreq || (!l.rest && np > l.nreq + l.nopt)) throw Condition.wrongArgs(c, args);
        System.arraycopy(pos, 0, fr, 1, l.nreq);
        int i = l.nreq;
        for (int j = 0; j < l.nopt; j++) fr[1 + l.nreq + j] = i < np ? pos[i++] : Special.DEFAULT;
        if (l.rest) fr[keyBase + l.keys.length] = listFrom(java.util.Arrays.copyOf(pos, np), i);
        return fr;
    }

    Object listFrom(Object[] args, int from) {
        Object r = Nil.NIL;
        for (int j = args.length - 1; j >= from; j--) r = cons(args[j], r);
        return r;
    }

    public void push(Frame f) {
        f.next = k;
        k = f;
    }

    // ---- continuations -----------------------------------------------------------------------

    Continuation capture() {
        if (k != null) k.captured = true;
        return new Continuation(k, winders, handlers, params);
    }

    /** Return {@code args} to continuation {@code c}, running dynamic-wind thunks on the way. */
    void throwTo(Continuation c, Object[] args) {
        Object v = args.length == 1 ? args[0] : new Values(args);
        if (c.winders == winders) {
            k = c.k;
            handlers = c.handlers;
            params = c.params;
            val = v;
            return;
        }
        new Rewind(c, v, this).next(this);
    }

    // ---- exceptions --------------------------------------------------------------------------

    /**
     * Raise {@code obj} in the current dynamic context: call the innermost handler with the outer
     * handlers installed. A non-continuable raise whose handler returns is itself an error.
     */
    void raise(Object obj, boolean continuable, Where where) {
        if (!(handlers instanceof Pair hs)) {
            uncaught = obj;
            uncaughtWhere = where;
            halted = true;
            fuel = 0;
            return;
        }
        // Gambit's rule, which Gerbil inherits (not R7RS's): a handler that returns from a raise, or
        // from a primitive's error, makes the raise return its value: (+ 1 (raise 'x)) under a
        // handler giving 42 is 43, as gsi says. So raise and raise-continuable differ in nothing here.
        push(new RestoreHandlers(handlers));
        handlers = hs.cdr;
        if (where != null) lastRaiseWhere = where;
        apply(hs.car, new Object[] {obj});
    }

    /** The call waiting for the current procedure's result (the top frame's), or {@code fallback}. */
    public Where waitingWhere(Where fallback) {
        Where w = k == null ? null : k.where();
        return w != null ? w : fallback;
    }

    /** Where the most recent error was raised; kept for the top-level report of re-raises. */
    public Where lastRaiseWhere;

    // ---- parameters ----------------------------------------------------------------------------

    public Object paramValue(Parameter p) {
        for (DynBinding b = params; b != null; b = b.next) if (b.param == p) return b.value;
        return p.global;
    }

    /** Bind {@code p} to {@code v} until {@link #params} is restored (a frame below saved it). */
    public void bindParameter(Parameter p, Object v) {
        params = new DynBinding(p, v, params);
    }

    private void applyParameter(Parameter p, Object[] args) {
        if (args.length == 0) {
            val = paramValue(p);
        } else if (args.length == 1) {
            for (DynBinding b = params; b != null; b = b.next) {
                if (b.param == p) {
                    b.value = args[0];
                    val = Special.VOID;
                    return;
                }
            }
            p.global = args[0];
            val = Special.VOID;
        } else {
            throw Condition.wrongArgs(p, args);
        }
    }

    // ---- Ctx ---------------------------------------------------------------------------------

    @Override
    public Pair cons(Object car, Object cdr) {
        allocated += 3;
        objects++;
        Pair p = new Pair(car, cdr);
        p.addr = area.bump(3);
        return p;
    }

    /**
     * The allocation area of the processor running this thread: objects get consecutive
     * addresses in it; the processor takes a new area from the heap when it is used up.
     */
    public Area area = Area.DETACHED;

    @Override
    public <T extends HeapObj> T alloc(T obj, int words) {
        allocated += words;
        objects++;
        obj.addr = area.bump(words);
        return obj;
    }

    /** Units of a long primitive's work per scheduling point charged for it (see {@link #work}). */
    public static final int WORK_PER_POINT = 64;
    /** Scheduling points charged for long primitives' work: a progress counter. */
    public long workPoints;

    @Override
    public void reserve(long words) {
        if (words < WORK_PER_POINT) return; // too small to be worth a look: the next GC sees it
        work(words);
        if (words > world.heapCapacity()) {
            // No collection can make room: fail before building anything. The GC is still
            // requested, as Gambit collects before it reports an overflow; it runs at this
            // thread's next scheduling point (a handler's entry), as every GC does.
            world.requestGc(thread);
            throw Condition.of(Condition.Kind.HEAP_OVERFLOW, "Heap overflow");
        }
    }

    @Override
    public void allocated(long words) {
        allocated += words;
        work(words);
    }

    /**
     * Charge a long primitive's work to the slice: units / {@link #WORK_PER_POINT} scheduling
     * points come off the fuel at once (calls under that charge nothing, so short calls cost no
     * more than before). The primitive cannot stop mid-way, but the slice ends right after it,
     * so the scheduler, a GC barrier and Ctrl-C get their turn, and controlled mode counts the
     * points as steps and virtual time (see Controlled).
     */
    @Override
    public void work(long units) {
        if (units < WORK_PER_POINT) return;
        long points = units / WORK_PER_POINT;
        workPoints += points;
        fuel = (int) Math.max(Integer.MIN_VALUE / 2, fuel - points);
    }

    @Override
    public void pollInterrupt() {
        if ((interruptFlags & INTR_USER) == 0) return;
        clearFlag(INTR_USER);
        throw new SchemeError(new Condition(Condition.Kind.OTHER, "User interrupt", List.of(), null, List.of(), 0));
    }

    @Override
    public void fileOpened(OutputPort port) {
        world.fileOpened(port);
    }

    @Override
    public OutputPort currentOutput() {
        return (OutputPort) paramValue(world.currentOutput());
    }

    @Override
    public InputPort currentInput() {
        return (InputPort) paramValue(world.currentInput());
    }

    @Override
    public OutputPort currentError() {
        return (OutputPort) paramValue(world.currentError());
    }

    @Override
    public Serials serials() {
        return world.serials();
    }

    @Override
    public java.util.SplittableRandom random() {
        return world.random();
    }

    // ---- frames owned by the interpreter -------------------------------------------------------

    /** The bottom of every computation: stops the loop with the final value. */
    static final class HaltFrame extends Frame {
        @Override
        public void resume(Interp m) {
            m.halted = true;
            m.fuel = 0;
            m.k = this; // stay resumable-safe if run is called again
        }
    }

    static final class RestoreHandlers extends Frame {
        final Object saved;

        RestoreHandlers(Object saved) {
            this.saved = saved;
        }

        @Override
        public void resume(Interp m) {
            m.handlers = saved;
        }
    }


    /** Start a computation by applying a procedure (used by threads and the REPL). */
    static final class ApplyNode extends Node {
        final Object f;
        final Object[] args;

        ApplyNode(Object f, Object[] args) {
            this.f = f;
            this.args = args;
        }

        @Override
        public void exec(Interp m) {
            m.apply(f, args.clone());
        }
    }

    /** The steps of a continuation jump across dynamic-wind boundaries. */
    static final class Rewind extends Frame {
        private final Continuation target;
        private final Object value;
        private final Winder[] steps;     // winders whose thunk runs, in order
        private final boolean[] isAfter;
        private int i;

        Rewind(Continuation target, Object value, Interp m) {
            this.target = target;
            this.value = value;
            Winder from = m.winders;
            Winder to = target.winders;
            java.util.ArrayList<Winder> outs = new java.util.ArrayList<>();
            java.util.ArrayList<Winder> ins = new java.util.ArrayList<>();
            Winder a = from;
            Winder b = to;
            while (depth(a) > depth(b)) { outs.add(a); a = a.parent; }
            while (depth(b) > depth(a)) { ins.add(b); b = b.parent; }
            while (a != b) { outs.add(a); a = a.parent; ins.add(b); b = b.parent; }
            int n = outs.size() + ins.size();
            steps = new Winder[n];
            isAfter = new boolean[n];
            int j = 0;
            for (Winder w : outs) { steps[j] = w; isAfter[j++] = true; }
            for (int q = ins.size() - 1; q >= 0; q--) { steps[j] = ins.get(q); isAfter[j++] = false; }
        }

        private static int depth(Winder w) {
            return w == null ? 0 : w.depth;
        }

        @Override
        public void resume(Interp m) {
            if (!isAfter[i - 1]) m.winders = steps[i - 1];
            next(m);
        }

        void next(Interp m) {
            if (i == steps.length) {
                m.k = target.k;
                m.winders = target.winders;
                m.handlers = target.handlers;
                m.params = target.params;
                m.val = value;
                return;
            }
            int cur = i;
            Winder w = steps[cur];
            Rewind again = captured ? new Rewind(this) : this;
            again.i = cur + 1;
            m.winders = w.parent;
            m.handlers = w.handlers;
            m.params = w.params;
            m.push(again);
            m.apply(isAfter[cur] ? w.after : w.before, new Object[0]);
        }

        private Rewind(Rewind o) {
            target = o.target;
            value = o.value;
            steps = o.steps;
            isAfter = o.isAfter;
            i = o.i;
        }
    }
}
