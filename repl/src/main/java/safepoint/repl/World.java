package safepoint.repl;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import safepoint.vm.Machine;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Symbol;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.print.Printer;
import safepoint.vm.run.Outcome;
import safepoint.vm.run.RunSettings;
import safepoint.vm.run.Stepper;
import safepoint.vm.search.Paused;

/**
 * The REPL's commands on the whole world: {@code ,pause} and {@code ,resume}, {@code ,step},
 * {@code ,run N}, {@code ,back [N]}, {@code ,schedule} and {@code ,replay S} while paused, and
 * {@code ,seed S} (controlled mode for the next evaluations). The machine does the work
 * ({@link Paused}); this class reads the commands and writes what each step did.
 */
final class World {
    private final Machine vm;
    /** The world while paused, else null. */
    private Paused paused;

    /** Where the machine writes while paused from the inspector (the REPL's own writers). */
    private final Writer out;
    private final Writer err;

    World(Machine vm, Writer out, Writer err) {
        this.vm = vm;
        this.out = out;
        this.err = err;
    }

    boolean paused() {
        return paused != null;
    }

    /** How the paused world's run ended while the inspector had the screen, not yet told; or null. */
    private Outcome unreported;

    /** After the inspector: the report of a run that ended meanwhile. */
    void reportEnded(Writer out, Writer err) throws IOException {
        if (unreported == null || paused == null) return;
        Outcome o = unreported;
        unreported = null;
        ended(o, out, err);
    }

    /** The paused world's steps since the pause. */
    long steps() {
        return paused.steps();
    }

    /** An evaluation typed while paused: under the paused world's controller (see Paused.eval). */
    Outcome eval(Object form, java.util.function.Supplier<Outcome> evaluation) {
        return paused.eval(form, evaluation);
    }

    /** Whether {@code cmd} is one of this class's; if so it is done, writing to out and err. */
    boolean command(String cmd, Writer out, Writer err) throws IOException {
        String[] words = cmd.split("\\s+", 2);
        String name = words[0];
        String arg = words.length > 1 ? words[1].strip() : "";
        switch (name) {
            case ",pause" -> pause(out, err);
            case ",resume" -> resume(out, err);
            case ",step" -> {
                if (needsPause(name, err)) return true;
                Stepper.Step step = stepOf(arg, err);
                if (step != null) show(paused.step(step), out, err);
            }
            case ",run" -> {
                if (needsPause(name, err)) return true;
                Long n = count(arg, err, ",run needs a number of scheduling points, as in ,run 100");
                if (n != null) show(paused.step(new Stepper.Run(n)), out, err);
            }
            case ",back" -> {
                if (needsPause(name, err)) return true;
                Long n = arg.isEmpty() ? Long.valueOf(1) : count(arg, err, ",back takes a number of scheduling points (1 when none is given)");
                if (n == null) return true;
                long before = paused.steps();
                long now = paused.back(n);
                out.write("back " + (before - now) + " point" + (before - now == 1 ? "" : "s") + ": the world is at step " + now
                        + " since the pause (replayed from the pause, output muted)\n");
            }
            case ",schedule" -> {
                if (needsPause(name, err)) return true;
                out.write(",replay " + schedule(paused.moves()) + "\n");
            }
            case ",replay" -> {
                if (needsPause(name, err)) return true;
                replay(arg, out, err);
            }
            case ",seed" -> seed(arg, out, err);
            default -> {
                return false;
            }
        }
        out.flush();
        err.flush();
        return true;
    }

    private boolean needsPause(String name, Writer err) throws IOException {
        if (paused != null) return false;
        err.write(name + " works on the paused world: ,pause first (every processor stops at its next scheduling point)\n");
        err.flush();
        return true;
    }

    private void pause(Writer out, Writer err) throws IOException {
        if (paused != null) {
            err.write("The world is already paused, at step " + paused.steps() + " (,resume lets it run)\n");
            return;
        }
        RunSettings s = vm.settings();
        long seed = s.controlled() ? s.control().seed() : 0;
        out.flush();
        paused = Paused.pause(vm, out, err, seed);
        MachineView v = vm.look();
        out.write("Paused: " + v.processorsConfigured() + " processors stopped at their next scheduling point. "
                + ",step runs one point (,step P1 a processor, ,step NAME a thread), ,run N, ,back, ,resume\n");
        out.write(onProcessors(v));
        if (paused.ended() != null) ended(paused.ended(), out, err);
    }

