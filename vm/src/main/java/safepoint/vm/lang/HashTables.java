package safepoint.vm.lang;

import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Frame;
import safepoint.vm.interp.Interp;
import java.util.List;
import safepoint.tables.HashKind;
import safepoint.tables.HashSpec;
import safepoint.tables.HashTableBackend;
import safepoint.tables.Locking;
import safepoint.tables.Policy;
import safepoint.tables.RawTable;
import safepoint.tables.Step;
import safepoint.tables.TableHost;
import safepoint.tables.TableLocks;
import safepoint.tables.TableOp;
import safepoint.tables.TestKind;
import safepoint.tables.TestSpec;
import safepoint.tables.WaitPolls;
import safepoint.vm.data.Condition;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.Procedure;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;
import safepoint.vm.data.Serials;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;
import safepoint.vm.prims.Equality;
import safepoint.vm.prims.Hashing;

/**
 * Gerbil's hash tables (cons.io reference/gerbil/runtime/hash-tables.md) over the raw-table of
 * {@code tables/}. Every operation is a step machine run from a frame: the steps of one
 * operation run here in short batches, and a user's {@code hash:}/{@code test:} procedure, the
 * procedure of {@code hash-update!} and the callback of {@code hash-for-each} are Scheme calls
 * made by pushing the frame and jumping, never from Java.
 *
 * <p>Locking rule: a table keeps the {@link Policy} of {@code --locks} it was made under (its
 * {@link Locking}); under {@code none} it is unsynchronized, as Gerbil's are (reference 1.7), and
 * two threads writing it can corrupt it. The policies' lock words are the machine's spinlocks
 * ({@link LockWords}, implemented in smp), so their waits, holders and deadlocks are the
 * spinlocks' own. A table made with {@code lock:} also takes that mutex around every operation
 * (Gerbil's locked-hash-table), outside whatever the policy does: neither replaces the other.
 */
public final class HashTables {
    private HashTables() {}

    /** A hash table as Scheme sees it. */
    static final class Table extends HeapObj implements Printable {
        final RawTable raw;
        /** The policy's wrapper, set once by {@link #made} before the table is shared. */
        Locking locking;
        /** The {@code lock:} mutex (Gerbil's locked-hash-table), or null. */
        Object locker;

        Table(RawTable raw) {
            this.raw = raw;
        }

        @Override
        public void printOn(StringBuilder out, boolean write, Serials vm) {
            out.append("#<hash-table").append(vm.tag(this)).append('>');
        }
    }

    /**
     * The machine's spinlocks as table lock words (smp implements it: lang may not reach smp).
     * Each call is for the thread whose registers are {@code m}.
     */
    public interface LockWords {
        Object make(String name);

        /** One try; on success the lock is held by m's thread (events, lock order, happens-before). */
        boolean tryTake(Interp m, Object lock);

        /** A failed try: m's thread now spins on {@code lock} (for the analysis and the events). */
        void spun(Interp m, Object lock);

        /** Clears the lock word, whoever holds it. */
        void release(Interp m, Object lock);

        /** {@code lock} stays locked for ever, for the reason {@code why} (a report names it). */
        default void stranded(Object lock, String why) {
        }

        /** {@code lock} as the events name it. */
        Ref.LockRef ref(Object lock);
    }

    /**
     * The VM side of the tables library: hashing and tests in Java for the builtin kinds, and the
     * rehashes as events of the thread whose operation made them.
     */
    public static final class Host implements TableHost {
        final Serials vm;
        private final LanguageHost machine;
        /** The registers this host runs an operation for; null in the machine's shared host. */
        private final Interp running;

        /** Counts a table vector's words against the heap (heap-overflow when no heap could hold it). */
        private final java.util.function.LongConsumer charge;

        /** The machine's tables and their rehash counts (one registry, shared by the per-thread hosts). */
        public final TableRegistry tables;

        private final LockWords words;
        /** The lock words the policies share: the global lock, the address stripes. */
        final TableLocks locks;
        /** The table this host runs an operation on, and whether it writes: the access the race detector sees. */
        private final Object target;
        private final boolean write;
        /** The table (a RawTable or GcTable) whose operation this host runs, for the lock events; or null. */
        private final Object subject;

        /** The heap's GC epoch (gc-tables rehash when it changes). */
        private final java.util.function.IntSupplier epoch;

