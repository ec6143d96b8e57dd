package safepoint.vm.smp;

import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.Node;
import safepoint.vm.data.Condition;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Special;
import safepoint.vm.data.Serials;
import safepoint.vm.event.Events;
import safepoint.vm.event.What;

/**
 * Spinlocks as Gerbil inlines them ({@code __lock-inline!}, reference 5a): acquiring a held lock
 * spins, one scheduling point per try. The spin loop polls only when the code that called
 * {@code spinlock-acquire!} polls: inside {@code (declare (not interrupts-enabled))} it never
 * polls, so the spinning thread keeps its processor. On one processor that is a proof that the
 * holder can never run again: the spinner is reported as deadlocked.
 */
public final class Spinlocks {
    private Spinlocks() {}

    /**
     * Locking rule: the lock word ({@link #holder}) is changed only by compare-and-swap (take) and
     * a release store (release), as the hardware's word is: no Java monitor, so an uncontended take
     * is one atomic instruction and a release one plain store. The spin count is an atomic counter,
     * changed only on a failed try.
     */
    public static final class Spinlock extends HeapObj implements Printable {
        private static final java.lang.invoke.VarHandle HOLDER;
        private static final java.lang.invoke.VarHandle SPINS;

        static {
            try {
                java.lang.invoke.MethodHandles.Lookup l = java.lang.invoke.MethodHandles.lookup();
                HOLDER = l.findVarHandle(Spinlock.class, "holder", SThread.class);
                SPINS = l.findVarHandle(Spinlock.class, "spins", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        public final Object name;
        private volatile SThread holder;
        /** Why nobody will ever release it (a striped release that cleared another stripe), or null. */
        public volatile String stranded;
        private volatile long spins;
        /** A table policy's lock (made by TableWords): the explanations call it the table lock. */
        public boolean table;
        /** A table lock's take was given to the lock-order checker and race detector (TableWords). */
        boolean ordered;

        public Spinlock(Object name) {
            this.name = name;
        }

        /** The lock word's compare-and-swap: processors race for it. */
        public boolean tryTake(SThread t) {
            return holder == null && HOLDER.compareAndSet(this, (SThread) null, t);
        }

        /** One try of a spinning thread: null when it took the lock; else a spin, and the holder it met. */
        SThread spinOnce(SThread t) {
            // the witness of a failed swap is the holder met, never null (unlike a read after it)
            SThread met = (SThread) HOLDER.compareAndExchange(this, (SThread) null, t);
            if (met == null) return null;
            SPINS.getAndAdd(this, 1L);
            return met;
        }

        /** A failed try made elsewhere (a table policy's): counts the spin; the holder now, or null. */
        SThread spunOn() {
            SPINS.getAndAdd(this, 1L);
            return holder;
        }

        /**
         * Release the lock word: the thread that held it, or null when nobody did. A release is a
         * store with release order, as a hardware spinlock's unlock is (no atomic read-modify-write:
         * only the holder releases, except a striped release that clears the wrong stripe, and
         * what it read as the holder is then only what a report names).
         */
        SThread release() {
            SThread h = holder;
            if (h != null) HOLDER.setRelease(this, (SThread) null);
            return h;
        }

        /** The thread holding the lock now, or null. */
        public SThread holder() {
            return holder;
        }

        /** Failed tries of spinning threads, cumulative. */
        public long spins() {
            return spins;
        }

        @Override
        public void printOn(StringBuilder out, boolean write, Serials vm) {
            SyncObjects.printNamed(out, "spinlock", this, name, vm);
        }
    }

    /** One try of the acquire loop: a node the thread re-runs until it gets the lock. */
    static final class Spin extends Node {
        final Spinlock lock;
        final ThreadHost vm;

        Spin(Spinlock lock, ThreadHost vm) {
            this.lock = lock;
            this.vm = vm;
        }

        @Override
        public void exec(Interp m) {
            SThread holder = lock.spinOnce(SThread.running(m));
            m.touched(lock, true);
            if (holder == null) {
                if (vm.observing()) {
                    vm.event(SThread.running(m), new What.SpinlockTake(Names.lockRef(vm.events(), lock), Names.ref(vm.events(), SThread.running(m))));
                }
                vm.lockTaken(SThread.running(m), lock);
                m.spinningOn = null;
                m.val = Special.VOID;
                m.syncPoint();
                return;
            }
            m.spinTries++;
            if (m.spinningOn != lock && vm.observing()) {
                Events ev = vm.events();
                vm.event(SThread.running(m), new What.Spin(Names.lockRef(ev, lock), Names.ref(ev, SThread.running(m)), Names.ref(ev, holder)));
            }
            m.spinningOn = lock;
            m.entries++;
            m.syncPoint(); // each try is a scheduling point
            if (m.polling) {
                m.polls++;
                m.stopSlice = true; // a polling spinner ends its turn: the holder can run and release
            }
            m.pc = this;
        }
    }

    /**
     * The table policies' lock words ({@code --locks}): spinlocks like the program's own, so a
     * table lock's wait, holder, events and deadlocks are reported as a spinlock's are. A release
     * clears the word whoever holds it (a stale address stripe releases another thread's lock).
     * Takes and releases are events of recorded runs only (as table accesses are): every table
     * operation makes two, and in a live ring they would push out the events a person looks for;
     * a wait is an event whenever events are on.
     *
     * <p>The lock-order checker's monitor is machine-wide: taken twice per table operation it would
     * serialize every processor's tables on it, whatever the policy. So a take is reported to it
     * only when it can matter: the thread already holds a lock (an order to record), or the race
     * detector runs (controlled mode, which needs every acquire). What this misses: in free run, a
     * table lock taken first and held across a hash:/test:/update procedure that takes a mutex.
     */
    public static final class TableWords implements safepoint.vm.lang.HashTables.LockWords {
        private final ThreadHost vm;

        public TableWords(ThreadHost vm) {
            this.vm = vm;
        }

        @Override
        public Object make(String name) {
            Spinlock l = new Spinlock(name);
            l.table = true;
            return l;
        }

        @Override
        public boolean tryTake(Interp m, Object lock) {
            Spinlock l = (Spinlock) lock;
            SThread t = SThread.running(m);
            if (!l.tryTake(t)) return false;
            Events ev = vm.events();
            if (ev.recording()) vm.event(t, new What.SpinlockTake(Names.lockRef(ev, l), Names.ref(ev, t)));
            l.ordered = vm.detectingRaces() || !t.held().isEmpty();
            if (l.ordered) vm.lockTaken(t, l);
            m.spinningOn = null;
            return true;
        }

        @Override
        public void spun(Interp m, Object lock) {
            Spinlock l = (Spinlock) lock;
            SThread holder = l.spunOn();
            m.spinTries++;
            if (m.spinningOn != l && vm.observing()) {
                Events ev = vm.events();
                vm.event(SThread.running(m), new What.Spin(Names.lockRef(ev, l), Names.ref(ev, SThread.running(m)), Names.ref(ev, holder)));
            }
            m.spinningOn = l;
        }

        @Override
        public safepoint.vm.event.Ref.LockRef ref(Object lock) {
            return Names.lockRef(vm.events(), lock);
        }

        @Override
        public void stranded(Object lock, String why) {
            ((Spinlock) lock).stranded = why;
        }

        @Override
        public void release(Interp m, Object lock) {
            Spinlock l = (Spinlock) lock;
            SThread holder = l.release();
            if (holder == null) return;
            SThread t = SThread.running(m);
            if (l.ordered) vm.lockGiven(holder, t, l);
            l.ordered = false;
            Events ev = vm.events();
            if (ev.recording()) vm.event(t, new What.SpinlockRelease(Names.lockRef(ev, l), Names.ref(ev, t)));
        }
    }

    static Spinlock lock(Object x, String who) {
        return Condition.cast(Spinlock.class, x, who, 1, "SPINLOCK", x);
    }

    public static void install(ThreadHost vm) {
        vm.add(Primitive.ofN("make-spinlock", 0, 1, true, (c, a) -> c.alloc(new Spinlock(a.length > 0 ? a[0] : null), 4)));
        vm.add(Primitive.of1("spinlock?", true, (c, x) -> x instanceof Spinlock));
        vm.add(new ControlPrim("spinlock-acquire!", 1, 1) {
            { ownFootprint = true; } // the lock: each try and the release touch it
            @Override
            public void invoke(Interp m, Object[] a) {
                m.pc = new Spin(lock(a[0], "spinlock-acquire!"), vm);
            }
        });
        vm.add(new ControlPrim("spinlock-try-acquire!", 1, 1) {
            { ownFootprint = true; } // the lock: each try and the release touch it
            @Override
            public void invoke(Interp m, Object[] a) {
                Spinlock l = lock(a[0], "spinlock-try-acquire!");
                m.val = l.tryTake(SThread.running(m));
                m.touched(l, true);
                if (m.val == Boolean.TRUE) vm.lockTaken(SThread.running(m), l);
                m.syncPoint();
            }
        });
        vm.add(new ControlPrim("spinlock-release!", 1, 1) {
            { ownFootprint = true; } // the lock: each try and the release touch it
            @Override
            public void invoke(Interp m, Object[] a) {
                Spinlock s = lock(a[0], "spinlock-release!");
                SThread holder = s.release();
                m.touched(s, true);
                if (holder == null) throw Condition.raise("Releasing a spinlock that is not held:", s);
                vm.lockGiven(holder, SThread.running(m), s);
                if (vm.observing()) {
                    vm.event(SThread.running(m), new What.SpinlockRelease(Names.lockRef(vm.events(), s), Names.ref(vm.events(), SThread.running(m))));
                }
                m.val = Special.VOID;
                m.syncPoint();
            }
        });
        vm.add(Primitive.of1("spinlock-holder", true, (c, x) -> {
            SThread h = lock(x, "spinlock-holder").holder();
            return h == null ? Boolean.FALSE : h;
        }));
    }
}