    private void resume(Writer out, Writer err) throws IOException {
        if (paused == null) {
            err.write("The world is not paused (,pause stops it)\n");
            return;
        }
        long steps = paused.steps();
        paused.resume();
        paused = null;
        out.write("Resumed after " + steps + " step" + (steps == 1 ? "" : "s") + ": the machine runs as before the pause\n");
    }

    /** {@code ,seed S}: the next evaluations run in controlled mode with seed S; {@code ,seed off} back to free run. */
    private void seed(String arg, Writer out, Writer err) throws IOException {
        if (paused != null) {
            err.write(",seed changes how evaluations run; ,resume the paused world first\n");
            return;
        }
        RunSettings s = vm.settings();
        if (arg.isEmpty()) {
            out.write(s.controlled() ? "Controlled mode, seed " + s.control().seed() + " (" + s.control().chooser().name() + ")\n"
                    : "Free run on " + s.processors() + " processors (,seed S runs the next evaluations in controlled mode)\n");
            return;
        }
        if (arg.equals("off")) {
            vm.configure(RunSettings.freeRun(s.processors()).withHeapBytes(s.heapBytes()).withLocks(s.locks()));
            out.write("Free run on " + s.processors() + " processors\n");
            return;
        }
        Long seed = count(arg, err, ",seed takes a number (or off for free run)");
        if (seed == null) return;
        vm.configure(s.controlled(seed, "random"));
        out.write("Controlled mode, seed " + seed + ": each evaluation runs the same way every time\n");
    }

    /** {@code ,step}: the world; {@code P2}: that processor; a number or a name: that thread's processor. */
    private Stepper.Step stepOf(String arg, Writer err) throws IOException {
        if (arg.isEmpty()) return new Stepper.Run(1);
        int n = vm.settings().processors();
        if (arg.matches("[Pp]\\d{1,9}")) {
            int p = Integer.parseInt(arg.substring(1));
            if (p >= n) {
                err.write("There is no processor P" + p + ": this machine has " + n + " (P0 to P" + (n - 1) + ")\n");
                return null;
            }
            return new Stepper.StepProcessor(p);
        }
        ThreadView t = thread(vm.look(), arg);
        if (t == null) {
            err.write("No thread " + arg + " on the machine (,threads lists them; a thread not yet started or already ended is not there)\n");
            return null;
        }
        if (t.state() == ThreadView.State.TERMINATED) {
            err.write(t.thread().name() + " has ended: there is nothing to step\n");
            return null;
        }
        return new Stepper.StepThread(t.thread().name());
    }

    /** The thread a user names: its number ({@code 3}, {@code #3}), its name, or its whole {@code #<thread ...>}. */
    static ThreadView thread(MachineView v, String which) {
        String w = which.startsWith("#<thread") && which.endsWith(">") ? which.substring(8, which.length() - 1).strip() : which;
        if (w.startsWith("#")) w = w.substring(1);
        for (ThreadView t : v.threads()) {
            String name = t.thread().name();
            if (name.equals("#<thread " + w + ">") || w.matches("\\d{1,9}") && t.thread().id() == Long.parseLong(w)) return t;
        }
        return null;
    }

    private static Long count(String arg, Writer err, String usage) throws IOException {
        if (arg.matches("\\d{1,15}") && Long.parseLong(arg) > 0) return Long.parseLong(arg);
        err.write(usage + "\n");
        return null;
    }

    private void show(Paused.Stepped s, Writer out, Writer err) throws IOException {
        if (s.refused() != null && !s.idle()) {
            err.write(s.refused() + "\n");
            return;
        }
        MachineView v = s.ended() == null && paused.ended() == null ? vm.look() : null;
        out.write(StepText.of(s, v));
        if (s.ended() != null) ended(s.ended(), out, err);
        else if (s.from() == s.to() && paused.ended() != null) {
            err.write("The paused world's run has ended; ,back steps back into it, ,resume returns to free run\n");
        }
    }

    private void ended(Outcome o, Writer out, Writer err) throws IOException {
        out.flush();
        Main.report(o, err);
        err.write("The paused world's run has ended at step " + paused.steps() + "; ,back steps back into it, ,resume returns to free run\n");
        err.flush();
    }

    private static String onProcessors(MachineView v) {
        StringBuilder sb = new StringBuilder();
        for (var p : v.processors()) {
            sb.append("  P").append(p.id()).append(' ').append(p.running() == null ? "idle" : p.running().name()).append('\n');
        }
        return sb.toString();
    }