        public Host(LanguageHost machine, java.util.function.LongConsumer charge, java.util.function.IntSupplier epoch, LockWords words) {
            this.vm = machine.serials();
            this.machine = machine;
            this.charge = charge;
            this.epoch = epoch;
            this.running = null;
            this.tables = new TableRegistry();
            this.words = words;
            this.locks = new TableLocks();
            this.target = null;
            this.write = false;
            this.subject = null;
        }

        private Host(Host shared, Interp running, Object target, boolean write, Object subject) {
            this.vm = shared.vm;
            this.machine = shared.machine;
            this.charge = shared.charge;
            this.epoch = shared.epoch;
            this.running = running;
            this.tables = shared.tables;
            this.words = shared.words;
            this.locks = shared.locks;
            this.target = target;
            this.write = write;
            this.subject = subject;
        }

        /** The host for one operation of {@code m} on {@code t}: it knows the thread that takes locks. */
        Host on(Interp m, Object t, boolean write) {
            return new Host(this, m, t, write, null);
        }

        /** The host for a call's operation: its race target, and its table for the lock events. */
        Host on(Interp m, Call c) {
            return new Host(this, m, c.locked, c.write, c.subject());
        }

        /** A TableLock event of {@code lock}, if this host knows its table: WAIT when observing, the others when recording. */
        void lockEvent(Object lock, What.LockAction action) {
            if (subject == null || running == null) return;
            if (action == What.LockAction.WAIT ? !machine.observing() : !machine.events().recording()) return;
            Ref.TableRef r;
            int count;
            int slots;
            if (subject instanceof RawTable raw) {
                r = ref(raw);
                count = raw.count();
                slots = raw.slots();
            } else {
                safepoint.tables.GcTable g = (safepoint.tables.GcTable) subject;
                r = gcRef(g);
                count = g.length();
                slots = g.store().entries() * 2;
            }
            machine.event(running.thread, new What.TableLock(r, machine.threadRef(running.thread), words.ref(lock), action, count, slots));
        }

        @Override
        public Object newLock(String name) {
            return words.make(name);
        }

        @Override
        public boolean tryLock(Object lock) {
            if (!words.tryTake(running, lock)) return false;
            lockEvent(lock, What.LockAction.TAKE);
            // The access happens under the lock: the race detector sees it ordered by the lock.
            if (target != null) machine.accessed(running.thread, target, write);
            return true;
        }

        @Override
        public void unlock(Object lock) {
            words.release(running, lock);
            lockEvent(lock, What.LockAction.RELEASE);
        }

        @Override
        public long address(Object object) {
            // 0 for what has no address (a fixnum, a boolean): a gc-table hashes those by eq-hash
            return object instanceof HeapObj h ? h.addr : 0;
        }

        @Override
        public boolean immediate(Object key) {
            // not ##mem-allocated? in Gambit; symbols, flonums and bignums are heap objects there
            return key instanceof Long || key instanceof safepoint.vm.data.SChar || key instanceof Boolean
                    || key == safepoint.vm.data.Nil.NIL || key instanceof Special;
        }

        @Override
        public void strandedStripe(Object table, Object held, Object released, long lockedAt, long releasedAt) {
            StringBuilder t = new StringBuilder();
            ((Printable) table).printOn(t, true, vm);
            words.stranded(held, "taken for " + t + " at address " + lockedAt + "; a GC moved the table to " + releasedAt
                    + ", so its release cleared stripe " + TableLocks.stripeOf(releasedAt) + " instead");
        }

        @Override
        public int gcEpoch() {
            return epoch.getAsInt();
        }

        /** A gc-table store's header: allocated in the running thread's area, moved by every GC. */
        static final class Block extends HeapObj {}

        @Override
        public Object allocateObject(int words) {
            Block b = new Block();
            return running != null ? running.alloc(b, words) : b;
        }

        @Override
        public void gcTableRehashed(safepoint.tables.GcTable table, boolean resized, int oldSlots, int newSlots) {
            // through the tables' rehash events: a GC rehash keeps its size, a resize changes it
            if (running == null || !machine.observing()) return;
            Ref.TableRef r = gcRef(table); // the sizes tell a resize from a GC rehash
            machine.event(running.thread, new What.RehashStart(r, machine.threadRef(running.thread), oldSlots, newSlots));
            machine.event(running.thread, new What.RehashFinish(r, machine.threadRef(running.thread), oldSlots, newSlots));
        }

