package safepoint.vm.smp;

import safepoint.vm.data.HeapObj;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Serials;

/** What {@code thread-state} returns, as Gambit names it: {@code #<thread-state-waiting #3>}. */
final class ThreadState extends HeapObj implements Printable {
    final String kind; // initialized, runnable, running, waiting, normally-terminated, abnormally-terminated
    final Object detail; // waiting-for, result, reason, or the processor number

    ThreadState(String kind, Object detail) {
        this.kind = kind;
        this.detail = detail;
    }

    @Override
    public void printOn(StringBuilder out, boolean write, Serials vm) {
        out.append("#<thread-state-").append(kind).append(vm.tag(this)).append('>');
    }

    static ThreadState of(SThread t, SThread current) {
        // A thread another one terminated is terminated, as its join says, even while its
        // processor has yet to reach the scheduling point where it lets it go.
        boolean onCpu = t.onProcessor >= 0 && t.state != SThread.State.TERMINATED;
        if (t == current || onCpu) return new ThreadState("running", (long) Math.max(0, t.onProcessor));
        return switch (t.state) {
            case NEW -> new ThreadState("initialized", null);
            case RUNNABLE -> new ThreadState("runnable", null);
            case WAITING -> new ThreadState("waiting", t.waitingOn instanceof safepoint.vm.data.Symbol ? Boolean.FALSE
                    : t.waitingOn == t.mailbox ? Boolean.FALSE : t.waitingOn);
            case TERMINATED -> t.exception != null || t.terminatedByRequest
                    ? new ThreadState("abnormally-terminated", t.exception != null ? t.exception : Boolean.FALSE)
                    : new ThreadState("normally-terminated", t.result);
        };
    }
}
