package safepoint.vm.interp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SchemeError;

/**
 * Expansion time as the green thread that asked for it (DESIGN.md, "the one rule").
 *
 * <p>Code run while compiling (a procedural macro's transformer, the transformer expression of a
 * {@code defsyntax}, a module's body at its first import) is Scheme code: it must run as a green
 * thread, polling, joining the GC barrier, scheduled by the controller, and able to wait. The
 * compiler is recursive Java, though, and cannot stop half-way on a green thread's continuation.
 * So a compile that a running green thread asks for ({@code eval}, {@code load}, and the imports
 * and macros they meet) is a coroutine on a compile thread of its own:
 * <ol>
 *   <li>the green thread's step ({@link #compile}) hands the compile to a compile thread and
 *       waits for its first message;
 *   <li>whenever the compiler needs Scheme code run, {@link #call} hands the code to the green
 *       thread: the step ends by running it as ordinary frames on the thread's own continuation,
 *       above a {@link Back} frame, with a handler that takes any error back to the compiler;
 *   <li>when the code returns, {@link Back} hands the value to the compile thread and waits for
 *       its next message; when the compile is done, the thread goes on with the compiled code.
 * </ol>
 * {@link #onCompileThread} tells the two cases apart for the Machine: on a compile thread, code is
 * handed to the green thread; anywhere else the host is compiling before any green thread runs
 * ({@code Machine.prepare}, REPL input), and the Machine runs the code in a nested loop itself.
 *
 * <p>Concurrency rule, enforced here: strict alternation. Of a green thread and its compile
 * thread exactly one runs at a time; the other waits on the {@link Job}'s monitor, which also
 * orders everything the compiler touches before the green thread's next step. So a compile part
 * is one primitive step of the thread, exactly as if it ran inline: controlled mode stays
 * deterministic, and a processor's Java thread waits only for compile work, never for a Scheme
 * wait. A compile thread never takes the scheduler's monitor (controlled mode holds it for the
 * whole run, and free run while a thread terminates another: see {@link #abandon}).
 *
 * <p>No compile thread is left behind: an idle one waits for the next compile and ends after
 * {@link #IDLE_MILLIS}. A compile whose green thread will never answer is unwound by
 * {@link Cancelled} and its thread goes back to the pool, at the moment that is known: the
 * thread terminates ({@link #abandon}), the registers of a primordial evaluation are done with,
 * the VM is rewound ({@link #abandonAll}). (Java's GC cannot find them: a parked compile
 * thread's stack reaches its whole machine.) A continuation that escapes a transformer leaves
 * its compile open until one of these.
 */
public final class ExpansionTime {
    private ExpansionTime() {}

    /** The compile this Java thread runs, or null off compile threads. */
    private static final ThreadLocal<Job> CURRENT = new ThreadLocal<>();
    /** Compile threads waiting for work, most recently used first. */
    private static final ConcurrentLinkedDeque<Worker> IDLE = new ConcurrentLinkedDeque<>();
    static final long IDLE_MILLIS = 10_000;
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Compiles begun and not ended, of every machine. */
    private static final Set<Job> OPEN = ConcurrentHashMap.newKeySet();

    /** Whether this Java thread is a compile thread: expansion-time code goes to its green thread. */
    public static boolean onCompileThread() {
        return CURRENT.get() != null;
    }

    /** Compiles begun and not ended. */
    static int open() {
        return OPEN.size();
    }

    /**
     * A primitive step of {@code m}'s thread compiles with {@code work}; the thread then goes on
     * with the node it returns (in tail position, no frame). A compile error is raised in the
     * thread, as if the compile had run inline.
     */
    public static void compile(Interp m, Supplier<Node> work) {
        Job outer = m.expanding;
        while (outer != null && outer.ended()) outer = outer.outer; // left behind by an escape
        Job job = new Job(work, outer, m.world);
        m.expanding = job;
        Worker.start(job);
        proceed(m, job, job.awaitGreenTurn());
    }

    /**
     * On a compile thread: run {@code code} (with no frame of its own) as the green thread that
     * asked for the compile, and return its value; an error it raises and does not handle is
     * thrown here as a SchemeError, at the place it was raised.
     */
    public static Object call(Node code) {
        Job job = CURRENT.get();
        Object answer = job.call(code);
        if (answer instanceof Value v) return v.value();
        if (answer instanceof Raised r) {
            SchemeError e = new SchemeError(r.payload());
            e.where = r.where();
            throw e;
        }
        throw Cancelled.INSTANCE;
    }

