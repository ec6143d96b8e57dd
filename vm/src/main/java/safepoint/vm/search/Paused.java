package safepoint.vm.search;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import safepoint.vm.Machine;
import safepoint.vm.event.Events;
import safepoint.vm.run.Chooser;
import safepoint.vm.run.Outcome;
import safepoint.vm.run.RunSettings;
import safepoint.vm.run.Stepper;

/**
 * The world, paused: the debugger's {@code ,pause}. Every processor stopped at its next
 * scheduling point (the background run's host stop), and the machine goes on in controlled mode,
 * one step at a time, as its user says: one scheduling point of the world, of one processor, of
 * the processor that runs one thread, or N points. What is typed meanwhile is evaluated as the
 * primordial thread, under the same controller, so it counts among the steps.
 *
 * <p>Step back: a checkpoint of the whole machine is taken when the world pauses; going back N
 * points rewinds to it and does again, with the console muted, every move since, up to N points
 * before where the world was (controlled mode is deterministic, so the moves give the same run).
 * The moves after the cursor are kept as a time line, so that {@link #travel} can go forward
 * again (the inspector's time line); a new, different move forgets them, as an editor's redo.
 *
 * <p>Concurrency: while the world is paused at the prompt, one Java thread (the driver) runs the
 * controlled run, holding the scheduler's monitor between steps as every controlled run does, and
 * asks {@link Hand#next} what to do at each choice. The REPL's thread never touches the machine
 * then: it hands the driver each step through one queue and waits for the reply on another;
 * other threads' looks and ,why are done by the driver while it waits (Controller.between). An evaluation ends the driver's run
 * first and runs on the REPL's thread, with the same settings; the next prompt starts a new one.
 */
public final class Paused {
    private final Machine vm;
    /** The settings before the pause, back at {@link #resume}. */
    private final RunSettings before;
    private final RunSettings stepping;
    /** The one stepper the settings name for the whole pause; it passes each prompt's questions to that prompt's hand. */
    private final Relay relay = new Relay();
    private final Checkpoint start;
    private final Mute out;
    private final Mute err;
    private final long seed;
    /** The moves since the pause, in order: what step back does again. */
    private final List<Move> moves = new ArrayList<>();
    /**
     * The time line: the moves of the furthest run since the pause, of which {@link #moves} is a
     * prefix after a step back (its last Run possibly cut short). Moving forward does them again,
     * as an editor's redo; a new move that differs from the next one here replaces what follows.
     */
    private List<Move> timeline = new ArrayList<>();
    /** The world's steps at the end of the time line. */
    private long latest;
    /** Steps of the runs that ended (evaluations, earlier prompts): the world's step count is this plus the driver's. */
    private long base;
    /** The prompt's run in progress, or null (ended, or between an evaluation's parts). */
    private Hand hand;
    /** How the last prompt run ended on its own (a deadlock, an exit), or null while it runs. */
    private Outcome ended;

    /** One move of the user since the pause. */
    public sealed interface Move {}

    /** A step answered to the stepper. */
    public record StepMove(Stepper.Step step) implements Move {}

    /** An evaluation typed while paused, and the points it took. */
    public record EvalMove(Object form, Supplier<Outcome> evaluation, long points) implements Move {}

    /**
     * What a move did: the world's step count before and after it, the slices that ran, the
     * events they made, why the step was refused (or null), the outcome that ended the run
     * (or null), and whether nothing could run after it.
     */
    public record Stepped(long from, long to, List<Stepper.Ran> slices, List<Events.Event> events, String refused, Outcome ended,
            boolean idle) {}

    private Paused(Machine vm, Writer out, Writer err, long seed) {
        this.vm = vm;
        this.before = vm.settings();
        this.out = new Mute(out);
        this.err = new Mute(err);
        this.seed = seed;
        vm.stopBackground(); // every processor at its next scheduling point (code without polls too)
        vm.freshConsole(this.out, this.err, seed);
        this.start = Checkpoint.take(vm);
        this.stepping = before.controlled(seed, new Chooser.Manual(relay)).withMaxSteps(Long.MAX_VALUE / 4);
    }

    /** Pause the machine: it writes to {@code out} and {@code err} from now on (muted while a step back replays). */
    public static Paused pause(Machine vm, Writer out, Writer err, long seed) {
        Paused p = new Paused(vm, out, err, seed);
        p.startPrompt();
        return p;
    }

    /** The world's scheduling points since the pause. */
    public long steps() {
        return base + (hand == null ? 0 : hand.steps);
    }

    /** What ended the world's run on its own, or null while it can still be stepped. */
    public Outcome ended() {
        return ended;
    }

    /** The moves since the pause. */
    public List<Move> moves() {
        return List.copyOf(moves);
    }

    /** One move: a step of the world, a processor or a thread, or N points. */
    public Stepped step(Stepper.Step step) {
        if (step instanceof Stepper.Stop) throw new IllegalArgumentException("a paused world is ended by resume, not by a Stop");
        if (hand == null) return new Stepped(steps(), steps(), List.of(), List.of(), null, ended, false);
        boolean redo = atRecorded(new StepMove(step));
        moves.add(new StepMove(step));
        Stepped s = hand.answer(step);
        if (s.to() == s.from() && s.ended() == null) moves.remove(moves.size() - 1); // refused, or nothing could run: not a move
        else if (!redo) cutTimeline();
        return s;
    }