        @Override
        public void rehashStarted(RawTable table, int oldSlots, int newSlots) {
            tables.rehashStarted(table, oldSlots, newSlots);
            if (running == null || !machine.observing()) return;
            machine.event(running.thread, new What.RehashStart(ref(table), machine.threadRef(running.thread), oldSlots, newSlots));
        }

        @Override
        public void rehashFinished(RawTable table, int oldSlots, int newSlots) {
            tables.rehashFinished(table);
            if (running == null || !machine.observing()) return;
            machine.event(running.thread, new What.RehashFinish(ref(table), machine.threadRef(running.thread), oldSlots, newSlots));
        }

        @Override
        public void stepped(Object table, safepoint.tables.TableStep step) {
            // recorded runs only, as table accesses: one event per step is the hottest source there is
            if (running == null || !machine.events().recording()) return;
            // a raw table's op reports its RawTable, a striped release the Table whose address it read
            Ref.TableRef r = table instanceof RawTable raw ? ref(raw) : table instanceof Table t ? ref(t.raw) : gcRef(table);
            machine.event(running.thread, new What.TableStep(r, machine.threadRef(running.thread), step));
        }

        private Ref.TableRef ref(RawTable table) {
            return tableRef(machine, table);
        }

        /** A gc-table named as it prints: {@code #<hash-table>} or {@code #<gc-table>} (the registry knows which). */
        Ref.TableRef gcRef(Object table) {
            return new Ref.TableRef(machine.events().id(table), "#<" + tables.type(table) + ">");
        }

        @Override
        public long hash(HashKind kind, Object key) {
            return switch (kind) {
                case EQ, IMMEDIATE, SYMBOL -> Hashing.eq(key, vm);
                case EQV -> Hashing.eqv(key, vm);
                case EQUAL -> Hashing.equal(key, vm);
                case STRING -> Hashing.string(key);
                case PROCEDURE -> throw new IllegalStateException("procedure hashes are Scheme calls");
            };
        }

        @Override
        public boolean test(TestKind kind, Object a, Object b) {
            return switch (kind) {
                case EQ -> Equality.eq(a, b);
                case EQV -> Equality.eqv(a, b);
                case EQUAL -> Equality.equal(a, b);
                case STRING -> a instanceof MString x && b instanceof MString y && x.compareTo(y) == 0;
                case PROCEDURE -> throw new IllegalStateException("procedure tests are Scheme calls");
            };
        }

        @Override
        public Object[] allocate(int slots) {
            // A table's vector is heap data: counted since the last GC (the next scheduling
            // point that reports allocation may request a collection), refused if no heap holds it.
            charge.accept(slots + 1L);
            // The allocating thread requests the collection itself when the heap is now full, and
            // stops for it at the step's scheduling point, with whatever lock its policy holds.
            if (running != null) running.world.account(running.thread, 0);
            return new Object[slots];
        }
    }

    /** Words of a table's own object: a header and Gerbil's six fields (its vector is counted apart). */
    static final int TABLE_WORDS = 7;

    /** Steps run per batch before the operation yields to the trampoline (a scheduling point). */
    static final int BATCH = 64;

    /** Tries of Gerbil's inline spinlock before it calls {@code ##thread-yield!} (reference 5a: "spin 100x"). */
    static final int COMPILED_SPINS = 100;

    /**
     * One table operation of a thread: the op, its host, what answers NeedUpdate and Yield
     * ({@code proc}), and whether the code that called it polls (a lock's wait may poll
     * otherwise, but the code after the wait polls as compiled again).
     */
    static final class Call {
        final TableOp op;
        final Table table;
        /** What the race detector sees accessed: the table object (a {@link Table}, a gc-table's), or null. */
        final Object raced;
        /**
         * The raced object when its access is recorded where the policy's lock is taken (the
         * table's own lock, global's); null when it is recorded before the operation: under
         * {@code none}, and for a gc-table under {@code global}, whose seed lock guards resizes only.
         */
        final Object locked;
        final boolean write;
        final Object proc;
        final Object dflt;
        final boolean errorIfAbsent;
        final Object key;
        final boolean compiledPolls;
        /** The machine, for what the call asks of it (the host, lock words, the race detector). */
        final LanguageHost vm;
        /** The {@code lock:} mutex taken around the operation (Gerbil's locked-hash-table), or null. */
        final Object locker;
        /** What the operation's steps touch, for dpor's footprints: the table object, or null (the gc-table API). */
        final Object touches;