    /**
     * {@code m}'s thread terminated: the compiles it was in will never be answered. Each is
     * unwound now if it waits for an answer, else when it next calls. Called under the
     * scheduler's monitor, which the unwinding never needs.
     */
    public static void abandon(Interp m) {
        for (Job j = m.expanding; j != null; j = j.outer) j.abandon();
    }

    /** {@code machine} drops every thread (a rewind): unwind each of its compiles. Between runs only. */
    public static void abandonAll(Object machine) {
        for (Job j : OPEN) if (j.machine == machine) j.abandon();
    }

    /** The green thread's side: act on the compiler's message. */
    private static void proceed(Interp m, Job job, Object msg) {
        if (msg instanceof Call c) {
            if (job.abandoned()) {
                // The thread was terminated while its processor compiled: end the compile, and
                // this slice (a terminated thread is never run again).
                job.abandon();
                m.fuel = 0;
                m.stopSlice = true;
                return;
            }
            Back b = new Back(job, c.number(), m);
            m.push(b);
            m.handlers = new Pair(new Abort(b), Nil.NIL);
            m.lastRaiseWhere = null;
            m.env = null;
            m.pc = c.code();
            return;
        }
        m.expanding = job.outer;
        if (msg instanceof Done d) {
            m.env = null;
            m.pc = d.next();
            return;
        }
        Throwable e = ((Failed) msg).error();
        if (e instanceof StackOverflowError) throw Condition.raise("Expression nested too deeply to compile");
        if (e instanceof RuntimeException r) throw r;
        throw (Error) e;
    }

    // ---- messages ------------------------------------------------------------------------------

    /** From the compiler: run this code, as the {@code number}-th call of the compile. */
    private record Call(Node code, int number) {}

    /** From the compiler, last: the compile is done, go on with {@code next}. */
    private record Done(Node next) {}

    /** From the compiler, last: the compile threw. */
    private record Failed(Throwable error) {}

    /** To the compiler: the code returned this. */
    private record Value(Object value) {}

    /** To the compiler: the code raised this and did not handle it. */
    private record Raised(Object payload, Where where) {}

    /** To the compiler: no answer will come; unwind. */
    private static final Object CANCEL = new Object();

    /** Unwinds a compile whose green thread will never answer (an Error: no compiler code catches it). */
    private static final class Cancelled extends Error {
        static final Cancelled INSTANCE = new Cancelled();

        private Cancelled() {
            super("compile abandoned", null, false, false);
        }
    }

    // ---- the baton -------------------------------------------------------------------------

    /** One compile and its baton: whose turn it is, and what was handed over. Guarded by its monitor. */
    static final class Job {
        private enum Turn { COMPILER, GREEN, DONE }

        private final Supplier<Node> work;
        /** The compile the asking thread was in when it began this one (an eval in a transformer). */
        final Job outer;
        private Turn turn = Turn.COMPILER;
        private Object message;
        /** Calls handed to the green thread so far; the one it runs now is the last. */
        private int calls;
        private boolean abandoned;
        /** The machine compiled for (typed Object: this layer sits below it). */
        final Object machine;

        Job(Supplier<Node> work, Job outer, Object machine) {
            this.work = work;
            this.outer = outer;
            this.machine = machine;
        }

        /** On the compile thread: compile, then hand the outcome over. */
        void run(Worker self) {
            CURRENT.set(this);
            Object outcome;
            try {
                outcome = new Done(work.get());
            } catch (Cancelled c) {
                outcome = CANCEL;
            } catch (Throwable e) {
                outcome = new Failed(e);
            } finally {
                CURRENT.remove();
            }
            OPEN.remove(this);
            IDLE.addFirst(self); // before the green thread goes on, so its next compile reuses this thread
            synchronized (this) {
                message = outcome;
                turn = Turn.DONE;
                notifyAll();
            }
        }

        /** Green side: wait for the compiler's next message (a call to run, or the outcome). */
        synchronized Object awaitGreenTurn() {
            boolean interrupted = false;
            while (turn == Turn.COMPILER) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the compile part is short: finish the step, then pass it on
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            Object r = message;
            message = null;
            return r;
        }

