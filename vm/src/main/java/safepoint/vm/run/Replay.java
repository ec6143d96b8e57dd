package safepoint.vm.run;

import safepoint.vm.smp.SThread;
import java.util.List;

/**
 * Replays recorded choices. Strict (replay): a choice that does not fit ends the run with
 * "diverged" (exit 2). Lenient (shrinking): choices that no longer fit are skipped, and past the
 * end the last processor runs on without preemption.
 */
public final class Replay implements Strategy {
    private final List<long[]> choices;
    private final boolean lenient;
    /** The schedule is of format S1, which recorded no thread choices. */
    private final boolean legacy;
    private int next;

    Replay(Chooser.Replay settings) {
        this.choices = settings.choices();
        this.lenient = settings.lenient();
        this.legacy = settings.legacy();
    }

    private boolean threadChoiceNext() {
        return next < choices.size() && Controller.isThreadChoice(choices.get(next));
    }

    @Override
    public int pickThread(Controller c, int p, List<SThread> candidates) {
        if (!threadChoiceNext()) {
            // A schedule of format S1 (before thread choices were recorded), or a shrink that
            // dropped this choice: the fixed order.
            return lenient || legacy ? 0 : -1;
        }
        int i = (int) choices.get(next)[1];
        if (i >= candidates.size()) {
            if (!lenient) return -1;
            i = 0;
        }
        next++;
        return i;
    }

    @Override
    public Slice next(Controller c, List<Integer> can) {
        if (lenient) {
            while (next < choices.size() && (threadChoiceNext() || !can.contains((int) choices.get(next)[0]))) next++;
            if (next >= choices.size()) {
                int last = c.lastChosen();
                return new Slice(last >= 0 && can.contains(last) ? last : can.get(0), Controller.HEARTBEAT);
            }
        } else if (next >= choices.size() || threadChoiceNext() || !can.contains((int) choices.get(next)[0])) {
            return null;
        }
        long[] ch = choices.get(next++);
        return new Slice((int) ch[0], ch[1]);
    }

    @Override
    public Outcome stopped(Controller c) {
        return new Outcome(Outcome.Status.ERROR, null, "*** Replay diverged at step " + c.steps() + " (choice " + next
                + "): the schedule does not fit this program's run", 2);
    }
}