    /** Whether {@code m}, made now, is the time line's next move from exactly where the world is (so what follows it stays valid). */
    private boolean atRecorded(Move m) {
        return timeline.size() > moves.size() && timeline.subList(0, moves.size()).equals(moves) && timeline.get(moves.size()).equals(m);
    }

    /** A new move: the time line is what was done, and the moves after the old cursor are forgotten. */
    private void cutTimeline() {
        timeline = new ArrayList<>(moves);
        latest = steps();
    }

    /** The world's steps at the end of the time line: how far forward can go (at least {@link #steps}). */
    public long latest() {
        return Math.max(latest, steps());
    }

    /**
     * Go to step {@code target} of the time line (clamped to the pause and its end), backwards or
     * forwards, by rewinding to the pause and doing the time line's moves again, muted; the moves
     * after the cursor stay for the next move forward. An evaluation is done whole or not at all:
     * going forward into one ends after it, going back into one before it. Returns the steps now.
     */
    public long travel(long target) {
        long to = Math.max(0, Math.min(target, latest()));
        if (to == steps()) return to;
        return replayTo(to, timeline, to > steps());
    }

    /**
     * An evaluation typed while paused: it runs as the primordial thread under the controller,
     * the primordial thread preferred at each choice, so the rest of the world moves only when
     * the evaluation waits; then the world is paused at the prompt again.
     */
    public Outcome eval(Object form, Supplier<Outcome> evaluation) {
        stopPrompt();
        long from = base;
        Outcome o = evalNow(evaluation);
        moves.add(new EvalMove(form, evaluation, base - from));
        if (!replaying) cutTimeline();
        startPrompt();
        return o;
    }

    private Outcome evalNow(Supplier<Outcome> evaluation) {
        vm.configure(before.controlled(seed, new Chooser.Manual(new Evaluating(safepoint.vm.smp.Names.name(vm.primordial)))).withMaxSteps(RunSettings.DEFAULT_MAX_STEPS));
        Outcome o = evaluation.get();
        base += o.report().steps();
        return o;
    }

    /**
     * Back {@code points} scheduling points (at least one, at most to the pause): rewind to the
     * pause and do every move again, muted, until that point. An evaluation is done whole or not
     * at all. The moves after that point stay on the time line ({@link #travel} forward redoes
     * them). Returns the steps now.
     */
    public long back(long points) {
        return replayTo(Math.max(0, steps() - Math.max(1, points)), timeline, false);
    }

    /** True while a rewind does the moves again: an evaluation then is no new move. */
    private boolean replaying;

    /**
     * Rewind to the pause and do {@code recorded} again, muted, until step {@code target}; an
     * evaluation that would pass it is done when {@code wholeEvals} (forward), else not; returns the steps now.
     */
    private long replayTo(long target, List<Move> recorded, boolean wholeEvals) {
        List<Move> again = List.copyOf(recorded);
        stopPrompt();
        out.muted = true;
        err.muted = true;
        replaying = true;
        try {
            start.rewind(out, err, seed);
            moves.clear();
            base = 0;
            ended = null;
            startPrompt();
            for (Move m : again) {
                if (steps() >= target) break;
                if (m instanceof StepMove s) {
                    if (hand == null) break;
                    Stepper.Step step = s.step();
                    long left = target - steps();
                    if (step instanceof Stepper.Run r && r.points() > left) step = new Stepper.Run(left);
                    moves.add(new StepMove(step));
                    hand.answer(step);
                } else if (m instanceof EvalMove e) {
                    if (steps() + e.points() > target && !wholeEvals) break;
                    eval(e.form(), e.evaluation());
                }
            }
        } finally {
            replaying = false;
            out.muted = false;
            err.muted = false;
            flush();
        }
        return steps();
    }

    /** Back to the pause, with no move made: what {@code ,replay} starts from. */
    public void restart() {
        back(Long.MAX_VALUE);
    }

    /** End the pause: the next evaluations run with the settings of before (free run, most often). */
    public void resume() {
        stopPrompt();
        vm.configure(before);
        flush();
    }

    /** Ctrl-C: a ,run in progress ends at its next slice. */
    public void interrupt() {
        Hand h = hand;
        if (h != null) h.interrupted = true;
    }

    private void flush() {
        try {
            out.flush();
            err.flush();
        } catch (IOException e) {
            // the terminal is gone: nothing to tell it
        }
    }

    private void startPrompt() {
        vm.configure(stepping);
        Hand h = new Hand();
        relay.to = h;
        hand = h;
        vm.onInterrupt = this::interrupt;
        Thread t = new Thread(() -> {
            Outcome o;
            try {
                o = vm.runAtPrompt();
            } catch (RuntimeException | Error e) {
                o = new Outcome(Outcome.Status.ERROR, null, "*** Safepoint internal error in the paused world: " + e, 70);
            }
            h.replies.add(new Finished(o));
        }, "safepoint-paused");
        t.setDaemon(true);
        h.driver = t;
        t.start();
        Object first = h.take();
        if (first instanceof Finished f) finish(f.outcome());
    }

