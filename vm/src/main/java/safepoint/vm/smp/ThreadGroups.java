package safepoint.vm.smp;

import java.util.List;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Nil;
import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Interp;

/**
 * Gambit's thread-group primitives, which Gerbil's :std/misc/threads builds on
 * (doc/reference/std/misc/threads.md; current-thread-group from thread-primitives.md). Each
 * locks the scheduler's monitor, where {@link SThreadGroup}'s lists live.
 */
final class ThreadGroups {
    private ThreadGroups() {}

    static SThreadGroup group(Object x, String who, Object[] args, int index) {
        return Condition.cast(SThreadGroup.class, x, who, index, "THREAD-GROUP", args);
    }

    /** One primitive: what it computes from its arguments and the running thread. */
    interface Body {
        Object of(Interp m, Object[] a);
    }

    static void install(java.util.function.Consumer<ControlPrim> add) {
        prim(add, "make-thread-group", 0, 2, (m, a) -> {
            SThreadGroup parent = a.length > 1 ? group(a[1], "make-thread-group", a, 2) : SThread.running(m).group;
            return m.alloc(new SThreadGroup(a.length > 0 ? a[0] : Boolean.FALSE, parent), 8);
        });
        prim(add, "thread-group?", 1, 1, (m, a) -> a[0] instanceof SThreadGroup);
        prim(add, "current-thread-group", 0, 0, (m, a) -> SThread.running(m).group);
        prim(add, "thread-thread-group", 1, 1, (m, a) -> ThreadPrims.thread(a[0], "thread-thread-group", a).group);
        prim(add, "thread-group-name", 1, 1, (m, a) -> group(a[0], "thread-group-name", a, 1).name);
        prim(add, "thread-group-parent", 1, 1, (m, a) -> {
            SThreadGroup p = group(a[0], "thread-group-parent", a, 1).parent;
            return p == null ? Boolean.FALSE : p;
        });
        prim(add, "thread-group->thread-list", 1, 1, (m, a) -> list(m, group(a[0], "thread-group->thread-list", a, 1).threads()));
        prim(add, "thread-group->thread-group-list", 1, 1, (m, a) -> list(m, group(a[0], "thread-group->thread-group-list", a, 1).subgroups));
        prim(add, "##thread-group-detach!", 1, 1, (m, a) -> {
            group(a[0], "##thread-group-detach!", a, 1).detach();
            return safepoint.vm.data.Special.VOID;
        });
    }

    private static void prim(java.util.function.Consumer<ControlPrim> add, String name, int min, int max, Body body) {
        add.accept(new ControlPrim(name, min, max) {
            @Override
            public void invoke(Interp m, Object[] a) {
                m.val = body.of(m, a);
            }
        });
    }

    private static Object list(Interp m, List<?> items) {
        Object r = Nil.NIL;
        for (int i = items.size() - 1; i >= 0; i--) r = m.cons(items.get(i), r);
        return r;
    }
}