        Call(LanguageHost vm, Interp m, Table t, boolean write, TableOp op, Object proc, Object dflt, boolean errorIfAbsent, Object key) {
            this(vm, m, t, t == null ? null : t.locker, t, t, write, op, proc, dflt, errorIfAbsent, key);
        }

        /**
         * A call on a table that is no {@link Table} (a gc-table), {@code touches} being what its
         * steps touch for dpor and {@code raced} its object, for the race detector.
         */
        Call(LanguageHost vm, Interp m, Table t, Object locker, Object touches, Object raced, boolean write, TableOp op, Object proc,
                Object dflt, boolean errorIfAbsent, Object key) {
            this.vm = vm;
            this.raced = raced;
            this.locker = locker;
            this.touches = touches;
            this.op = op;
            this.table = t;
            boolean atLock = t != null ? t.locking.policy() != Policy.NONE
                    : raced instanceof GcTables.GcTableObj g && g.gc.mode() == safepoint.tables.GcTable.Mode.PER_TABLE;
            this.locked = atLock ? raced : null;
            this.write = write;
            this.proc = proc;
            this.dflt = dflt;
            this.errorIfAbsent = errorIfAbsent;
            this.key = key;
            this.compiledPolls = m.polling;
        }

        /** The table whose operation this is (a RawTable or GcTable), for the lock events. */
        Object subject() {
            return table != null ? table.raw : raced instanceof GcTables.GcTableObj g ? g.gc : null;
        }

        /**
         * Runs the first steps. Under {@code none} the race detector sees the access here (after a
         * lock: mutex is taken); under a policy, when its lock is taken; lock-free-reads' reads take
         * none and are ordered by the publication of what they read instead.
         */
        void begin(Interp m) {
            if (locked == null && raced != null) vm.accessed(m.thread, raced, write);
            drive(m, this);
        }
    }

    /** Run a call's steps. */
    static void drive(Interp m, Call c) {
        TableOp op = c.op;
        // A host per batch, never kept in a frame: frames are heap data the collector walks.
        Host host = c.vm.tableHost().on(m, c);
        Object proc = c.proc;
        for (int n = 0; n < BATCH; n++) {
            Step s = op.step(host);
            m.touched(c.touches, true);
            // Each table step is a scheduling point: in controlled mode another processor may run
            // between any two steps of an operation (how concurrent writers corrupt a table).
            m.syncPoint();
            if (s instanceof Step.Spin spin) {
                // a failed try of a table lock: spin, polling as the policy says
                if (m.spinningOn != spin.lock()) host.lockEvent(spin.lock(), What.LockAction.WAIT); // the wait's first try
                c.vm.tableWords().spun(m, spin.lock());
                m.polling = spin.polls() == WaitPolls.ALWAYS || spin.polls() == WaitPolls.AS_COMPILED && c.compiledPolls;
                if (spin.polls() == WaitPolls.ALWAYS) {
                    m.polls++;
                    m.stopSlice = true; // a polling wait ends its turn at each try: the holder can run and release
                    break;
                }
                if (m.polling) {
                    // Gerbil's compiled spin (__lock-inline!) in code that polls: a poll at each
                    // try services a stop (a GC's barrier) but keeps the processor; every 100
                    // tries ##thread-yield! gives way to a thread waiting to run on it, if any.
                    m.backEdgePoll();
                    if (m.spinTries % COMPILED_SPINS == 0) m.yieldSlice();
                }
                if (m.fuel <= 0 || m.stopSlice) break;
                continue;
            }
            // Code that polls polls again after a wait, unless the step left a lock held whose
            // section must not poll (lock-after-probe, striped-address): then it keeps its processor.
            m.polling = c.compiledPolls && !op.inNoPollSection();
            if (s == Step.CONTINUE) {
                // A step whose allocation requested a GC goes to the barrier now, mid-operation,
                // holding what the policy holds (global's lock during a rehash: seed bug 5a).
                if (m.allocatorStops() || m.fuel <= 0 || m.stopSlice) break;
                continue;
            }
            if (s instanceof Step.Done d) {
                Object r = d.result();
                if (r == null) r = Special.VOID;
                if (c.errorIfAbsent && r == ABSENT_MARK) {
                    if (c.locker == null) throw unboundKey(c.key);
                    r = new Unbound(c.key); // raised once the lock: mutex is given back (Value)
                }
                if (r == ABSENT_MARK) r = c.dflt;
                m.val = r;
                return;
            }
            if (s instanceof Step.NeedHash h) {
                callUser(m, c, h.procedure(), new Object[] {h.key()}, true);
                return;
            }
            if (s instanceof Step.NeedTest t) {
                callUser(m, c, t.procedure(), new Object[] {t.a(), t.b()}, true);
                return;
            }
            if (s instanceof Step.NeedUpdate u) {
                callUser(m, c, proc, new Object[] {u.oldValue()}, true);
                return;
            }
            if (s instanceof Step.Yield y) {
                callUser(m, c, proc, new Object[] {y.key(), y.value()}, false);
                return;
            }
        }
        // A long operation (a big rehash, or a probe that never ends on a corrupted table), or the
        // end of this slice: return to the trampoline and go on with the next step later.
        m.push(new Resume(c, false));
        m.val = Special.VOID;
    }

