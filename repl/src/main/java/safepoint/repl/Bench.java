package safepoint.repl;

import java.io.Writer;

/** {@code safepoint bench}: STUB until the benchmark work item lands. */
final class Bench {
    private Bench() {}

    static int main(Options o, Writer out) {
        System.err.println("safepoint: the benchmark suite is not built yet");
        return 2;
    }
}
