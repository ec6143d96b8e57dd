package safepoint.vm.lang;

import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Frame;
import safepoint.vm.interp.Interp;
import java.util.List;
import safepoint.tables.HashKind;
import safepoint.tables.HashSpec;
import safepoint.tables.RawTable;
import safepoint.tables.Step;
import safepoint.tables.TableHost;
import safepoint.tables.TableOp;
import safepoint.tables.TestKind;
import safepoint.tables.TestSpec;
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
 * made by pushing the frame and jumping, never from Java. Tables are unsynchronized, as
 * Gerbil's are (reference 1.7): two threads writing one table can corrupt it.
 */
public final class HashTables {
    private HashTables() {}

    /** A hash table as Scheme sees it. */
    static final class Table extends HeapObj implements Printable {
        final RawTable raw;

        Table(RawTable raw) {
            this.raw = raw;
        }

        @Override
        public void printOn(StringBuilder out, boolean write, Serials vm) {
            out.append("#<hash-table").append(vm.tag(this)).append('>');
        }
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

        public Host(LanguageHost machine, java.util.function.LongConsumer charge) {
            this(machine, charge, null, new TableRegistry());
        }

        private Host(LanguageHost machine, java.util.function.LongConsumer charge, Interp running, TableRegistry tables) {
            this.vm = machine.serials();
            this.machine = machine;
            this.charge = charge;
            this.running = running;
            this.tables = tables;
        }

        /** The host for steps run by {@code m}: one that knows the thread when events are kept. */
        Host on(Interp m) {
            return machine.observing() ? new Host(machine, charge, m, tables) : this;
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

        private Ref.TableRef ref(RawTable table) {
            return tableRef(machine, table);
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
                case STRING -> a instanceof MString x && b instanceof MString y && x.b.compareTo(y.b) == 0;
                case PROCEDURE -> throw new IllegalStateException("procedure tests are Scheme calls");
            };
        }

        @Override
        public Object[] allocate(int slots) {
            // A table's vector is heap data: counted since the last GC (the next scheduling
            // point that reports allocation may request a collection), refused if no heap holds it.
            charge.accept(slots + 1L);
            return new Object[slots];
        }
    }

    /** Steps run per batch before the operation yields to the trampoline (a scheduling point). */
    static final int BATCH = 64;

    /** Run {@code op}'s steps; {@code proc} answers NeedUpdate and Yield. */
    static void drive(LanguageHost vm, Interp m, TableOp op, Object proc, Object dflt, boolean errorIfAbsent, Object key) {
        Host host = vm.tableHost().on(m);
        for (int n = 0; n < BATCH; n++) {
            Step s = op.step(host);
            // Each table step is a scheduling point: in controlled mode another processor may run
            // between any two steps of an operation (how concurrent writers corrupt a table).
            m.syncPoint();
            if (s == Step.CONTINUE) {
                if (m.fuel <= 0 || m.stopSlice) break;
                continue;
            }
            if (s instanceof Step.Done d) {
                Object r = d.result();
                if (r == null) r = Special.VOID;
                if (errorIfAbsent && r == ABSENT_MARK) throw unboundKey(key);
                if (r == ABSENT_MARK) r = dflt;
                m.val = r;
                return;
            }
            if (s instanceof Step.NeedHash h) {
                m.push(new Resume(vm, op, proc, dflt, errorIfAbsent, key, true));
                m.apply(h.procedure(), new Object[] {h.key()});
                return;
            }
            if (s instanceof Step.NeedTest t) {
                m.push(new Resume(vm, op, proc, dflt, errorIfAbsent, key, true));
                m.apply(t.procedure(), new Object[] {t.a(), t.b()});
                return;
            }
            if (s instanceof Step.NeedUpdate u) {
                m.push(new Resume(vm, op, proc, dflt, errorIfAbsent, key, true));
                m.apply(proc, new Object[] {u.oldValue()});
                return;
            }
            if (s instanceof Step.Yield y) {
                m.push(new Resume(vm, op, proc, dflt, errorIfAbsent, key, false));
                m.apply(proc, new Object[] {y.key(), y.value()});
                return;
            }
        }
        // A long operation (a big rehash, or a probe that never ends on a corrupted table), or the
        // end of this slice: return to the trampoline and go on with the next step later.
        m.push(new Resume(vm, op, proc, dflt, errorIfAbsent, key, false));
        m.val = Special.VOID;
    }

    static SchemeError unboundKey(Object key) {
        return new SchemeError(Condition.error("unknown hash key", List.of(key)));
    }

    /** A unique default that tells "absent" apart from any stored value. */
    static final Object ABSENT_MARK = new Object();

    static final class Resume extends Frame {
        final TableOp op;
        final Object proc;
        final Object dflt;
        final boolean errorIfAbsent;
        final Object key;
        final boolean supply;
        final LanguageHost vm;

        Resume(LanguageHost vm, TableOp op, Object proc, Object dflt, boolean errorIfAbsent, Object key, boolean supply) {
            this.vm = vm;
            this.op = op;
            this.proc = proc;
            this.dflt = dflt;
            this.errorIfAbsent = errorIfAbsent;
            this.key = key;
            this.supply = supply;
        }