    /**
     * Calls the user's procedure for the operation, then goes on with its steps. While the
     * operation holds a policy's lock, the call is wound: if the procedure raises and a handler
     * escapes, the operation is abandoned and gives its lock back (a lock left held would make
     * the table's next caller spin for ever). A call that returns leaves the lock to the steps.
     */
    private static void callUser(Interp m, Call c, Object procedure, Object[] args, boolean supply) {
        m.push(new Resume(c, supply));
        if (!c.op.holdsLock()) {
            m.apply(procedure, args);
            return;
        }
        boolean[] returned = {false};
        m.apply(c.vm.lookup("dynamic-wind"), new Object[] {
            new Step0("hash-table-call-begin", m2 -> m2.val = Special.VOID),
            new Step0("hash-table-call", m2 -> {
                m2.push(new Returned(returned));
                m2.apply(procedure, args);
            }),
            new Step0("hash-table-call-end", m2 -> {
                if (!returned[0]) c.op.abandon(c.vm.tableHost().on(m2, c));
                m2.val = Special.VOID;
            })});
    }

    /** Marks that the user's procedure returned (its value passes through). */
    static final class Returned extends Frame {
        private final boolean[] returned;

        Returned(boolean[] returned) {
            this.returned = returned;
        }

        @Override
        public void resume(Interp m) {
            returned[0] = true;
        }
    }

    /**
     * Starts one operation of {@code m} on {@code t}. With a {@code lock:} mutex, as Gerbil's
     * locked-hash-table: {@code (dynamic-wind (lambda () (mutex-lock! mx)) operation (lambda ()
     * (mutex-unlock! mx)))}, each a Scheme call made by pushing frames (a mutex that is held
     * blocks the thread, it never spins). The wind gives the mutex back when a {@code hash:},
     * {@code test:} or update procedure raises and a handler escapes (with-catch, guard).
     */
    static void start(LanguageHost vm, Interp m, Table t, boolean write, TableOp op, Object proc, Object dflt, boolean errorIfAbsent, Object key) {
        start(vm, m, new Call(vm, m, t, write, op, proc, dflt, errorIfAbsent, key));
    }

    /** Starts {@code c}, inside its {@code lock:} mutex's wind when it has one. */
    static void start(LanguageHost vm, Interp m, Call c) {
        if (c.locker == null) {
            c.begin(m);
            return;
        }
        m.push(new RaiseUnbound());
        m.apply(vm.lookup("dynamic-wind"), new Object[] {
            new Step0("hash-table-lock", m2 -> m2.apply(vm.lookup("mutex-lock!"), new Object[] {c.locker})),
            new Step0("hash-table-operation", c::begin),
            new Step0("hash-table-unlock", m2 -> m2.apply(vm.lookup("mutex-unlock!"), new Object[] {c.locker}))});
    }

    /** A thunk of the lock: wind, in Java: it pushes frames or sets the registers, never recurses. */
    static final class Step0 extends ControlPrim {
        private final java.util.function.Consumer<Interp> body;

        Step0(String name, java.util.function.Consumer<Interp> body) {
            super(name, 0, 0);
            this.body = body;
        }

        @Override
        public void invoke(Interp m, Object[] args) {
            body.accept(m);
        }
    }

    /** After the lock: wind: a missing key that hash-ref must raise is raised once the mutex is given back. */
    static final class RaiseUnbound extends Frame {
        @Override
        public void resume(Interp m) {
            if (m.val instanceof Unbound u) throw unboundKey(u.key);
        }
    }

