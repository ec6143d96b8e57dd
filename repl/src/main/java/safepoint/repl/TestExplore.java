package safepoint.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import safepoint.vm.Machine;
import safepoint.vm.data.MString;
import safepoint.vm.data.Pair;
import safepoint.vm.run.Outcome;

/**
 * {@code safepoint test FILE --explore}: a test file whose cases are concurrency tests, each case
 * searched as {@code explore} searches a program (random, pct or dfs, with --runs and
 * --preemptions). A first run lists the exported suites' cases without running them
 * ({@code %list-test-cases} in :std/test, its value read as data); then each case becomes a program
 * of its own (setup, the suite with only that case, cleanup; a failed check raises its words),
 * written to the system temp dir so the failure's replay line names a file that replays it, and
 * {@link Explore#search} prints its proof, count or failing schedule. The file passes when every
 * case's search passed.
 */
final class TestExplore {
    private TestExplore() {}

    /** The closing line's note: how each case was searched. */
    static String searched(Options o) {
        String strategy = o.strategy() == null ? "random" : o.strategy();
        String bound = strategy.equals("dfs") ? "at most " + Explore.preemptions(o.preemptions() == null ? 2 : o.preemptions()) + ", reduction " + o.reduction()
                : (o.runs() == null ? 1000 : o.runs()) + " runs";
        return "each test case explored: " + strategy + ", " + bound + ", " + o.processors() + " processors";
    }

    /** One case: its suite's name, its place in the suite (from 0), its description. */
    private record Case(String suite, long index, String desc) {}

    static int runFile(Options o, Path file, BufferedReader in, Writer out, Writer err) throws IOException {
        String text = TestCommand.read(file, err);
        if (text == null) return 2;
        Machine vm = Main.machine(o, in, out, err);
        List<String> exported = TestCommand.exported(vm, text, file);
        Outcome listing = vm.load(TestCommand.imports(file) + "(%list-test-cases " + TestCommand.suites(exported) + ")\n",
                "(safepoint test " + file + ")");
        vm.flush();
        if (listing.status() != Outcome.Status.VALUE) {
            Main.report(listing, err); // the file does not load: nothing to search
            return 1;
        }
        List<Case> cases = cases(listing.value());
        if (cases.isEmpty()) {
            out.write("no test cases to explore (the file exports no suite with a test-case)\nFAILURE\n");
            return 1;
        }
        int failed = 0;
        for (Case c : cases) {
            out.write("Test case: " + c.desc() + " (" + c.suite() + ")\n");
            out.flush();
            String program = TestCommand.imports(file) + "(%explore-test-case! " + TestCommand.hooks(exported) + " " + c.suite() + " "
                    + c.index() + ")\n";
            Path written = caseFile(file, c, program, err);
            if (written == null) return 2;
            if (Explore.search(o, program, written.toString(), out) != 0) failed++;
        }
        out.write(failed == 0 ? "... every case passed its search\nOK\n"
                : "... " + failed + " of " + cases.size() + " cases failed or were not proven\nFAILURE\n");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** (name index desc) lists, as %list-test-cases gives them. */
    private static List<Case> cases(Object list) {
        List<Case> cases = new ArrayList<>();
        for (Object x = list; x instanceof Pair p; x = p.cdr) {
            List<Object> c = new ArrayList<>();
            for (Object y = p.car; y instanceof Pair q; y = q.cdr) c.add(q.car);
            cases.add(new Case(c.get(0).toString(), (Long) c.get(1), c.get(2) instanceof MString m ? m.toString() : String.valueOf(c.get(2))));
        }
        return cases;
    }

    /** The case's program, in the temp dir under a name made of the file, the suite and the case. */
    private static Path caseFile(Path file, Case c, String program, Writer err) throws IOException {
        String stem = file.getFileName().toString().replaceAll("\\.ss$", "");
        String name = ("safepoint-" + stem + "-" + c.suite() + "-" + c.index()).replaceAll("[^A-Za-z0-9._-]", "_"); // a name, never a path
        Path p = Path.of(System.getProperty("java.io.tmpdir"), name + ".ss");
        try {
            Files.writeString(p, program, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            err.write("safepoint test: cannot write the test case's program to " + p + ": " + e.getMessage() + "\n");
            return null;
        }
    }
}
