package safepoint.inspector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.observe.Wait;

/** The threads, filtered and sorted; each row is made only when it is drawn. */
final class ThreadsPane {
    private ThreadsPane() {}

    /** The threads the pane lists, in its order. */
    static List<ThreadView> list(Index ix, Model m) {
        String f = m.filter(Pane.THREADS).toLowerCase();
        List<ThreadView> all = ix.view.threads();
        List<ThreadView> out;
        if (f.isEmpty()) {
            out = new ArrayList<>(all);
        } else {
            out = new ArrayList<>();
            for (ThreadView t : all) {
                if (t.thread().name().toLowerCase().contains(f) || state(t).toLowerCase().contains(f)) out.add(t);
            }
        }
        Comparator<ThreadView> c = switch (m.sort()) {
            case NUMBER -> Comparator.comparingLong(t -> t.thread().id());
            case NAME -> Comparator.comparing((ThreadView t) -> t.thread().name()).thenComparingLong(t -> t.thread().id());
            case STATE -> Comparator.comparing((ThreadView t) -> t.state()).thenComparingLong(t -> t.thread().id());
            case PROCESSOR -> Comparator.comparingInt((ThreadView t) -> t.processor() < 0 ? Integer.MAX_VALUE : t.processor())
                    .thenComparingLong(t -> t.thread().id());
        };
        if (m.sort() != Model.Sort.NUMBER || m.reversed()) out.sort(m.reversed() ? c.reversed() : c);
        return out;
    }

    /** Gambit's state: RUNNING P2, WAITING #<mutex m>, SLEEPING. */
    static String state(ThreadView t) {
        String s = switch (t.state()) {
            case RUNNING -> "RUNNING P" + t.processor();
            case WAITING -> "WAITING " + target(t.waitsFor());
            default -> t.state().name();
        };
        return s + (t.atSafepoint() ? " @" : "") + (t.uncaughtException() ? " !" : "");
    }

    private static String target(Wait w) {
        if (w == null) return "";
        if (w instanceof Wait.ToLock l) return l.mutex().name();
        if (w instanceof Wait.OnCondition c) return c.conditionVariable().name();
        if (w instanceof Wait.ForMessage x) return "for a message";
        if (w instanceof Wait.ForThread x) return x.thread().name();
        if (w instanceof Wait.Sleeping x) return "sleep";
        if (w instanceof Wait.OnOther x) return x.what().name();
        throw new IllegalArgumentException(String.valueOf(w));
    }

    /** What it waits on and who holds that, or the spinlock it spins on. */
    static String waits(ThreadView t, Index ix) {
        if (t.spinningOn() != null) return "spins on " + t.spinningOn().name() + ", held by " + ix.whereShort(holderRef(ix, t.spinningOn()));
        Wait w = t.waitsFor();
        String timed = w != null && w.deadlineNanos() >= 0 ? " (timed)" : "";
        if (w == null) return t.held().isEmpty() ? "" : "holds " + String.join(" ", t.held().stream().map(Object::toString).toList());
        if (w instanceof Wait.ToLock l) return (l.holder() == null ? "free" : "held by " + ix.whereShort(l.holder())) + timed;
        if (w instanceof Wait.OnCondition c) return "a signal" + timed;
        if (w instanceof Wait.ForMessage x) return "its mailbox" + timed;
        if (w instanceof Wait.ForThread x) return "the end of " + ix.whereShort(x.thread()) + timed;
        if (w instanceof Wait.Sleeping x) return "wakes in " + Text.nanos(Math.max(0, x.deadlineNanos() - ix.view.clockNanos()));
        if (w instanceof Wait.OnOther x) return x.what().name() + timed;
        throw new IllegalArgumentException(String.valueOf(w));
    }

    private static safepoint.vm.observe.Ref holderRef(Index ix, safepoint.vm.observe.Ref lock) {
        ThreadView h = ix.holder(lock);
        return h == null ? null : h.thread();
    }

    static Rows rows(List<ThreadView> list, Index ix, int width, int[] formatted) {
        int name = Math.max(12, Math.min(40, width / 6));
        int state = Math.max(20, Math.min(40, width / 4));
        String header = Text.right("#", 6) + "  " + Text.fit("NAME", name) + " " + Text.fit("STATE", state) + " "
                + Text.right("POLLS", 7) + "  WAITS ON / HOLDER";
        return new Rows() {
            public String header() {
                return header;
            }

            public int size() {
                return list.size();
            }

            public String row(int i, int w) {
                formatted[0]++;
                ThreadView t = list.get(i);
                return Text.right(Long.toString(t.thread().id()), 6) + "  " + Text.fit(Index.bare(t.thread().name()), name) + " "
                        + Text.fit(state(t), state) + " " + Text.right(Text.count(t.progress().polls()), 7) + "  " + waits(t, ix);
            }
        };
    }

    /** The selected thread's backtrace and held locks, as lines. */
    static List<String> detail(ThreadView t) {
        List<String> out = new ArrayList<>();
        out.add(t.thread().name() + "  " + state(t) + (t.held().isEmpty() ? ""
                : "  holds " + String.join(" ", t.held().stream().map(Object::toString).toList())));
        if (t.backtrace().isEmpty()) out.add("  (no calls awaiting a value)");
        for (int i = 0; i < t.backtrace().size(); i++) {
            ThreadView.Call c = t.backtrace().get(i);
            out.add(Text.right(Integer.toString(i), 3) + "  " + Text.fit(c.procedure() == null ? "(top level)" : c.procedure(), 30) + " "
                    + (c.source() == null ? "" : c.source()));
        }
        return out;
    }
}