    /** A missing key that hash-ref must raise, carried past the unlock of a lock: mutex. */
    record Unbound(Object key) {}

    static SchemeError unboundKey(Object key) {
        return new SchemeError(Condition.error("unknown hash key", List.of(key)));
    }

    /** A unique default that tells "absent" apart from any stored value. */
    static final Object ABSENT_MARK = new Object();

    static final class Resume extends Frame {
        final Call call;
        final boolean supply;

        Resume(Call call, boolean supply) {
            this.call = call;
            this.supply = supply;
        }

        @Override
        public void resume(Interp m) {
            if (supply) call.op.supply(m.val);
            drive(m, call);
        }
    }

    /**
     * A raw-table probe that can never end unless another thread writes the table: {@code table}
     * (the object the program holds), the operation, the slots of the vector it walks, and the
     * table's count and free words, which should have made it rehash before it filled.
     */
    public record EndlessProbe(Object table, String op, int slots, int count, int free) {}

    /**
     * What {@code m}'s thread probes for ever, at a point between its steps (its next frame
     * resumes a table operation whose full walk found neither its key nor an unused slot), or null.
     */
    public static EndlessProbe endlessProbe(Interp m) {
        if (!(m.k instanceof Resume r) || r.call.table == null) return null;
        TableOp op = r.call.op;
        int slots = op.probesForever(r.call.vm.tableHost().on(m, r.call));
        if (slots == 0) return null;
        RawTable raw = op.current().table();
        return new EndlessProbe(r.call.table, op.current().name(), slots, raw.count(), raw.free());
    }

    /** How events name a table: by observer id, without the program's serial number. */
    static Ref.TableRef tableRef(LanguageHost machine, RawTable table) {
        return new Ref.TableRef(machine.events().id(table), "#<hash-table>");
    }

    /** What a race report calls a table: {@code gc-table} for make-gc-table's, {@code hash table} for the others. */
    public static String kindWords(Object table) {
        return table instanceof GcTables.GcTableObj g && !g.hashTable ? "gc-table" : "hash table";
    }

    static Table table(Object x, String who, Object... args) {
        return Condition.cast(Table.class, x, who, 1, "HASH-TABLE", args);
    }

    /** The table argument a[i], its use (a read, or a write) recorded for the race detector. */
    static Table access(LanguageHost vm, Interp m, Object[] a, int i, String who, boolean write) {
        Table t = table(a[i], who, a);
        m.touched(t, true); // dpor: operations on one table are dependent (interp.Footprint)
        // The race detector's access is recorded where the operation begins (start, the lock: wind) or,
        // under a locking policy, where it takes its lock (Host.tryLock).
        // Recorded runs only (as schedule choices): table operations are the hottest source of
        // events, and in a live ring they would push out the sync events a person looks for.
        if (vm.events().recording()) {
            vm.event(m.thread, new What.TableAccess(tableRef(vm, t.raw), vm.threadRef(m.thread), who, write));
        }
        return t;
    }

    private static long seed(LanguageHost vm) {
        return vm.random().nextLong(1L << 31);
    }

