package safepoint.vm.search;

import safepoint.vm.data.MonitorOrder;
import safepoint.vm.Machine;
import safepoint.vm.gc.ObjectWalker;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VM's state after its program was compiled, so that explore can compile a program once and
 * rewind the VM before each run instead of building a new one (DESIGN.md "explore").
 *
 * <p>Taken by walking (with the shared {@link ObjectWalker}, code included) everything reachable
 * from the machine and the compiled code: the builtins, the prelude's and the program's globals,
 * compiled code and its constants, the scheduler, the heap's counters, serial numbers. For each object with state that can change
 * (a field that is not final, an array's slots, a collection's contents) it keeps a copy;
 * rewinding writes every copy back, which also drops every reference to objects made since.
 * Atoms (symbols, numbers: {@link ObjectWalker#atom}) are neither walked nor copied; other
 * immutable objects (code made of final fields) are walked but not copied.
 *
 * <p>What it does not cover, by design: the source map (it only grows, and only names places),
 * the console's input (the user's lines, read once), Java I/O objects (the ports are replaced per run by {@link #rewind}) and lambdas'
 * captured values (final).
 */
public final class Checkpoint {
    private final List<Object> objects = new ArrayList<>();
    private final List<Object> states = new ArrayList<>();
    public final Machine vm;

    private Checkpoint(Machine vm) {
        this.vm = vm;
    }

    /** Walk from the roots and copy every mutable object's state. */
    public static Checkpoint take(Machine vm, Object... roots) {
        return walk(vm, shared(), false, roots);
    }

    /**
     * The state after {@code p} was prepared, to rewind to before each run (explore compiles a
     * program once per worker). Take it right after {@link Machine#prepare}, before any run.
     */
    public static Checkpoint of(Machine vm, Machine.Prepared p) {
        return take(vm, vm.roots(p));
    }

    /** Back to this state, with fresh ports and a generator seeded with {@code seed}. */
    public void rewind(java.io.Writer out, java.io.Writer err, long seed) {
        vm.abandonRun();
        restore();
        vm.freshConsole(out, err, seed);
    }

    private static Checkpoint walk(Machine vm, IdentityHashMap<Object, Boolean> shared, boolean recordAll, Object... roots) {
        Checkpoint s = new Checkpoint(vm);
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> stack = new ArrayDeque<>();
        stack.push(vm);
        for (Object r : roots) if (r != null) stack.push(r);
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (shared.containsKey(o) || seen.put(o, Boolean.TRUE) != null) continue;
            if (recordAll) s.reached.add(o);
            Object state = s.copy(o, stack);
            if (state != null) {
                s.objects.add(o);
                s.states.add(state);
            }
        }
        return s;
    }

    private static IdentityHashMap<Object, Boolean> sharedObjects;

    /**
     * Objects every VM reaches (static singletons such as the empty list, special forms): they
     * belong to no one VM, so a rewind must not write them while other VMs run. Found once, as
     * what a throwaway VM reaches; a VM's own objects are never in it.
     */
    private static synchronized IdentityHashMap<Object, Boolean> shared() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SHARED_OBJECTS, Checkpoint.class);
        if (sharedObjects == null) {
            Machine probe = new Machine(java.io.Writer.nullWriter(), java.io.Writer.nullWriter(), java.io.Reader.nullReader(), 0);
            Checkpoint all = walk(probe, new IdentityHashMap<>(), true);
            IdentityHashMap<Object, Boolean> found = new IdentityHashMap<>();
            for (Object o : all.reached) found.put(o, Boolean.TRUE);
            sharedObjects = found;
        }
        return sharedObjects;
    }

    /** Every object the walk reached (kept only while finding the shared ones). */
    private final List<Object> reached = new ArrayList<>();

    /** Objects whose state is kept (for tests and the figure in the note). */
    public int size() {
        return objects.size();
    }

    /** Put every kept state back. */
    public void restore() {
        for (int i = 0; i < objects.size(); i++) put(objects.get(i), states.get(i));
    }

    private static boolean skipped(Object o) {
        if (o == null || ObjectWalker.atom(o)) return true;
        Class<?> c = o.getClass();
        if (c.isHidden() || c.isSynthetic()) return true; // lambdas: final captures
        // The console's input is the user's, outside the machine: a rewind (explore's, or the paused
        // world's step back) must not give the REPL its old lines again.
        return o instanceof safepoint.vm.data.SourceMap || o instanceof ThreadLocal<?> || o instanceof Thread
                || o instanceof safepoint.vm.data.ConsoleInput
                || o instanceof java.io.Writer || o instanceof java.io.Reader || o instanceof java.io.InputStream
                || o instanceof java.io.OutputStream;
    }

    /** The state of {@code o} (or null if it has none that changes), pushing what it refers to. */
    private Object copy(Object o, ArrayDeque<Object> stack) {
        if (skipped(o)) return null;
        ObjectWalker.forEachRef(o, false, x -> {
            if (!skipped(x)) stack.push(x);
        });
        if (o instanceof Object[] a) return a.clone();
        if (o.getClass().isArray()) return cloneArray(o);
        if (o instanceof Map<?, ?> m) {
            List<Object[]> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) entries.add(new Object[] {e.getKey(), e.getValue()});
            return entries;
        }
        if (o instanceof Collection<?> c) return c.toArray();
        if (o instanceof StringBuilder sb) return sb.toString();
        if (o instanceof java.util.concurrent.atomic.AtomicLong a) return a.get();
        if (o instanceof java.util.concurrent.atomic.AtomicInteger a) return a.get();
        // Safepoint's own classes; other JDK objects have no fields here (immutable or handled by the VM).
        Field[] mutable = ObjectWalker.shape(o.getClass()).mutable();
        if (mutable.length == 0) return null;
        Object[] values = new Object[mutable.length];
        for (int i = 0; i < values.length; i++) values[i] = ObjectWalker.read(mutable[i], o);
        return values;
    }

    @SuppressWarnings("unchecked")
    private void put(Object o, Object state) {
        if (o instanceof Object[] a) {
            Object[] saved = (Object[]) state;
            System.arraycopy(saved, 0, a, 0, a.length);
        } else if (o.getClass().isArray()) {
            System.arraycopy(state, 0, o, 0, java.lang.reflect.Array.getLength(o));
        } else if (o instanceof Map<?, ?> m) {
            Map<Object, Object> mm = (Map<Object, Object>) m;
            List<Object[]> entries = (List<Object[]>) state;
            if (!sameEntries(mm, entries)) {
                mm.clear();
                for (Object[] e : entries) mm.put(e[0], e[1]);
            }
        } else if (o instanceof Collection<?> c) {
            Object[] items = (Object[]) state;
            if (c.size() != items.length || !java.util.Arrays.equals(c.toArray(), items)) {
                Collection<Object> cc = (Collection<Object>) c;
                cc.clear();
                cc.addAll(java.util.Arrays.asList(items));
            }
        } else if (o instanceof StringBuilder sb) {
            String saved = (String) state;
            if (sb.length() != saved.length() || !sb.toString().equals(saved)) {
                sb.setLength(0);
                sb.append(saved);
            }
        } else if (o instanceof java.util.concurrent.atomic.AtomicLong a) {
            a.set((Long) state);
        } else if (o instanceof java.util.concurrent.atomic.AtomicInteger a) {
            a.set((Integer) state);
        } else {
            Field[] mutable = ObjectWalker.shape(o.getClass()).mutable();
            Object[] values = (Object[]) state;
            try {
                for (int i = 0; i < mutable.length; i++) mutable[i].set(o, values[i]);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("rewinding " + o.getClass().getName(), e);
            }
        }
    }

    private static boolean sameEntries(Map<Object, Object> m, List<Object[]> entries) {
        if (m.size() != entries.size()) return false;
        for (Object[] e : entries) if (m.get(e[0]) != e[1]) return false;
        return true;
    }

    private static Object cloneArray(Object a) {
        int n = java.lang.reflect.Array.getLength(a);
        Object c = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        System.arraycopy(a, 0, c, 0, n);
        return c;
    }
}