        /** Green side: answer call {@code number}, then wait for the compiler's next message. */
        synchronized Object answer(int number, Object a) {
            if (turn != Turn.GREEN || calls != number) {
                throw Condition.raise("A continuation captured while expanding a macro was invoked after the expansion ended");
            }
            message = a;
            turn = Turn.COMPILER;
            notifyAll();
            return awaitGreenTurn();
        }

        /** Compile side: hand {@code code} to the green thread and wait for its answer. */
        synchronized Object call(Node code) {
            if (abandoned) throw Cancelled.INSTANCE;
            message = new Call(code, ++calls);
            turn = Turn.GREEN;
            notifyAll();
            while (turn == Turn.GREEN) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // Compile threads are never interrupted on purpose; keep waiting for the answer.
                }
            }
            Object r = message;
            message = null;
            return r;
        }

        synchronized boolean ended() {
            return turn == Turn.DONE;
        }

        synchronized boolean abandoned() {
            return abandoned;
        }

        /** No answer will come: unwind now if the compiler waits for one, else at its next call. */
        void abandon() {
            synchronized (this) {
                abandoned = true;
                if (turn != Turn.GREEN) return;
                message = CANCEL;
                turn = Turn.COMPILER;
                notifyAll();
                awaitGreenTurn(); // the compile unwinds and ends (it calls no more once abandoned)
            }
        }
    }

    /** A compile thread: runs one compile after another, and ends after a while without one. */
    private static final class Worker implements Runnable {
        private Job job;

        static void start(Job job) {
            OPEN.add(job);
            Worker w = IDLE.pollFirst();
            if (w == null) {
                w = new Worker();
                Thread t = new Thread(w, "safepoint-compile-" + NAMES.incrementAndGet());
                t.setDaemon(true);
                t.start();
            }
            w.assign(job);
        }

        synchronized void assign(Job j) {
            job = j;
            notifyAll();
        }

        @Override
        public void run() {
            for (;;) {
                Job j;
                synchronized (this) {
                    long until = System.nanoTime() + IDLE_MILLIS * 1_000_000;
                    while (job == null) {
                        long left = until - System.nanoTime();
                        // Idle too long: leave, unless a compile is taking this thread right now.
                        if (left <= 0 && IDLE.remove(this)) return;
                        try {
                            wait(Math.max(1, left / 1_000_000));
                        } catch (InterruptedException e) {
                            if (IDLE.remove(this)) return;
                        }
                    }
                    j = job;
                    job = null;
                }
                j.run(this);
            }
        }
    }

    // ---- frames on the green thread ----------------------------------------------------------

    /**
     * Below code the compiler handed over: takes its value back to the compiler. It keeps the
     * dynamic state of the step that asked (handlers, parameters, winders), which the code's own
     * may not leak into.
     */
    static final class Back extends Frame {
        final Job job;
        final int number;
        final Object handlers;
        final DynBinding params;
        final Winder winders;
        final Where lastRaise;

        Back(Job job, int number, Interp m) {
            this.job = job;
            this.number = number;
            this.handlers = m.handlers;
            this.params = m.params;
            this.winders = m.winders;
            this.lastRaise = m.lastRaiseWhere;
        }

        @Override
        public void resume(Interp m) {
            restore(m);
            answer(m, new Value(m.val));
        }

        void restore(Interp m) {
            m.handlers = handlers;
            m.params = params;
            m.winders = winders;
            m.lastRaiseWhere = lastRaise;
            m.expanding = job;
        }

        void answer(Interp m, Object a) {
            proceed(m, job, job.answer(number, a));
        }
    }

    /**
     * The handler of code the compiler handed over: an error it does not handle goes back to the
     * compiler (a transformer's error becomes a syntax error at the macro's use), with the frames
     * above {@link Back} dropped, as an uncaught error ends a computation of its own.
     */
    static final class Abort extends ControlPrim {
        private final Back back;

        Abort(Back back) {
            super("##expansion-handler", 1, 1);
            this.back = back;
        }

        @Override
        public void invoke(Interp m, Object[] a) {
            Raised raised = new Raised(a[0], m.lastRaiseWhere);
            m.k = back.next;
            back.restore(m);
            // Answer from the loop, not from here: a handler runs inside raise, where a throw
            // (the compile failing in turn) would escape the interpreter.
            m.pc = new Node() {
                @Override
                public void exec(Interp mm) {
                    back.answer(mm, raised);
                }
            };
        }
    }
}
