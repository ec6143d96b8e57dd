package safepoint.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import safepoint.vm.Machine;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Symbol;
import safepoint.vm.run.Outcome;

/**
 * {@code safepoint test [FILE|DIR|DIR/...]}: gxtest's way of testing (Gerbil's
 * doc/reference/dev/test.md). Each {@code *-test.ss} file (of the current folder by default, of
 * DIR, or under DIR with {@code /...}) runs in a machine of its own, as {@code safepoint run}
 * would run it: its exported {@code test-setup!}, then each suite it exports under a name ending
 * in {@code -test}, then {@code test-cleanup!}, then its verdict (OK or FAILURE). A file that runs
 * its own suites and exits just runs. With {@code --seed S} (and {@code -p N}) every file runs in controlled mode, so a
 * test of concurrent code is reproducible. A closing line counts the files that passed; exit 0
 * when all did, 1 when any failed, 2 when there was nothing to run.
 */
final class TestCommand {
    private TestCommand() {}

    static int run(Options o, BufferedReader in, Writer out, Writer err) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String operand : o.operands()) {
            boolean recursive = operand.equals("...") || operand.endsWith("/...");
            Path p = Path.of(recursive ? (operand.equals("...") ? "." : operand.substring(0, operand.length() - 4)) : operand);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = recursive ? Files.walk(p) : Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith("-test.ss") && Files.isRegularFile(f)).sorted().forEach(files::add);
                } catch (UncheckedIOException e) {
                    err.write("safepoint test: cannot read the folder " + p + "\n");
                }
            } else if (Files.isRegularFile(p) && !recursive) {
                files.add(p);
            } else {
                err.write("safepoint test: no such file or folder: " + p + "\n");
            }
        }
        err.flush();
        if (files.isEmpty()) {
            err.write("safepoint test: no test files to run (a folder is searched for *-test.ss)\n");
            err.flush();
            return 2;
        }
        List<String> failed = new ArrayList<>();
        for (Path f : files) {
            out.write("=== " + f + "\n");
            out.flush();
            if ((o.explore() ? TestExplore.runFile(o, f, in, out, err) : runFile(o, f, in, out, err)) != 0) failed.add(f.toString());
        }
        out.write("--- " + files.size() + " test file" + (files.size() == 1 ? "" : "s") + ": " + (files.size() - failed.size()) + " passed"
                + (failed.isEmpty() ? "" : ", " + failed.size() + " failed: " + String.join(", ", failed))
                + (o.seed() != null ? " (controlled mode, seed " + o.seed() + ", " + o.processors() + " processors)" : "")
                + (o.explore() ? " (" + TestExplore.searched(o) + ")" : "") + "\n");
        out.flush();
        return failed.isEmpty() ? 0 : 1;
    }

    /** One file in a machine of its own: its exported suites run, then the summary; its exit status. */
    private static int runFile(Options o, Path file, BufferedReader in, Writer out, Writer err) throws IOException {
        String text = read(file, err);
        if (text == null) return 2;
        Machine vm = Main.machine(o, in, out, err);
        List<String> exported = exported(vm, text, file);
        String driver = imports(file) + "(%run-test-file! " + hooks(exported) + " " + suites(exported) + ")\n";
        Outcome r = vm.load(driver, "(safepoint test " + file + ")");
        if (r.status() == Outcome.Status.EXIT) return r.exitCode();
        Main.report(r, err); // no exit: the file failed before its summary (a load error, a deadlock)
        return 1;
    }

    /** The file's text, or null when it cannot be read (said on err). */
    static String read(Path file, Writer err) throws IOException {
        try {
            return ProgramText.read(file);
        } catch (NoSuchFileException e) {
            err.write("safepoint test: no such file: " + file + "\n");
        } catch (IOException e) {
            err.write("safepoint test: cannot read " + file + ": " + e.getMessage() + "\n");
        }
        return null;
    }

    /** The file's suites and hooks, read by vm's reader (none when it does not read: the load reports the reader's error). */
    static List<String> exported(Machine vm, String text, Path file) {
        try {
            return exported(vm.readAll(text, file.toString()));
        } catch (SchemeError e) {
            return List.of();
        }
    }

    /** A driver's first line: :std/test and the test file, by its absolute path. */
    static String imports(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        return "(import :std/test \"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\")\n";
    }

    /** The file's test-setup! and test-cleanup!, each #f when it exports none. */
    static String hooks(List<String> exported) {
        return (exported.contains("test-setup!") ? "test-setup!" : "#f") + " " + (exported.contains("test-cleanup!") ? "test-cleanup!" : "#f");
    }

    /** The exported suites as a Scheme list of (name . suite). */
    static String suites(List<String> exported) {
        StringBuilder b = new StringBuilder("(list");
        for (String s : exported) if (s.endsWith("-test")) b.append(" (cons \"").append(s).append("\" ").append(s).append(')');
        return b.append(')').toString();
    }

    /**
     * What gxtest looks for in a test file's exports: its suites (names ending in {@code -test}),
     * {@code test-setup!} and {@code test-cleanup!}; from its {@code (export ...)} forms, or, with
     * {@code (export #t)}, from its definitions.
     */
    static List<String> exported(List<Object> forms) {
        Set<String> names = new LinkedHashSet<>();
        boolean all = false;
        for (Object f : forms) {
            if (!(f instanceof Pair p) || !(p.car instanceof Symbol head) || !head.name.equals("export")) continue;
            for (Object x = p.cdr; x instanceof Pair q; x = q.cdr) {
                if (q.car instanceof Symbol s && wanted(s.name)) names.add(s.name);
                if (q.car == Boolean.TRUE) all = true;
            }
        }
        if (all) {
            for (Object f : forms) {
                if (f instanceof Pair p && p.car instanceof Symbol head && (head.name.equals("def") || head.name.equals("define"))
                        && p.cdr instanceof Pair q) {
                    Object target = q.car instanceof Pair fp ? fp.car : q.car; // (def (test-setup!) ...)
                    if (target instanceof Symbol s && wanted(s.name)) names.add(s.name);
                }
            }
        }
        return List.copyOf(names);
    }

    private static boolean wanted(String name) {
        return name.endsWith("-test") || name.equals("test-setup!") || name.equals("test-cleanup!");
    }
}
