package safepoint.repl;

import safepoint.tables.Policy;
import safepoint.vm.Machine;

import java.util.ArrayList;
import java.util.List;

/** The parsed command line (DESIGN.md, "The command line"). */
record Options(String command, List<String> operands, String expr, int processors, Long seed, Double timeoutSecs,
        Long maxSteps, Long heapBytes, String strategy, String schedule, String scheduleFile, Integer runs, Integer depth,
        Integer preemptions, Integer listen, Integer attach, boolean inspector, boolean control, Policy locks, String reduction,
        boolean explore) {

    /** A bad command line: the message is shown with the usage, exit status 2. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    static final String USAGE = """
            usage: safepoint                         REPL
                   safepoint --inspector             REPL with the live inspector's panes above the prompt
                   safepoint [run] FILE [opts]       run a program; stdout is its output
                   safepoint -e EXPR [opts]          evaluate and print
                   safepoint explore FILE [--runs N]  search schedules (seeds 1..N) for a failure
                   safepoint explore FILE --strategy dfs [--preemptions K] [--reduction dpor|none]
                                                     every schedule with at most K preemptions (dpor:
                                                     one of each set that differ only in independent steps)
                   safepoint replay FILE --schedule S   re-run one schedule (or --seed S)
                   safepoint replay FILE --schedule-file PATH   the schedule read from a file
                   safepoint test [FILE|DIR|DIR/...]  run Gerbil test files (*-test.ss, :std/test) as gxtest;
                                                     DIR/... recursively; --seed S -p N: controlled mode
                   safepoint test FILE --explore [--strategy dfs|random|pct] [--runs N] [--preemptions K]
                                                     search schedules for each test case, as explore does
                   safepoint bench [NAME...]         the benchmark suite
                   safepoint bench tables [--quick] [--svg FILE]   table locking policies; FILE: a bar chart
                   safepoint inspect --attach PORT   the inspector on a machine started with --listen PORT
            options: -p N (processors, default 4), --heap SIZE (e.g. 64m), --seed S (controlled mode),
                     --strategy rr|random|pct (with --seed or explore), --depth D (pct),
                     --locks POLICY (how tables lock: none, global, per-table (the default),
                     striped-address, lock-after-probe, lock-free-reads),
                     --max-steps N, --timeout SECS, --listen PORT (REPL or run: serve the inspector's
                     views on 127.0.0.1, read-only, with a token in ~/.safepoint), --control (with
                     --listen in the REPL: an attached inspector's keys pause, step, step back and
                     move the time line; never an evaluation)
            """;

    static Options parse(String[] args) throws UsageError {
        String command = null;
        List<String> operands = new ArrayList<>();
        String expr = null;
        int processors = Machine.DEFAULT_PROCESSORS;
        Long seed = null;
        Double timeout = null;
        Long maxSteps = null;
        Long heapBytes = null;
        String strategy = null;
        String schedule = null;
        String scheduleFile = null;
        Integer runs = null;
        Integer depth = null;
        Integer preemptions = null;
        String reduction = null;
        Integer listen = null;
        boolean explore = false;
        Integer attach = null;
        boolean inspector = false;
        boolean control = false;
        Policy locks = Policy.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-e" -> {
                    // every -e counts, in order, as gsi does: their texts run as one after another
                    String e = value(args, ++i, a);
                    expr = expr == null ? e : expr + "\n" + e;
                    if (command == null) command = "eval";
                }
                case "-p" -> {
                    long p = number(value(args, ++i, a), a);
                    if (p < 1 || p > 1024) throw new UsageError("-p needs a number of processors from 1 to 1024, not " + p);
                    processors = (int) p;
                }
                case "--seed" -> seed = number(value(args, ++i, a), a);
                case "--heap" -> heapBytes = size(value(args, ++i, a));
                case "--schedule" -> schedule = value(args, ++i, a);
                case "--schedule-file" -> scheduleFile = value(args, ++i, a);
                case "--depth" -> {
                    long d = number(value(args, ++i, a), a);
                    if (d < 1 || d > 20) throw new UsageError("--depth needs a number from 1 to 20");
                    depth = (int) d;
                }
                case "--preemptions" -> {
                    long k = number(value(args, ++i, a), a);
                    if (k < 0 || k > 10) throw new UsageError("--preemptions needs a number from 0 to 10");
                    preemptions = (int) k;
                }
                case "--reduction" -> {
                    reduction = value(args, ++i, a);
                    if (!reduction.equals("dpor") && !reduction.equals("none")) {
                        throw new UsageError("unknown reduction '" + reduction + "' (dpor or none)");
                    }
                }
                case "--runs" -> {
                    long r = number(value(args, ++i, a), a);
                    if (r < 1 || r > 10_000_000) throw new UsageError("--runs needs a positive number of runs");
                    runs = (int) r;
                }
                case "--strategy" -> {
                    strategy = value(args, ++i, a);
                    switch (strategy) {
                        case "rr", "random", "pct", "dfs" -> { }
                        default -> throw new UsageError("unknown strategy '" + strategy + "' (rr, random, pct or dfs)");
                    }
                }
                case "--max-steps" -> {
                    maxSteps = number(value(args, ++i, a), a);
                    if (maxSteps < 1) throw new UsageError("--max-steps needs a positive number");
                }
                case "--timeout" -> {
                    String v = value(args, ++i, a);
                    try {
                        timeout = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new UsageError("--timeout needs a number of seconds, not '" + v + "'");
                    }
                    if (!(timeout > 0)) throw new UsageError("--timeout needs a positive number of seconds");
                }
                case "--locks" -> {
                    String v = value(args, ++i, a);
                    locks = Policy.named(v);
                    if (locks == null) throw new UsageError("unknown locking policy '" + v + "' (" + Policy.names() + ")");
                }
                case "--listen" -> listen = port(value(args, ++i, a), a);
                case "--inspector" -> inspector = true;
                case "--control" -> control = true;
                case "--explore" -> explore = true;
                case "--attach" -> attach = port(value(args, ++i, a), a);
                case "-h", "--help" -> command = "help";
                case "--svg", "--quick" -> {
                    // bench tables' own options: passed on as operands, TableBench reads them
                    if (!"bench".equals(command)) throw new UsageError(a + " goes with bench tables: safepoint bench tables [--quick] [--svg FILE]");
                    operands.add(a);
                }
                default -> {
                    if (a.startsWith("-") && a.length() > 1) throw new UsageError("unknown option " + a);
                    if (command == null) command = a;
                    else operands.add(a);
                }
            }
        }
        if (command == null) command = "repl";
        switch (command) {
            case "repl", "eval", "help", "bench" -> { }
            case "run" -> {
                if (operands.size() != 1) throw new UsageError("run needs exactly one FILE");
            }
            case "test" -> {
                if (operands.isEmpty()) operands.add("."); // gxtest: the test files of the current folder
            }
            case "explore" -> {
                if (operands.size() != 1) throw new UsageError("explore needs exactly one FILE");
            }
            case "replay" -> {
                if (operands.size() != 1) throw new UsageError("replay needs exactly one FILE");
                if (schedule != null && scheduleFile != null) throw new UsageError("replay takes --schedule or --schedule-file, not both");
                if (schedule == null && scheduleFile == null && seed == null) {
                    throw new UsageError("replay needs --schedule S, --schedule-file PATH or --seed S");
                }
            }
            case "inspect" -> {
                if (attach == null) throw new UsageError("inspect needs --attach PORT (the port of a `safepoint --listen PORT`)");
                if (!operands.isEmpty()) throw new UsageError("inspect takes no FILE; it shows a machine that runs elsewhere");
            }
            case "trace", "demo" ->
                throw new UsageError("'" + command + "' is not available yet in this version of Safepoint");
            default -> {
                // `safepoint prog.ss`, as with gsi and gxi: a program file given as the command runs it.
                if (!operands.isEmpty() || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(command))) {
                    throw new UsageError("unknown command '" + command + "' (no such file either; to run a program: safepoint FILE)");
                }
                operands.add(command);
                command = "run";
            }
        }
        if (attach != null && !command.equals("inspect")) throw new UsageError("--attach goes with inspect: safepoint inspect --attach PORT");
        if (listen != null && !command.equals("repl") && !command.equals("run")) {
            throw new UsageError("--listen goes with the REPL or run: safepoint --listen PORT, or safepoint run FILE --listen PORT");
        }
        if (control && (listen == null || !command.equals("repl"))) {
            throw new UsageError("--control goes with --listen in the REPL: safepoint --listen PORT --control (the paused world it controls is the REPL's)");
        }
        if (inspector && !command.equals("repl")) throw new UsageError("--inspector goes with the REPL: safepoint --inspector");
        if (explore && !command.equals("test")) throw new UsageError("--explore goes with test: safepoint test FILE --explore");
        if (explore && seed != null) throw new UsageError("--explore searches schedules itself: give it --runs N or --strategy dfs, not --seed");
        boolean searching = command.equals("explore") || explore;
        if (strategy != null && seed == null && !searching) {
            throw new UsageError("--strategy needs --seed (controlled mode), explore or test --explore");
        }
        if (depth != null && !"pct".equals(strategy)) throw new UsageError("--depth goes with --strategy pct");
        if ("dfs".equals(strategy) && !searching) throw new UsageError("--strategy dfs goes with explore or test --explore");
        if (runs != null && command.equals("test") && !explore) throw new UsageError("--runs goes with explore or test --explore");
        if (preemptions != null && !"dfs".equals(strategy)) throw new UsageError("--preemptions goes with --strategy dfs");
        if (reduction != null && !"dfs".equals(strategy)) throw new UsageError("--reduction goes with --strategy dfs");
        return new Options(command, operands, expr, processors, seed, timeout, maxSteps, heapBytes, strategy, schedule, scheduleFile, runs, depth,
                preemptions, listen, attach, inspector, control, locks, reduction == null ? "dpor" : reduction, explore);
    }

    /** A TCP port, 1 to 65535. */
    private static int port(String s, String opt) throws UsageError {
        long p = number(s, opt);
        if (p < 1 || p > 65535) throw new UsageError(opt + " needs a port from 1 to 65535, not " + s);
        return (int) p;
    }

    /** A size in bytes: 1000, 64k, 256m, 1g. */
    private static long size(String s) throws UsageError {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        if (t.endsWith("k")) unit = 1L << 10;
        else if (t.endsWith("m")) unit = 1L << 20;
        else if (t.endsWith("g")) unit = 1L << 30;
        if (unit > 1) t = t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(t);
            if (n < 1) throw new UsageError("--heap needs a positive size");
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageError("--heap needs a size like 64m or 1g, not '" + s + "'");
        }
    }

    private static String value(String[] args, int i, String opt) throws UsageError {
        if (i >= args.length) throw new UsageError(opt + " needs a value");
        return args[i];
    }

    private static long number(String s, String opt) throws UsageError {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageError(opt + " needs a whole number, not '" + s + "'");
        }
    }
}
