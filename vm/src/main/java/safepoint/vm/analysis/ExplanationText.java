package safepoint.vm.analysis;

import java.util.List;
import java.util.Locale;
import safepoint.vm.smp.Names;

/**
 * The wait-for analysis in plain words (jstack's layout): the cycle of waits first, then each
 * participant with what it holds, what it waits for and its backtrace, then the others,
 * summarised. One renderer for the failure reports the VM prints itself and for the REPL's
 * {@code ,why} and {@code ,deadlock}, as {@link WarningText} is for the warnings; a view that
 * wants other words reads the records ({@link Explanation}, {@link Why}, {@link Survey}).
 */
public final class ExplanationText {
    private ExplanationText() {}

    /** {@code headline}, then the explanation. */
    public static String of(String headline, Explanation e) {
        StringBuilder sb = new StringBuilder(headline).append('\n');
        if (!e.cycle().isEmpty()) {
            sb.append("  the cycle:\n");
            for (Explanation.Link l : e.cycle()) sb.append("    ").append(line(l)).append('\n');
        }
        for (Explanation.Participant p : e.participants()) participant(p, sb);
        for (String t : e.diedOnAnError()) sb.append("  ").append(t).append(" TERMINATED by an uncaught exception (its error is reported above)\n");
        if (e.othersCount() > 0) {
            sb.append(String.format(Locale.ROOT, "  ... and %,d more threads:%n", e.othersCount()));
            for (Explanation.Group g : e.others()) sb.append(String.format(Locale.ROOT, "      %,d %s%n", g.count(), group(g)));
        }
        return sb.toString().stripTrailing();
    }

    /**
     * The headline of seed bug 5a's deadlock: the barrier waits for a processor that spins without
     * polls on a lock whose holder cannot run. Its second line says it in plain words, the way a
     * person tells it: who holds the lock and waits at the barrier, who spins on it.
     */
    public static String barrierSpin(BarrierSpin b) {
        String lock = b.tableLock() ? "the table lock " + b.lock() : b.lock();
        String holds = switch (b.holderIs()) {
            case PARKED -> (b.holderProcessor() != null ? b.holderProcessor() + " holds " + lock + " (" + b.holder() + " took it)"
                    : b.holder() + " holds " + lock) + " and waits at the barrier";
            case WAITING -> b.holder() + " holds " + lock + " and waits (" + b.holderWait() + ")";
            case ENDED -> b.holder() + " took " + lock + " and ended without releasing it";
        };
        String where = switch (b.holderIs()) {
            case PARKED -> "parked at the safepoint";
            case WAITING -> "waiting (" + b.holderWait() + ")";
            case ENDED -> "which has ended";
        };
        if (b.stranded() != null) where += " (" + b.stranded() + ")";
        return "*** Deadlock: the GC barrier waits for " + b.processor() + ", which never reaches a safepoint\n"
                + "  in plain words: " + holds + "; " + b.processor() + " spins on it without polls, so it never reaches the barrier\n"
                + "  " + b.processor() + " runs " + b.spinner() + ", spinning without polls on " + b.lock() + "\n"
                + "  " + b.lock() + " is held by " + b.holder() + ", " + where
                + (b.holderIs() == BarrierSpin.Holder.ENDED ? ": nobody will ever release it\n" : ": it cannot run until the GC is over\n")
                + "  every other processor has stopped at the barrier\n"
                + "  fix: let the spin loop poll, or take a blocking mutex instead";
    }

    /**
     * A proven deadlock's first line. When threads wait in :std/event syncs (which poll with
     * sleeps of their own, so "none waits with a timeout" would not be plainly true) it names
     * those syncs as what can never complete.
     */
    public static String deadlockHeadline(List<String> syncs) {
        if (syncs.isEmpty()) return "*** Deadlock: no thread can run and none waits with a timeout";
        return "*** Deadlock: no thread can run, and " + (syncs.size() == 1 ? "this sync" : "these syncs")
                + " can never complete: " + String.join(", ", syncs);
    }

    /** The report of a proven hang: the primordial thread's chain of waits, what ends it, the explanation. */
    static String hang(List<Explanation.Link> chain, String unreachableEnd, Explanation e) {
        StringBuilder sb = new StringBuilder("*** Hang: the program can never end, though some threads still run\n  the chain of waits:\n");
        for (Explanation.Link l : chain) sb.append("    ").append(line(l)).append('\n');
        sb.append(unreachableEnd == null ? "  it comes back on itself: a cycle nothing outside can break\n"
                : "  nothing can ever end the last wait: no live thread can reach " + unreachableEnd + "\n");
        return of(sb.toString().stripTrailing(), e);
    }

