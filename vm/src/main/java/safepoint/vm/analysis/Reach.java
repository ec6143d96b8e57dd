package safepoint.vm.analysis;

import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Symbol;
import safepoint.vm.Machine;
import safepoint.vm.event.Events;
import safepoint.vm.gc.Heap;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.Lambda;
import safepoint.vm.interp.Node;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Scheduler;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a Scheme program can reach from an object, for reachability questions such as "can any
 * live thread still signal this condition variable". Code (nodes, lambdas) and the machine are
 * not data; of another thread a program reaches only its name, specific, result and exception,
 * never its continuation.
 */
final class Reach {
    private Reach() {}

    /** Push the objects {@code o} refers to. */
    static void push(Object o, ArrayDeque<Object> stack) {
        if (leaf(o)) return;
        if (o instanceof SThread t) {
            for (Object x : new Object[] {t.name, t.specific, t.result, t.exception}) if (x != null) stack.push(x);
            return;
        }
        if (o instanceof Object[] a) {
            for (Object x : a) if (x != null) stack.push(x);
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object x : c.toArray()) if (x != null) stack.push(x);
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : new ArrayList<>(m.entrySet())) {
                if (e.getKey() != null) stack.push(e.getKey());
                if (e.getValue() != null) stack.push(e.getValue());
            }
            return;
        }
        if (!o.getClass().getName().startsWith("safepoint.") || o.getClass().isHidden()) return;
        for (Field f : fields(o.getClass())) {
            try {
                Object v = f.get(o);
                if (v != null) stack.push(v);
            } catch (IllegalAccessException e) {
                // Not ours to read: holds no Scheme data.
            }
        }
    }

    private static boolean leaf(Object o) {
        return o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof String
                || o instanceof Enum<?> || o instanceof Class<?> || o instanceof safepoint.vm.data.Symbol || o instanceof Node
                || o instanceof Lambda || o instanceof Machine || o instanceof Interp || o instanceof Scheduler
                || o instanceof Heap || o instanceof Events || o instanceof safepoint.vm.data.SourceMap;
    }

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private static List<Field> fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            List<Field> out = new ArrayList<>();
            for (Class<?> x = k; x != null && x != Object.class; x = x.getSuperclass()) {
                for (Field f : x.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                    try {
                        f.setAccessible(true);
                        out.add(f);
                    } catch (RuntimeException e) {
                        // Not ours to read.
                    }
                }
            }
            return out;
        });
    }
}