    // ---- the inspector's control keys ---------------------------------------------------------------

    /**
     * The control keys of {@code ,inspect}: the same moves as the commands, each answered with one
     * line for the inspector's status line (the inspector has the screen, so nothing is written).
     */
    safepoint.inspector.Control control() {
        return new safepoint.inspector.Control() {
            @Override
            public String pauseOrResume() {
                if (paused == null) {
                    RunSettings s = vm.settings();
                    paused = Paused.pause(vm, out, err, s.controlled() ? s.control().seed() : 0);
                    return "paused: n steps, b steps back, [ ] { } < > move along the time line, Space resumes";
                }
                long steps = paused.steps();
                paused.resume();
                paused = null;
                return "resumed after " + steps + " step" + (steps == 1 ? "" : "s");
            }

            @Override
            public String step(int processor, String thread) {
                if (paused == null) return "not paused: Space pauses the world first";
                Stepper.Step step = processor >= 0 ? new Stepper.StepProcessor(processor)
                        : thread != null ? new Stepper.StepThread(thread) : new Stepper.Run(1);
                Paused.Stepped s = paused.step(step);
                Outcome end = s.ended() != null ? s.ended() : paused.ended();
                if (end != null) {
                    unreported = end;
                    return "the run has ended (" + end.status().name().toLowerCase(java.util.Locale.ROOT) + "): b steps back, Space resumes";
                }
                if (s.refused() != null && !s.idle()) return s.refused();
                String line = StepText.of(s, vm.look()).lines().findFirst().orElse("");
                return line.isEmpty() ? "step " + s.to() : line;
            }

            @Override
            public String back() {
                if (paused == null) return "not paused: Space pauses the world first";
                if (paused.steps() == 0) return "at the pause: nothing to step back";
                long now = paused.back(1);
                unreported = paused.ended(); // back from the end: nothing ended here
                return "back at step " + now;
            }

            @Override
            public boolean visits() {
                return true;
            }

            @Override
            public safepoint.inspector.Control.TimeLine timeLine() {
                return paused == null ? null : new safepoint.inspector.Control.TimeLine(paused.steps(), paused.latest());
            }

            @Override
            public String travel(long step) {
                if (paused == null) return "not paused: Space pauses the world first";
                long before = paused.steps();
                long now = paused.travel(step);
                unreported = paused.ended();
                if (now == before) return now == 0 ? "at the pause: nothing before it" : "at step " + now + ", the latest: n steps on";
                String end = paused.ended() == null ? "" : ", where the run ended (" + paused.ended().status().name().toLowerCase(java.util.Locale.ROOT) + ")";
                return "at step " + now + " of " + paused.latest() + end + " (replayed from the pause, output muted)";
            }
        };
    }

    // ---- --listen PORT --control: the same keys from another terminal -------------------------------

    /**
     * Held by the REPL's thread from reading an input to the next prompt (Repl): the paused world
     * is not thread-safe, so an attached viewer's control line acts only while the REPL waits at
     * its prompt, and is told the REPL is busy otherwise.
     */
    private final java.util.concurrent.locks.ReentrantLock busy = new java.util.concurrent.locks.ReentrantLock();

    /** The REPL's thread has an input to do: control lines wait (or are told it is busy) until {@link #atPrompt}. */
    void working() {
        if (!busy.isHeldByCurrentThread()) busy.lock();
    }

    /** The REPL's thread waits at its prompt: control lines may act. */
    void atPrompt() {
        while (busy.isHeldByCurrentThread()) busy.unlock();
    }

    /** How long a control line waits for the REPL's prompt before it is told the REPL is busy. */
    static final long BUSY_MILLIS = 300;

    /** The time line as last seen with the lock, for the views a busy REPL cannot answer. */
    private volatile safepoint.inspector.Control.TimeLine lastTimeLine;