        @Override
        public void resume(Interp m) {
            if (supply) op.supply(m.val);
            drive(vm, m, op, proc, dflt, errorIfAbsent, key);
        }
    }

    /** How events name a table: by observer id, without the program's serial number. */
    static Ref.TableRef tableRef(LanguageHost machine, RawTable table) {
        return new Ref.TableRef(machine.events().id(table), "#<hash-table>");
    }

    static Table table(Object x, String who, Object... args) {
        return Condition.cast(Table.class, x, who, 1, "HASH-TABLE", args);
    }

    /** The table argument a[i], its use (a read, or a write) recorded for the race detector. */
    private static Table access(LanguageHost vm, Interp m, Object[] a, int i, String who, boolean write) {
        Table t = table(a[i], who, a);
        vm.accessed(m.thread, t, write);
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
                for (int i = 0; i + 1 < a.length; i += 2) {
                    if (!(a[i] instanceof Keyword k)) throw Condition.typeError("make-hash-table", i + 1, "KEYWORD", a);
                    switch (k.name) {
                        case "test" -> test = a[i + 1];
                        case "hash" -> hash = a[i + 1];
                        case "size" -> size = a[i + 1];
                        case "seed" -> seed = a[i + 1];
                        case "lock", "check", "weak-keys", "weak-values" -> { }
                        default -> throw Condition.raise("make-hash-table: unknown keyword", k);
                    }
                }
                if (a.length % 2 != 0) throw Condition.wrongArgs(this, a);
                long hint = size instanceof Long l ? l : 0;
                long sd = seed instanceof Long l ? l : seed(vm);
                m.val = made(vm, make(vm, m, test, hash, hint, sd));
            }
        });
        for (String kind : new String[] {"eq", "eqv", "string", "symbolic", "immediate", "equal"}) {
            vm.add(new ControlPrim("make-hash-table-" + kind, 0, -1) {
                @Override
                public void invoke(Interp m, Object[] a) {
                    long hint = 0;
                    for (int i = 0; i + 1 < a.length; i += 2) {
                        if (a[i] instanceof Keyword k && k.name.equals("size") && a[i + 1] instanceof Long l) hint = l;
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
                    m.val = made(vm, r);
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
                drive(vm, m, t.raw.refOp(a[1], ABSENT_MARK), null, a.length == 3 ? a[2] : null, a.length == 2, a[1]);
            }
        });
        vm.add(new ControlPrim("hash-get", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-get", false);
                drive(vm, m, t.raw.refOp(a[1], Boolean.FALSE), null, Boolean.FALSE, false, a[1]);
            }
        });
        vm.add(new ControlPrim("hash-key?", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-key?", false);
                m.push(new IsPresent());
                drive(vm, m, t.raw.refOp(a[1], ABSENT_MARK), null, ABSENT_MARK, false, a[1]);
            }
        });
        vm.add(new ControlPrim("hash-put!", 3, 3) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-put!", true);
                drive(vm, m, t.raw.setOp(a[1], a[2]), null, null, false, a[1]);
            }
        });
        vm.alias("hash-set!", "hash-put!");
        vm.add(new ControlPrim("hash-update!", 3, 4) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-update!", true);
                drive(vm, m, t.raw.updateOp(a[1], a.length == 4 ? a[3] : Special.VOID), a[2], null, false, a[1]);
            }
        });
        vm.add(new ControlPrim("hash-remove!", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-remove!", true);
                drive(vm, m, t.raw.deleteOp(a[1]), null, null, false, a[1]);
            }
        });
        vm.add(new ControlPrim("hash-for-each", 2, 2) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 1, "hash-for-each", false);
                if (!(a[0] instanceof Procedure)) throw Condition.typeError("hash-for-each", 1, "PROCEDURE", a);
                drive(vm, m, t.raw.forEachOp(), a[0], null, false, null);
            }
        });
        vm.add(new ControlPrim("hash-copy", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-copy", false);
                m.push(new WrapTable(vm));
                drive(vm, m, t.raw.copyOp(), null, null, false, null);
            }
        });
        vm.add(new ControlPrim("hash-clear!", 1, 1) {
            @Override
            public void invoke(Interp m, Object[] a) {
                Table t = access(vm, m, a, 0, "hash-clear!", true);
                drive(vm, m, t.raw.clearOp(), null, null, false, null);
            }
        });
    }

    /** A new table for Scheme, known to the machine's registry (the Observatory lists it). */
    private static Table made(LanguageHost vm, RawTable r) {
        vm.tableHost().tables.made(r);
        return new Table(r);
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
        return RawTable.make(h, hint, HashSpec.procedure(hash), TestSpec.procedure(test == null ? vmEqual(vm) : test), seed);
    }

    private static Object vmEqual(LanguageHost vm) {
        return vm.lookup("equal?");
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
            m.val = made(vm, (RawTable) m.val);
        }
    }
}