    /** End the prompt's run (if it still runs) and wait for its driver. */
    private void stopPrompt() {
        Hand h = hand;
        if (h == null) return;
        h.requests.add(new Stepper.Stop());
        Object r;
        while (!((r = h.take()) instanceof Finished)) {
            // an answer to a step asked before the stop: the stop comes next
        }
        close(((Finished) r).outcome());
    }

    /** The prompt's run ended by itself with {@code o} (a deadlock, an exit): the world can only step back or resume. */
    private void finish(Outcome o) {
        ended = o;
        close(o);
    }

    /** The prompt's run is over: count its steps and let its driver go. */
    private void close(Outcome o) {
        base += o.report().steps();
        try {
            hand.driver.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hand = null;
        vm.onInterrupt = null;
    }

    /** The run ended (the driver's last word). */
    private record Finished(Outcome outcome) {}

    /** The driver's answer to a step: it is at the next choice. */
    private record At(Stepper.View view) {}

    /** A stepper that asks the hand of the prompt's run in progress. */
    private static final class Relay implements Stepper {
        volatile Hand to;

        @Override
        public Step next(View view) {
            return to.next(view);
        }

        @Override
        public boolean asksWhenIdle() {
            return true;
        }

        @Override
        public void ran(Ran ran) {
            to.ran(ran);
        }

        @Override
        public boolean interrupted() {
            return to.interrupted();
        }
    }

    /** The prompt's stepper: it asks the REPL's thread through the queues. */
    private final class Hand {
        final BlockingQueue<Object> requests = new LinkedBlockingQueue<>();
        final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
        Thread driver;
        volatile boolean interrupted;
        /** The driver's steps at its last choice. */
        volatile long steps;
        /** Slices run since the last answer (driver's thread only). */
        private final List<Stepper.Ran> ran = new ArrayList<>();
        private List<Stepper.Ran> lastRan = List.of();

        /**
         * On the driver's thread: tell the REPL where the run is, and wait for its answer,
         * doing meanwhile what other threads ask of the controller (looks, ,why).
         */
        Stepper.Step next(Stepper.View view) {
            steps = view.steps();
            lastRan = List.copyOf(ran);
            ran.clear();
            replies.add(new At(view));
            for (;;) {
                Object r;
                try {
                    r = requests.poll(5, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    r = null; // never interrupted on purpose: wait on
                }
                safepoint.vm.run.Controller c = vm.control;
                if (c != null) c.serveAsked();
                if (r == null) continue;
                interrupted = false;
                return (Stepper.Step) r;
            }
        }

        void ran(Stepper.Ran r) {
            ran.add(r);
        }

        boolean interrupted() {
            return interrupted;
        }

        /** On the REPL's thread: the driver's next reply. */
        Object take() {
            return takeFrom(replies);
        }

        Stepped answer(Stepper.Step step) {
            long from = steps();
            long seq = lastSeq();
            requests.add(step);
            Object r = take();
            if (r instanceof Finished f) {
                finish(f.outcome());
                return new Stepped(from, steps(), List.of(), eventsSince(seq), null, f.outcome(), false);
            }
            At at = (At) r;
            return new Stepped(from, steps(), lastRan, eventsSince(seq), at.view().refused(), null, at.view().runnable().isEmpty());
        }

    }

    private long lastSeq() {
        List<Events.Event> all = vm.events.snapshot();
        return all.isEmpty() ? -1 : all.get(all.size() - 1).seq();
    }

    private List<Events.Event> eventsSince(long seq) {
        List<Events.Event> out = new ArrayList<>();
        for (Events.Event e : vm.events.snapshot()) if (e.seq() > seq) out.add(e);
        return out;
    }

    private static Object takeFrom(BlockingQueue<Object> q) {
        for (;;) {
            try {
                return q.take();
            } catch (InterruptedException e) {
                // the REPL's and the driver's threads are never interrupted on purpose: wait on
            }
        }
    }

    /**
     * An evaluation's stepper: the primordial thread runs whenever it is on a processor, so the
     * world moves only while the evaluation waits for it.
     */
    private static final class Evaluating implements Stepper {
        private final String primordial;

        Evaluating(String primordial) {
            this.primordial = primordial;
        }

        @Override
        public Step next(View view) {
            int p = view.threadOn().indexOf(primordial);
            // One point at a time: a slice the evaluation ends by returning would count whole.
            if (p >= 0 && view.runnable().contains(p)) return new StepProcessor(p);
            return new Run(1);
        }
    }

    /** A writer that drops what is written while a step back replays. */
    private static final class Mute extends Writer {
        private final Writer to;
        volatile boolean muted;

        Mute(Writer to) {
            this.to = to;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            if (!muted) to.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (!muted) to.flush();
        }

        @Override
        public void close() throws IOException {
            to.close();
        }
    }
}