    /** The report of a hang proven on a raw table: who probes what for ever, and why no slot is unused. */
    public static String probeHang(ProbeHang h) {
        int entries = h.slots() / 2;
        StringBuilder sb = new StringBuilder("*** Hang: the program can never end, though a thread still runs\n");
        sb.append("  in plain words: ").append(h.thread()).append(" probes ")
                .append(h.table() == null ? "a hash table" : "the hash table " + h.table()).append(" for ever (").append(h.op())
                .append("): it has walked all ").append(entries).append(" entries of its ").append(h.slots())
                .append(" slots, and none is unused and none holds its key, so it goes round again and again\n");
        sb.append("  why no entry is unused: the count and free words drifted under unlocked writers (count ").append(h.count())
                .append(", free ").append(h.free()).append(" of ").append(entries).append(" entries): a set rehashes first only when fewer than ")
                .append(entries / 2).append(" are free, and lost updates of free kept it from rehashing while every entry filled\n");
        sb.append("  nothing else can write the table: ");
        List<String> rest = new java.util.ArrayList<>();
        if (h.ended() > 0) rest.add(h.ended() + (h.ended() == 1 ? " other thread has" : " other threads have") + " ended");
        if (!h.waiting().isEmpty()) rest.add(String.join(", ", h.waiting()) + (h.waiting().size() == 1 ? " waits" : " wait") + " for ever");
        if (h.otherProbers() > 0) rest.add(h.otherProbers() + " other thread" + (h.otherProbers() == 1 ? " probes" : "s probe") + " for ever too");
        sb.append(rest.isEmpty() ? "no other thread is alive" : String.join("; ", rest));
        return sb.toString();
    }

    /** {@code ,why T}. */
    public static String why(Why w) {
        if (w instanceof Why.NoSuchThread n) return "No live thread " + n.which() + " (,threads lists them)\n";
        if (w instanceof Why.Ended n) return n.thread() + " has ended: nothing to explain\n";
        if (w instanceof Why.Sleeping n) return n.thread() + " is sleeping: it wakes up on its own\n";
        if (w instanceof Why.NotBlocked n) return n.thread() + " is not blocked: " + n.state() + "\n";
        Why.Chain c = (Why.Chain) w;
        StringBuilder sb = new StringBuilder();
        for (Explanation.Link l : c.chain()) sb.append(line(l)).append('\n');
        if (c.backTo() != null) sb.append("  ... back to ").append(c.backTo()).append(": a deadlock, nothing outside the cycle can end it\n");
        participant(c.thread(), sb);
        return sb.toString();
    }

    /** {@code ,deadlock}. */
    public static String survey(Survey s) {
        if (s.explanation() == null) return "Nothing is blocked.\n";
        if (s.cycle()) return of("Deadlock: a cycle of waits that nothing outside it can break", s.explanation()) + "\n";
        return of("No cycle of waits; " + s.blocked() + " thread" + (s.blocked() == 1 ? " waits" : "s wait") + " (,why T follows one):",
                s.explanation()) + "\n";
    }

    /** {@code #<thread left> waits to lock #<mutex b>}. */
    public static String line(Explanation.Link l) {
        return l.from() + " " + l.kind().words(l.timed()) + (l.to() == null ? "" : " " + l.to());
    }

    /** One participant, on the lines after its name. */
    static void participant(Explanation.Participant p, StringBuilder sb) {
        sb.append("  ").append(p.thread()).append(' ').append(state(p.state())).append('\n');
        for (String held : p.locked()) sb.append("      locked ").append(held).append('\n');
        if (p.waitingToLock() != null) sb.append("      waiting to lock ").append(p.waitingToLock()).append('\n');
        if (p.spin() != null) {
            sb.append("      spinning on ").append(p.spin().lock()).append(p.spin().polling() ? "" : " (no poll in this code)").append('\n');
        }
        if (p.unsignalable() != null) {
            sb.append("      no live thread can signal ").append(p.unsignalable())
                    .append(": only the threads waiting on it can reach it (a lost wakeup)\n");
        }
        if (p.unreachableMailbox()) sb.append("      no live thread can send it a message: none can reach ").append(p.thread()).append('\n');
        sb.append(Names.backtrace(p.backtrace(), "      "));
    }

    private static String state(Explanation.State s) {
        if (s instanceof Explanation.HeldBack h) return "RUNNABLE, " + h.kind().words(h.timed()) + " " + h.on();
        if (s instanceof Explanation.Running r) return "RUNNING on " + r.processor();
        if (s instanceof Explanation.WaitingOnMutex m) return "WAITING on " + m.mutex() + (m.holder() != null ? ", held by " + m.holder() : "");
        if (s instanceof Explanation.WaitingOnMailbox) return "WAITING on its mailbox (thread-receive)";
        if (s instanceof Explanation.WaitingForEnd t) return "WAITING on " + t.thread() + " to end (thread-join!)";
        if (s instanceof Explanation.WaitingOn o) return "WAITING on " + o.what();
        return ((Explanation.Other) s).state();
    }

    /** A summary line's words, for one thread or for many. */
    private static String group(Explanation.Group g) {
        if (g.kind() == null) return g.state();
        String to = " " + (g.to() == null ? "their mailbox" : g.to());
        return (g.count() == 1 ? g.kind().words(g.timed()) : g.kind().plural(g.timed())) + to;
    }
}
