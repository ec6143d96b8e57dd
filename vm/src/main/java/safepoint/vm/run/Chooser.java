package safepoint.vm.run;

import java.util.List;

/**
 * Who makes controlled mode's choices, as data: a strategy by name with its parameters, a
 * schedule to replay, a dfs prefix, or a stepper. {@link Strategy#of} makes a fresh strategy from
 * it for each run (strategies keep state), so one {@link RunSettings} serves any number of runs.
 */
public sealed interface Chooser {
    /** The name the command line gives it (--strategy), for the options that make a run again. */
    String name();

    /** Seeded random choices: the default. */
    record Random() implements Chooser {
        @Override
        public String name() {
            return "random";
        }
    }

    /** Round robin (rr): the processors in turn. */
    record RoundRobin() implements Chooser {
        @Override
        public String name() {
            return "rr";
        }
    }

    /** PCT with bug depth {@code depth} and {@code k} sync points assumed per run. */
    record Pct(int depth, long k) implements Chooser {
        public Pct {
            if (depth < 1) throw new IllegalArgumentException("pct depth must be at least 1, not " + depth);
            if (k < 1) throw new IllegalArgumentException("pct k (sync points per run) must be at least 1, not " + k);
        }

        @Override
        public String name() {
            return "pct";
        }
    }

    /**
     * One run of the dfs search: follow these decisions (processor numbers), then the defaults;
     * with {@code footprints}, record each step's footprint for a dpor search (run.StepLog).
     */
    record Dfs(int[] prefix, boolean footprints) implements Chooser {
        public Dfs(int[] prefix) {
            this(prefix, false);
        }

        public Dfs {
            if (prefix == null) throw new IllegalArgumentException("dfs needs a prefix (empty for the first run)");
            prefix = prefix.clone();
            for (int p : prefix) if (p < 0) throw new IllegalArgumentException("dfs prefix: no processor " + p);
        }

        @Override
        public int[] prefix() {
            return prefix.clone();
        }

        @Override
        public String name() {
            return "dfs";
        }
    }

    /**
     * Replay recorded choices. Strict, a choice that does not fit ends the run ("diverged");
     * lenient (shrinking), such choices are skipped and past the end the run goes on without
     * preemption. {@code legacy}: the schedule is of format S1, which recorded no thread choices.
     */
    record Replay(List<long[]> choices, boolean lenient, boolean legacy) implements Chooser {
        public Replay {
            if (choices == null) throw new IllegalArgumentException("replay needs its choices");
            choices = List.copyOf(choices);
        }

        @Override
        public String name() {
            return "replay";
        }
    }

    /** Stepped by hand: at each choice {@code stepper} says what runs (the debugger's API). */
    record Manual(Stepper stepper) implements Chooser {
        public Manual {
            if (stepper == null) throw new IllegalArgumentException("manual stepping needs a stepper");
        }

        @Override
        public String name() {
            return "manual";
        }
    }

    /** A strategy by its command-line name: random, rr, pct (default depth and k) or dfs (no prefix). */
    static Chooser named(String name) {
        return switch (name) {
            case "random" -> new Random();
            case "rr" -> new RoundRobin();
            case "pct" -> new Pct(safepoint.vm.run.Pct.DEFAULT_DEPTH, safepoint.vm.run.Pct.DEFAULT_K);
            case "dfs" -> new Dfs(new int[0]);
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "' (random, rr, pct or dfs)");
        };
    }

    /** Replay {@code choices} exactly (a failing run again, recorded or analysed). */
    static Chooser replay(List<long[]> choices) {
        return new Replay(choices, false, false);
    }

    /** Replay {@code choices} leniently (shrinking a failing schedule). */
    static Chooser shrinking(List<long[]> choices) {
        return new Replay(choices, true, false);
    }

    /**
     * Replay a schedule string made for {@code programText}. A digest that does not match the
     * program is a warning, appended to {@code warning}; a string that is no schedule is an
     * IllegalArgumentException.
     */
    static Chooser replay(String schedule, String programText, StringBuilder warning) {
        List<long[]> choices = Controller.decode(schedule, Controller.digest(programText), warning);
        return new Replay(choices, false, schedule.trim().startsWith("S1:"));
    }
}
