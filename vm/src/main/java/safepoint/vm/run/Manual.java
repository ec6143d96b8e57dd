package safepoint.vm.run;

import safepoint.vm.smp.Names;
import safepoint.vm.interp.SliceEnd;
import safepoint.vm.smp.SThread;
import java.util.ArrayList;
import java.util.List;

/** The manual strategy: a {@link Stepper} chooses; "run N points" goes round robin meanwhile. */
public final class Manual implements Strategy {
    private final Stepper stepper;
    private final RoundRobin turns = new RoundRobin();
    private long running;
    private String refused;

    public Manual(Stepper stepper) {
        this.stepper = stepper;
    }

    @Override
    public Slice next(Controller c, List<Integer> can) {
        for (;;) {
            if (running > 0 && stepper.interrupted()) running = 0;
            if (running > 0) {
                Slice s = turns.next(c, can);
                return new Slice(s.processor(), Math.min(running, s.points()));
            }
            List<String> on = new ArrayList<>();
            for (int p = 0; p < c.processors(); p++) on.add(c.on(p) == null ? null : Names.name(c.on(p)));
            Stepper.Step step = stepper.next(new Stepper.View(c.steps(), List.copyOf(can), on, refused));
            refused = null;
            if (step instanceof Stepper.StepProcessor sp) {
                if (can.contains(sp.processor())) return new Slice(sp.processor(), Math.max(1, sp.points()));
                refused = "P" + sp.processor() + " has nothing to run";
            } else if (step instanceof Stepper.StepThread st) {
                for (int p : can) if (on.get(p).equals(st.thread())) return new Slice(p, 1);
                refused = st.thread() + " is not on a processor (it waits, is queued, or does not exist)";
            } else if (step instanceof Stepper.Run r) {
                if (r.points() > 0) running = r.points();
                else refused = "run needs a positive number of points";
            } else {
                return null; // Stop, or no answer
            }
        }
    }

    @Override
    public void ran(Controller c, int p, SThread t, SliceEnd end, boolean sync, long used) {
        if (running > 0) running = Math.max(0, running - used);
        stepper.ran(new Stepper.Ran(p, Names.name(t), used, end));
    }

    /** Nothing can run: a stepper that wants to decide there is asked until it says Stop. */
    @Override
    public boolean goOnWhenIdle(Controller c) {
        if (!stepper.asksWhenIdle()) return true;
        running = 0;
        String why = "nothing can run: every thread waits or has ended";
        for (;;) {
            List<String> on = new ArrayList<>();
            for (int p = 0; p < c.processors(); p++) on.add(c.on(p) == null ? null : Names.name(c.on(p)));
            if (stepper.next(new Stepper.View(c.steps(), List.of(), on, why)) instanceof Stepper.Stop) return false;
        }
    }

    @Override
    public Outcome stopped(Controller c) {
        return new Outcome(Outcome.Status.TIMEOUT, null, "*** Stopped by hand after " + c.steps() + " scheduling points", 4);
    }
}
