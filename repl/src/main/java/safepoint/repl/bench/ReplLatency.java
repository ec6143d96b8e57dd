package safepoint.repl.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./safepoint bench repl}: what a person at the prompt waits for, measured in a real
 * pseudo-terminal (a tmux session of its own): the time from starting the process to its first
 * prompt, and the time from a key sent to its echo on the screen while four processors run busy
 * Scheme threads. The screen is read by polling tmux, so each figure includes up to a millisecond
 * or two of that; the bars are the (0.5 s, 50 ms), reported, never asserted.
 */
public final class ReplLatency {
    private ReplLatency() {}

    private static final String SERVER = "safepoint-bench-repl";

    public static int run(Writer out) throws IOException {
        PrintWriter w = new PrintWriter(out, true);
        if (!tmuxWorks()) {
            w.println("bench repl needs tmux (a pseudo-terminal to type into): apt-get install tmux");
            return 1;
        }
        try {
            startToPrompt(); // the launcher's first interactive start after a build makes its class-data archive
            List<Double> starts = new ArrayList<>();
            for (int i = 0; i < 5; i++) starts.add(startToPrompt());
            w.println(String.format(Locale.ROOT, "start to first prompt: median %.0f ms, best %.0f ms (5 starts; bar 500 ms)",
                    Stats.median(starts.stream().mapToDouble(Double::doubleValue).toArray()), starts.stream().mapToDouble(Double::doubleValue).min().orElse(0)));
            List<Double> echoes = echoWhileBusy(30);
            w.println(String.format(Locale.ROOT, "key to echo, 4 processors busy: median %.1f ms, worst %.1f ms (%d keys; bar 50 ms)",
                    Stats.median(echoes.stream().mapToDouble(Double::doubleValue).toArray()), echoes.stream().mapToDouble(Double::doubleValue).max().orElse(0), echoes.size()));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            w.println("bench repl interrupted");
            return 1;
        } finally {
            tmux("kill-server");
        }
    }

    /**
     * The command line a person runs: the {@code safepoint} launcher beside the jar's module when
     * this runs from it (with its class-data archive), else this JVM and classpath; a throwaway
     * history file either way.
     */
    private static String safepoint() throws IOException {
        Path history = Files.createTempFile("safepoint-bench-history", "");
        Path jar = Path.of(System.getProperty("java.class.path")).toAbsolutePath();
        Path launcher = jar.getParent() == null || jar.getParent().getParent() == null ? null
                : jar.getParent().getParent().getParent().resolve("safepoint");
        if (launcher != null && Files.isExecutable(launcher)) return "SAFEPOINT_HISTORY=" + history + " " + launcher;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "SAFEPOINT_HISTORY=" + history + " " + java + " -XX:+UseParallelGC -Xss64m -cp " + System.getProperty("java.class.path")
                + " safepoint.repl.Main";
    }

    private static double startToPrompt() throws IOException, InterruptedException {
        tmux("kill-server");
        String cmd = safepoint();
        long t0 = System.nanoTime();
        tmux("new-session", "-d", "-s", "b", "-x", "100", "-y", "30", cmd);
        waitFor(s -> lastLine(s).equals(">"), 20_000);
        double ms = (System.nanoTime() - t0) / 1e6;
        tmux("kill-server");
        return ms;
    }

    private static List<Double> echoWhileBusy(int keys) throws IOException, InterruptedException {
        tmux("kill-server");
        tmux("new-session", "-d", "-s", "b", "-x", "100", "-y", "30", safepoint());
        waitFor(s -> lastLine(s).equals(">"), 20_000);
        send("(define (spin n) (spin (+ n 1)))", "Enter");
        send("(define ts (map (lambda (i) (thread-start! (make-thread (lambda () (spin 0))))) '(1 2 3 4)))", "Enter");
        waitFor(s -> s.contains("'(1 2 3 4)))\n>"), 20_000);
        Thread.sleep(1000); // the four spinners are on their processors
        List<Double> out = new ArrayList<>();
        StringBuilder typed = new StringBuilder("> ");
        for (int i = 0; i < keys; i++) {
            String key = String.valueOf((char) ('a' + i % 26));
            typed.append(key);
            String expect = typed.toString();
            long t0 = System.nanoTime();
            send(key);
            waitFor(s -> lastLine(s).equals(expect), 5_000);
            out.add((System.nanoTime() - t0) / 1e6);
            Thread.sleep(20);
        }
        return out;
    }

    private interface Screen {
        boolean shows(String screen);
    }

    private static void waitFor(Screen cond, long ms) throws IOException, InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) {
            if (cond.shows(tmux("capture-pane", "-p", "-t", "b"))) return;
            Thread.sleep(1);
        }
        throw new IOException("the REPL's screen never showed what the benchmark waited for:\n" + tmux("capture-pane", "-p", "-t", "b"));
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
    }

    private static void send(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "b"));
        args.addAll(List.of(keys));
        tmux(args.toArray(new String[0]));
    }

    private static boolean tmuxWorks() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String tmux(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", SERVER));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
