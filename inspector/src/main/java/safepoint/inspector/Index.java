package safepoint.inspector;

import java.util.HashMap;
import java.util.Map;
import safepoint.vm.observe.LockView;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.Ref;
import safepoint.vm.observe.ThreadView;

/** Lookups over one look, built once per frame: threads by number, and the holder of each held lock. */
final class Index {
    final MachineView view;
    private final Map<Long, ThreadView> threads;
    private final Map<Ref, ThreadView> holders = new HashMap<>();

    Index(MachineView v) {
        view = v;
        threads = new HashMap<>(v.threads().size() * 2);
        for (ThreadView t : v.threads()) {
            threads.put(t.thread().id(), t);
            for (Ref h : t.held()) holders.put(h, t);
        }
    }

    ThreadView thread(Ref r) {
        return r == null ? null : threads.get(r.id());
    }

    /** The thread that holds {@code lock}, or null. */
    ThreadView holder(Ref lock) {
        ThreadView t = holders.get(lock);
        if (t != null) return t;
        for (LockView l : view.locks()) if (l.lock().equals(lock)) return thread(l.holder());
        return null;
    }

    Map<Ref, ThreadView> held() {
        return holders;
    }

    /** "#<thread t> (P1)", with the processor when it runs on one. */
    String where(Ref thread) {
        if (thread == null) return "nobody";
        ThreadView t = thread(thread);
        return thread.name() + (t != null && t.processor() >= 0 ? " (P" + t.processor() + ")" : "");
    }

    /** "t (P1)": {@link #where} without "#<thread ...>", for the narrow columns of the threads pane. */
    String whereShort(Ref thread) {
        if (thread == null) return "nobody";
        ThreadView t = thread(thread);
        return bare(thread.name()) + (t != null && t.processor() >= 0 ? " (P" + t.processor() + ")" : "");
    }

    /** A thread's name inside its "#<thread ...>". */
    static String bare(String name) {
        return name.startsWith("#<thread ") && name.endsWith(">") ? name.substring(9, name.length() - 1) : name;
    }
}