    public static void install(LanguageHost vm) {
        vm.add(new ControlPrim("make-hash-table", 0, -1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Object test = null;
                Object hash = null;
                Object size = null;
                Object seed = null;
                Object lock = null;
                boolean weakKeys = false;
                boolean weakValues = false;
                for (int i = 0; i + 1 < a.length; i += 2) {
                    if (!(a[i] instanceof Keyword k)) throw Condition.typeError("make-hash-table", i + 1, "KEYWORD", a);
                    switch (k.name) {
                        case "test" -> test = a[i + 1];
                        case "hash" -> hash = a[i + 1];
                        case "size" -> size = a[i + 1];
                        case "seed" -> seed = a[i + 1];
                        case "lock" -> lock = a[i + 1] == Boolean.FALSE ? null : a[i + 1];
                        case "weak-keys" -> weakKeys = a[i + 1] != Boolean.FALSE;
                        case "weak-values" -> weakValues = a[i + 1] != Boolean.FALSE;
                        case "check" -> { }
                        default -> throw Condition.raise("make-hash-table: unknown keyword", k);
                    }
                }
                if (a.length % 2 != 0) throw Condition.wrongArgs(this, a);
                if (weakKeys || weakValues) {
                    // Gerbil's first dispatch rule: a weak table is a Gambit table (NativeTables).
                    m.val = NativeTables.make(vm, m, test, weakKeys, weakValues);
                    return;
                }
                long hint = size instanceof Long l ? l : 0;
                if (gcTable(test, hash, seed)) {
                    m.apply(vm.lookup("##make-gc-hash-table"), new Object[] {hint, lock == null ? Boolean.FALSE : lock});
                    return;
                }
                long sd = seed instanceof Long l ? l : seed(vm);
                m.val = made(vm, m, make(vm, m, test, hash, hint, sd), lock);
            }
        });
        for (String kind : new String[] {"eq", "eqv", "string", "symbolic", "immediate", "equal"}) {
            vm.add(new ControlPrim("make-hash-table-" + kind, 0, -1) {
                @Override
                public void invoke(Interp m, Object[] a) {
                    long hint = 0;
                    boolean seeded = false;
                    Object lock = Boolean.FALSE;
                    for (int i = 0; i + 1 < a.length; i += 2) {
                        if (!(a[i] instanceof Keyword k)) continue;
                        if (k.name.equals("size") && a[i + 1] instanceof Long l) hint = l;
                        if (k.name.equals("seed")) seeded = true;
                        if (k.name.equals("lock")) lock = a[i + 1];
                    }
                    if (kind.equals("eq") && !seeded) {
                        // the doc: (make-hash-table test: eq? options ...), so dispatch rule 2's gc-hash-table
                        m.apply(vm.lookup("##make-gc-hash-table"), new Object[] {hint, lock});
                        return;
                    }
                    Host h = vm.tableHost();
                    long sd = seed(vm);
                    RawTable r = switch (kind) {
                        case "eq" -> RawTable.makeEqTable(h, hint, sd);
                        case "eqv" -> RawTable.makeEqvTable(h, hint, sd);
                        case "string" -> RawTable.makeStringTable(h, hint, sd);
                        case "symbolic" -> RawTable.makeSymbolicTable(h, hint, sd);
                        case "immediate" -> RawTable.makeImmediateTable(h, hint, sd);
                        default -> RawTable.makeEqualTable(h, hint, sd);
                    };
                    // the doc's "(make-hash-table test: ... options ...)": lock: too
                    m.val = made(vm, m, r, lock == Boolean.FALSE ? null : lock);
                }
            });
        }
        vm.add(Primitive.of1("hash-table?", true, (c, x) -> x instanceof Table));
        vm.add(Primitive.of1("eq-hash", true, (c, x) -> Hashing.eq(x, c.serials()) & 0xFFFFFFFFL));
        vm.add(Primitive.of1("eqv-hash", true, (c, x) -> Hashing.eqv(x, c.serials()) & 0xFFFFFFFFL));
        vm.add(Primitive.of1("equal-hash", true, (c, x) -> Hashing.equal(x, c.serials()) & 0xFFFFFFFFL));
        vm.add(Primitive.of1("string-hash", true, (c, x) -> Hashing.string(x) & 0xFFFFFFFFL));
        vm.add(Primitive.of1("hash-length", true, (c, x) -> (long) table(x, "hash-length", x).raw.count()));
        vm.add(new ControlPrim("hash-ref", 2, 3) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-ref", false);
                start(vm, m, t, false, t.locking.refOp(a[1], ABSENT_MARK), null, a.length == 3 ? a[2] : null, a.length == 2, a[1]);
            }
        });
        vm.add(new ControlPrim("hash-get", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-get", false);
                start(vm, m, t, false, t.locking.refOp(a[1], Boolean.FALSE), null, Boolean.FALSE, false, a[1]);
            }
        });
        vm.add(new ControlPrim("hash-key?", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-key?", false);
                m.push(new IsPresent());
                start(vm, m, t, false, t.locking.refOp(a[1], ABSENT_MARK), null, ABSENT_MARK, false, a[1]);
            }
        });
        vm.add(new ControlPrim("hash-put!", 3, 3) {
            { ownFootprint = true; } // the table: access and drive touch it
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-put!", true);
                start(vm, m, t, true, t.locking.setOp(a[1], a[2]), null, null, false, a[1]);
            }
        });
        vm.alias("hash-set!", "hash-put!");
        vm.add(new ControlPrim("hash-update!", 3, 4) {
            { ownFootprint = true; } // the table: access and drive touch it
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-update!", true);
                start(vm, m, t, true, t.locking.updateOp(a[1], a.length == 4 ? a[3] : Special.VOID), a[2], null, false, a[1]);
            }
        });
        vm.add(new ControlPrim("hash-remove!", 2, 2) {
            { ownFootprint = true; } // the table: access and drive touch it
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-remove!", true);
                start(vm, m, t, true, t.locking.deleteOp(a[1]), null, null, false, a[1]);
            }
        });
        vm.add(new ControlPrim("hash-for-each", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 1, "hash-for-each", false);
                if (!(a[0] instanceof Procedure)) throw Condition.typeError("hash-for-each", 1, "PROCEDURE", a);
                start(vm, m, t, false, t.locking.forEachOp(), a[0], null, false, null);
            }
        });
        vm.add(new ControlPrim("hash-copy", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-copy", false);
                m.push(new WrapTable(vm));
                start(vm, m, t, false, t.locking.copyOp(), null, null, false, null);
            }
        });
        vm.add(new ControlPrim("hash-clear!", 1, 1) {
            { ownFootprint = true; } // the table: access and drive touch it
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-clear!", true);
                start(vm, m, t, true, t.locking.clearOp(), null, null, false, null);
            }
        });
        RawTables.install(vm);
        NativeTables.install(vm);
        GcTables.install(vm);
        GcHashTables.install(vm);
    }

    /**
     * A new table for Scheme under the policy of the machine's settings (it keeps it for life),
     * known to the machine's registry (the Observatory lists it). {@code locker}: the lock: mutex, or null.
     * The table is allocated in {@code m}'s area, so it has a real address from the start (the
     * address-striped policies index by it; the next moving GC changes it).
     */
    static Table made(LanguageHost vm, Interp m, RawTable r, Object locker) {
        Host h = vm.tableHost();
        Policy policy = vm.tableLocks();
        long id = h.tables.made(r, "hash-table", policy, locker != null);
        Table t = m.alloc(new Table(r), TABLE_WORDS);
        t.locking = Locking.of(policy, r, t, h.locks, h, "hash-table-" + id);
        t.locker = locker;
        return t;
    }

    /**
     * Gerbil's dispatch rule 2 (reference 1.6, {@link HashTableBackend}): test {@code eq?}, no hash
     * or the eq one, and no {@code seed:} make a gc-hash-table, hashed by address.
     */
    static boolean gcTable(Object test, Object hash, Object seed) {
        HashTableBackend.TestArg t = test instanceof Procedure p && "eq?".equals(p.name()) ? HashTableBackend.TestArg.EQ
                : HashTableBackend.TestArg.OTHER;
        HashTableBackend.HashArg h = hash == null ? HashTableBackend.HashArg.NONE
                : hash instanceof Procedure p && "eq-hash".equals(p.name()) ? HashTableBackend.HashArg.EQ : HashTableBackend.HashArg.OTHER;
        return HashTableBackend.choose(false, t, h, seed != null) == HashTableBackend.GC_TABLE;
    }

    private static RawTable make(LanguageHost vm, Interp m, Object test, Object hash, long hint, long seed) {
        Host h = vm.tableHost();
        String tn = test == null ? "equal?" : test instanceof Procedure p && p.name() != null ? p.name() : null;
        String hn = hash instanceof Procedure p && p.name() != null ? p.name() : null;
        if (hash == null && tn != null) {
            switch (tn) {
                case "eq?": return RawTable.makeEqTable(h, hint, seed);
                case "eqv?": return RawTable.makeEqvTable(h, hint, seed);
                case "equal?": return RawTable.makeEqualTable(h, hint, seed);
                case "string=?": return RawTable.makeStringTable(h, hint, seed);
                default: break;
            }
        }
        if (hash == null) throw Condition.raise("bad hash table hash function; expected procedure", test);
        if ("eq?".equals(tn) && ("eq-hash".equals(hn))) return RawTable.makeEqTable(h, hint, seed);
        return RawTable.make(h, hint, HashSpec.procedure(hash), TestSpec.procedure(test == null ? vm.lookup("equal?") : test), seed);
    }

    /** hash-key?: true unless the lookup found nothing. */
    static final class IsPresent extends Frame {
        @Override
        public void resume(Interp m) {
            m.val = m.val != ABSENT_MARK;
        }
    }

    static final class WrapTable extends Frame {
        final LanguageHost vm;

        WrapTable(LanguageHost vm) {
            this.vm = vm;
        }

        @Override
        public void resume(Interp m) {
            m.val = made(vm, m, (RawTable) m.val, null);
        }
    }
}
