package safepoint.vm.golden;

import safepoint.vm.run.Outcome;
import safepoint.vm.Machine;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden programs: {@code golden/NAME.ss} with the expected terminal output in
 * {@code NAME.out} (stdout, then the error message if the program stops on one, exactly as gsi
 * shows both on a terminal). The first line of each program names its oracle:
 * {@code ;; oracle: gsi} (recorded from gsi 4.9.3 and re-checked by the differential test),
 * {@code ;; oracle: csi} (Chicken, for portable R7RS code gsi lacks), or
 * {@code ;; oracle: r7rs SECTION} (written from the standard), or
 * {@code ;; oracle: gerbil-doc cons.io/PAGE} (Gerbil behaviour, written from that documentation page,
 * since no gxi can be installed here).
 */
final class Golden {
    private Golden() {}

    static final Path DIR = Path.of("src/test/resources/golden");

    static List<Path> programs() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".ss")).sorted().toList();
        }
    }

    static String expected(Path program) throws IOException {
        return Files.readString(outFile(program), StandardCharsets.UTF_8);
    }

    static Path outFile(Path program) {
        String n = program.getFileName().toString();
        return program.resolveSibling(n.substring(0, n.length() - 3) + ".out");
    }

    static String oracle(Path program) throws IOException {
        String first = Files.readAllLines(program, StandardCharsets.UTF_8).get(0);
        String tag = ";; oracle:";
        return first.startsWith(tag) ? first.substring(tag.length()).trim() : "";
    }

    /** Run a program through Safepoint as {@code safepoint run NAME.ss} would, stdout then error. */
    static String runSafepoint(Path program) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Machine vm = new Machine(out, err, new StringReader(""), 0);
        vm.deadline = System.nanoTime() + 60_000_000_000L;
        String text = Files.readString(program, StandardCharsets.UTF_8);
        Outcome o = vm.load(text, program.getFileName().toString());
        StringBuilder sb = new StringBuilder(out.toString());
        if (o.status() == Outcome.Status.ERROR || o.status() == Outcome.Status.TIMEOUT) {
            sb.append(o.errorText()).append('\n');
        }
        return sb.toString();
    }
}
