package safepoint.vm.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16: a long dfs search keeps what backtracking needs, never something per schedule. Each
 * search runs in a JVM of its own whose heap ({@link #HEAP}) is far below what keeping anything
 * per schedule takes: plain dfs's old frontier of pending prefixes filled it after about 1,500
 * of these schedules (measured on the code before the change, which printed "out of memory after
 * about 1534 runs"), where the search here runs {@link #RUNS} in it (3 MB live after a
 * collection). The run cap ends both searches unfinished, so what is asserted is the count of
 * schedules, which only a search that kept going reaches.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SearchMemoryTest {
    static final String HEAP = "-Xmx10m";
    static final int RUNS = 3_000;

    /** Four philosophers, lower fork first (no deadlock), three meals each: many schedules, each short. */
    static final String PHILOSOPHERS = """
            (define n 4)
            (define forks (list->vector (map (lambda (i) (make-mutex i)) '(0 1 2 3))))
            (define (philosopher i)
              (let* ((a (min i (modulo (+ i 1) n))) (b (max i (modulo (+ i 1) n))))
                (lambda ()
                  (let loop ((k 0))
                    (when (< k 3)
                      (mutex-lock! (vector-ref forks a))
                      (mutex-lock! (vector-ref forks b))
                      (trace-write i k)
                      (mutex-unlock! (vector-ref forks b))
                      (mutex-unlock! (vector-ref forks a))
                      (loop (+ k 1)))))))
            (for-each thread-join! (map (lambda (i) (thread-start! (make-thread (philosopher i)))) '(0 1 2 3)))
            """;

    @Test
    void plainDfsRunsALongSearchInASmallHeap() throws Exception {
        assertEquals(List.of(RUNS + " false"), fork("none", 3));
    }

    @Test
    void dporRunsALongSearchInASmallHeap() throws Exception {
        assertEquals(List.of(RUNS + " false"), fork("dpor", 4));
    }

    /** Run {@link #main} in a JVM with the small heap; its lines of output (an error's text when it fails). */
    private static List<String> fork(String reduction, int bound) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), HEAP, "-XX:+UseSerialGC", "-Xss16m", "-cp", System.getProperty("java.class.path"),
                SearchMemoryTest.class.getName(), reduction, String.valueOf(bound), String.valueOf(RUNS))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().toList();
    }

    /**
     * In the small JVM: search {@link #PHILOSOPHERS} on 2 processors; print the schedules and
     * whether it finished, or how many runs it had begun when Java's heap ran out.
     */
    public static void main(String[] args) {
        int bound = Integer.parseInt(args[1]);
        long runs = Long.parseLong(args[2]);
        long[] begun = {0};
        java.util.function.BooleanSupplier count = () -> {
            begun[0]++; // asked before each run
            return false;
        };
        java.util.function.Supplier<ProgramRuns> program = () -> new ProgramRuns(PHILOSOPHERS, "p.ss",
                vm -> vm.configure(vm.settings().withProcessors(2)));
        try {
            DfsSearch.Result r = args[0].equals("dpor")
                    ? DporSearch.search(program.get(), bound, 1_000_000, runs, o -> true, count, w -> {})
                    : DfsSearch.search(program, 1, bound, 1_000_000, runs, o -> true, count);
            System.out.println(r.schedules() + " " + r.complete());
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory after about " + begun[0] + " runs");
        }
    }
}
