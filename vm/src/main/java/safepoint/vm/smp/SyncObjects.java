package safepoint.vm.smp;

import java.util.ArrayDeque;
import safepoint.vm.data.HeapObj;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Serials;
import safepoint.vm.print.Printer;

/** Gambit's mutexes and condition variables: plain records; the scheduler implements waiting. */
public final class SyncObjects {
    private SyncObjects() {}

    /** How gsi writes the machine's synchronization objects and threads: #<kind #n name>, name if any. */
    static void printNamed(StringBuilder out, String kind, Object self, Object name, Serials vm) {
        out.append("#<").append(kind).append(vm.tag(self));
        if (name != null) out.append(' ').append(Printer.write(name, vm));
        out.append('>');
    }

    /**
     * A mutex (not recursive). Unlocked: owner null and not locked. Locked by a thread: owner set.
     * Locked with no owner ({@code (mutex-lock! m #f #f)}): locked, owner null. Abandoned: its
     * owner ended while holding it.
     */
    public static final class Mutex extends HeapObj implements Printable {
        public final Object name;
        boolean locked;
        public SThread owner;
        boolean abandoned;
        public final ArrayDeque<SThread> waiters = new ArrayDeque<>();
        Object specific = Boolean.FALSE;

        Mutex(Object name) {
            this.name = name;
        }

        @Override
        public void printOn(StringBuilder out, boolean write, Serials vm) {
            printNamed(out, "mutex", this, name, vm);
        }
    }

    public static final class CondVar extends HeapObj implements Printable {
        public final Object name;
        final ArrayDeque<SThread> waiters = new ArrayDeque<>();
        Object specific = Boolean.FALSE;

        CondVar(Object name) {
            this.name = name;
        }

        @Override
        public void printOn(StringBuilder out, boolean write, Serials vm) {
            printNamed(out, "condition-variable", this, name, vm);
        }
    }
}