    /**
     * The control keys of a viewer attached from another terminal ({@code --listen PORT --control}):
     * those of {@link #control}, each done only while the REPL waits at its prompt, with a line on
     * the REPL's terminal when the world is paused or resumed from there. A resumed world runs on in
     * the background at once, as it would after the next prompt.
     */
    safepoint.inspector.Control remoteControl() {
        safepoint.inspector.Control local = control();
        return new safepoint.inspector.Control() {
            private String locked(java.util.function.Supplier<String> move) {
                try {
                    if (!busy.tryLock(BUSY_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return "busy: the REPL is evaluating (or its own inspector is open); try again at its prompt";
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
                try {
                    String said = move.get();
                    lastTimeLine = local.timeLine();
                    return said;
                } finally {
                    busy.unlock();
                }
            }

            @Override
            public String pauseOrResume() {
                return locked(() -> {
                    String said = local.pauseOrResume();
                    try {
                        err.write("[" + (paused != null ? "paused" : "resumed") + " from an attached inspector: " + said + "]\n");
                        err.flush();
                    } catch (IOException e) {
                        // the REPL's terminal is gone: the viewer is told anyway
                    }
                    if (paused == null) vm.runInBackground();
                    return said;
                });
            }

            @Override
            public String step(int processor, String thread) {
                return locked(() -> local.step(processor, thread));
            }

            @Override
            public String back() {
                return locked(local::back);
            }

            @Override
            public safepoint.inspector.Control.TimeLine timeLine() {
                if (!busy.tryLock()) return lastTimeLine;
                try {
                    return lastTimeLine = local.timeLine();
                } finally {
                    busy.unlock();
                }
            }

            @Override
            public String travel(long step) {
                return locked(() -> local.travel(step));
            }

            @Override
            public boolean visits() {
                return false;
            }
        };
    }

    // ---- ,schedule and ,replay: the moves as one datum ---------------------------------------------

    /** {@code ((p 1) (t "#<thread a>") (run 5) (eval (thread-start! t)))}: the moves, readable back by {@code ,replay}. */
    String schedule(List<Paused.Move> moves) {
        StringBuilder sb = new StringBuilder("(");
        for (Paused.Move m : moves) {
            if (sb.length() > 1) sb.append(' ');
            if (m instanceof Paused.StepMove s) {
                Stepper.Step st = s.step();
                if (st instanceof Stepper.StepProcessor p) sb.append("(p ").append(p.processor()).append(')');
                else if (st instanceof Stepper.StepThread t) sb.append("(t ").append(Printer.write(new safepoint.vm.data.MString(t.thread()), vm.serials)).append(')');
                else if (st instanceof Stepper.Run r) sb.append("(run ").append(r.points()).append(')');
            } else if (m instanceof Paused.EvalMove e) {
                sb.append("(eval ").append(Printer.write(e.form(), vm.serials)).append(')');
            }
        }
        return sb.append(')').toString();
    }

    /** What {@code ,replay} does with one eval move: the REPL evaluates and shows the form as if typed. */
    private Function<Object, Outcome> evaluator;

    void evaluator(Function<Object, Outcome> typed) {
        this.evaluator = typed;
    }

    private void replay(String text, Writer out, Writer err) throws IOException {
        List<Object> moves = new ArrayList<>();
        try {
            List<Object> data = vm.readAll(text, "(,replay)");
            if (data.size() != 1 || !(data.get(0) instanceof Pair || data.get(0) == safepoint.vm.data.Nil.NIL)) throw new IllegalArgumentException();
            for (Object o = data.get(0); o instanceof Pair p; o = p.cdr) moves.add(p.car);
        } catch (SchemeError | IllegalArgumentException e) {
            err.write(",replay takes what ,schedule prints: a list of moves such as ((p 0) (t \"#<thread a>\") (run 5) (eval (f)))\n");
            return;
        }
        for (Object m : moves) {
            if (!(m instanceof Pair p) || !(p.car instanceof Symbol kind) || !(p.cdr instanceof Pair)
                    || !List.of("p", "t", "run", "eval").contains(kind.name)) {
                err.write("Not a move: " + Printer.write(m, vm.serials) + " (a move is (p N), (t \"#<thread a>\"), (run N) or (eval FORM));"
                        + " nothing was replayed\n");
                return;
            }
        }
        paused.restart();
        out.write("Back at the pause; " + moves.size() + " move" + (moves.size() == 1 ? "" : "s") + " to replay\n");
        for (Object m : moves) {
            Pair p = (Pair) m;
            Symbol kind = (Symbol) p.car;
            Object a = ((Pair) p.cdr).car;
            switch (kind.name) {
                case "p" -> command(",step P" + Printer.display(a, vm.serials), out, err);
                case "t" -> command(",step " + Printer.display(a, vm.serials), out, err);
                case "run" -> command(",run " + Printer.display(a, vm.serials), out, err);
                default -> evaluator.apply(a); // eval: shown by the REPL, as if typed
            }
            if (paused.ended() != null) return;
        }
    }
}
