package safepoint.repl;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import safepoint.vm.lang.Machine;

/**
 * {@code safepoint explore FILE}: runs the program in controlled mode under seeds 1..N (a fresh VM
 * each run, so every run starts from the same state) and stops at the first failure, an uncaught
 * error in any thread or a proven deadlock, printing its seed and schedule. A run that reaches
 * the step bound is inconclusive, not a failure. Exit: 1 failure found, 0 none, 4 all inconclusive.
 */
final class Explore {
    private Explore() {}

    /**
     * The failing run again, recorded, as columns: one per thread, in the order things happened,
     * with the switch points and the sync operations and marked accesses (Lincheck's layout).
     */
    static String interleaving(Options o, String text, String file, int seed, String strategy, long maxSteps, int depth, long k) {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), seed);
        vm.setProcessors(o.processors());
        vm.setControlled(seed, strategy, maxSteps);
        vm.setPct(depth, k);
        vm.events.setMode(safepoint.vm.lang.Events.Mode.RECORD);
        vm.load(text, file);
        java.util.List<safepoint.vm.lang.Events.Event> events = vm.events.snapshot();
        java.util.List<String> threads = new java.util.ArrayList<>();
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        String running = null;
        int[] current = new int[] {-1};
        for (safepoint.vm.lang.Events.Event e : events) {
            String who = switch (e.kind()) {
                case "switch" -> e.subject();
                case "wait", "wake", "thread-end" -> e.subject();
                default -> e.detail().startsWith("by #<") ? e.detail().replaceFirst("^by (#<[^>]*>).*", "$1") : running;
            };
            if (who == null) continue;
            if (!threads.contains(who)) threads.add(who);
            String cell = switch (e.kind()) {
                case "switch" -> "switch (P" + e.processor() + " takes over)";
                case "mutex-lock", "mutex-unlock", "spinlock-take", "thread-start" -> e.kind() + " " + e.subject();
                case "trace-write", "trace-read" -> e.kind().substring(6) + " " + e.subject() + e.detail().replaceAll("^by \\S+( \\S+)?", "");
                case "wait" -> "waits " + e.detail().replaceFirst("^on for ", "for ").replaceFirst("^on ", "on ");
                default -> e.kind();
            };
            if (e.kind().equals("switch")) running = e.subject();
            rows.add(new String[] {who, cell});
        }
        int width = 34;
        StringBuilder sb = new StringBuilder("interleaving of the failing run (seed " + seed + "):\n");
        for (String t : threads) sb.append(pad("| " + t, width));
        sb.append("|\n");
        String lastCell = null;
        int repeats = 0;
        for (String[] r : rows) {
            String line = r[0] + r[1];
            if (line.equals(lastCell)) {
                repeats++;
                continue;
            }
            if (repeats > 0) sb.append(indent(threads.indexOf(lastCellWho), width)).append(pad("| /* repeats " + repeats + " times */", width)).append('\n');
            repeats = 0;
            lastCell = line;
            lastCellWho = r[0];
            int col = threads.indexOf(r[0]);
            sb.append(indent(col, width)).append(pad("| " + r[1], width)).append('\n');
        }
        return sb.toString();
    }

    private static String lastCellWho;

    /** Processor changes between consecutive choices: the preemptions a schedule makes, at most. */
    static int switches(java.util.List<long[]> choices) {
        int n = 0;
        for (int i = 1; i < choices.size(); i++) if (choices.get(i)[0] != choices.get(i - 1)[0]) n++;
        return n;
    }

    /**
     * Shrink the failing schedule: drop choices one at a time (later ones first) and keep each
     * drop after which the run still fails; past the remaining choices the run goes on without
     * preemption. Bounded to a few hundred replays.
     */
    static String shrink(Options o, String text, String file, int seed, String strategy, long maxSteps, int depth, long k) {
        Machine first = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), seed);
        first.setProcessors(o.processors());
        first.setControlled(seed, strategy, maxSteps);
        first.setPct(depth, k);
        first.load(text, file);
        java.util.List<long[]> best = first.lastChoices();
        int before = switches(best);
        int budget = 300;
        boolean changed = true;
        while (changed && budget > 0) {
            changed = false;
            for (int i = best.size() - 1; i >= 0 && budget > 0; i--) {
                java.util.List<long[]> trial = new java.util.ArrayList<>(best);
                trial.remove(i);
                budget--;
                Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), seed);
                vm.setProcessors(o.processors());
                vm.setControlled(seed, strategy, maxSteps);
                vm.setLenientReplay(trial);
                Machine.Outcome r = vm.load(text, file);
                if (r.status() == Machine.Status.ERROR || r.status() == Machine.Status.DEADLOCK) {
                    java.util.List<long[]> actual = vm.lastChoices();
                    if (switches(actual) <= switches(best)) {
                        best = actual;
                        changed = true;
                        break;
                    }
                }
            }
        }
        Machine check = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), seed);
        String shrunk = check.scheduleString(best, text);
        return "shrunk schedule (" + switches(best) + " processor switches, from " + before + "): " + shrunk
                + "\nreplay it: ./safepoint replay " + file + " -p " + o.processors() + " --schedule " + shrunk + "\n";
    }

    private static String indent(int col, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < col; i++) sb.append(pad("|", width));
        return sb.toString();
    }

    private static String pad(String s, int width) {
        if (s.length() >= width) return s.substring(0, width - 1) + " ";
        return s + " ".repeat(width - s.length());
    }

    static int run(Options o, Writer out, Writer err) throws IOException {
        String file = o.operands().get(0);
        String text = Main.readProgram(file, err);
        if (text == null) return 2;
        int runs = o.runs() == null ? 1000 : o.runs();
        String strategy = o.strategy() == null ? "random" : o.strategy();
        long maxSteps = o.maxSteps() == null ? 1_000_000L : o.maxSteps();
        // Both cores: workers take seeds in order; the failure reported is the one with the lowest
        // run index, whichever worker found it, so the answer does not depend on timing.
        int workers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.atomic.AtomicInteger nextSeed = new java.util.concurrent.atomic.AtomicInteger(1);
        java.util.concurrent.atomic.AtomicInteger firstFailure = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
        java.util.concurrent.atomic.AtomicInteger inconclusiveCount = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ConcurrentHashMap<Integer, String> reports = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<Integer> plain = java.util.concurrent.ConcurrentHashMap.newKeySet();
        long t0 = System.nanoTime();
        int depth = o.depth() == null ? 3 : o.depth();
        long k = 1000;
        if (strategy.equals("pct")) {
            // Estimate k, the sync points of a run, from one run of the program.
            Machine probe = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
            probe.setProcessors(o.processors());
            probe.setControlled(0, "pct", maxSteps);
            probe.setPct(depth, 1000);
            probe.load(text, file);
            k = Math.max(1, probe.lastSyncPoints);
            out.write(Machine.pctBound(Math.max(2, o.processors()), k, depth) + " (k = " + k + " sync points, measured)\n");
        }
        long kk = k;
        Runnable work = () -> {
            for (;;) {
                int i = nextSeed.getAndIncrement();
                if (i > runs || i > firstFailure.get()) return;
                StringWriter programOut = new StringWriter();
                Machine vm = new Machine(programOut, new StringWriter(), new StringReader(""), i);
                vm.setProcessors(o.processors());
                vm.setControlled(i, strategy, maxSteps);
                vm.setPct(depth, kk);
                if (o.timeoutSecs() != null) vm.deadline = t0 + (long) (o.timeoutSecs() * 1e9);
                Machine.Outcome r = vm.load(text, file);
                switch (r.status()) {
                    case ERROR, DEADLOCK -> {
                        if (vm.failedBeforeAnyChoice(r)) {
                            plain.add(i);
                            reports.put(i, r.errorText() + "\n");
                        } else {
                            reports.put(i, "failure found on run " + i + " of " + runs + " (seed " + i + ", strategy " + strategy + ", -p "
                                    + o.processors() + ")\n" + r.errorText() + "\nschedule: " + vm.lastScheduleString(text)
                                    + "\nreplay: ./safepoint replay " + file + " -p " + o.processors() + " --seed " + i + "\n");
                        }
                        firstFailure.accumulateAndGet(i, Math::min);
                    }
                    case TIMEOUT -> inconclusiveCount.incrementAndGet();
                    default -> { }
                }
            }
        };
        Thread[] pool = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            pool[w] = new Thread(work, "explore-" + w);
            pool[w].start();
        }
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (firstFailure.get() != Integer.MAX_VALUE) {
            int seed = firstFailure.get();
            if (plain.contains(seed)) {
                out.write(reports.get(seed));
                out.write(Main.PLAIN_FAILURE + "\n");
                out.flush();
                return 5;
            }
            out.write(reports.get(seed));
            out.write(interleaving(o, text, file, seed, strategy, maxSteps, depth, kk));
            out.write(shrink(o, text, file, seed, strategy, maxSteps, depth, kk));
            out.flush();
            return 1;
        }
        int inconclusive = inconclusiveCount.get();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (inconclusive == runs) {
            out.write("all " + runs + " runs were inconclusive (step bound reached)\n");
            out.flush();
            return 4;
        }
        out.write(String.format(java.util.Locale.ROOT, "no failure in %d schedules (%d inconclusive), %.1f schedules/s%n", runs,
                inconclusive, runs / secs));
        out.flush();
        return 0;
    }
}
