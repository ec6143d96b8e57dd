package safepoint.vm.analysis;

import safepoint.vm.data.SourceMap;
import safepoint.vm.event.Events;
import safepoint.vm.gc.Heap;
import safepoint.vm.gc.ObjectWalker;
import safepoint.vm.interp.Interp;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Scheduler;
import java.util.ArrayDeque;

/**
 * What a Scheme program can reach from an object, for reachability questions such as "can any
 * live thread still signal this condition variable", over the shared {@link ObjectWalker}. Its
 * own rules: the machine's parts (registers, scheduler, heap, events, source map) and Java
 * lambdas inside the machine are no program's data; of another thread a program reaches only its
 * name, specific, result and exception, never its continuation.
 */
final class Reach {
    private Reach() {}

    /** Push the objects {@code o} refers to. */
    static void push(Object o, ArrayDeque<Object> stack) {
        if (ObjectWalker.atom(o) || ObjectWalker.code(o) || machinery(o) || o.getClass().isHidden()) return;
        if (o instanceof SThread t) {
            for (Object x : new Object[] {t.name, t.specific, t.result, t.exception}) if (x != null) stack.push(x);
            return;
        }
        ObjectWalker.forEachRef(o, true, stack::push);
    }

    private static boolean machinery(Object o) {
        return o instanceof Interp || o instanceof Scheduler || o instanceof Heap || o instanceof Events || o instanceof SourceMap;
    }
}
