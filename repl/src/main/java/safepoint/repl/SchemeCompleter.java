package safepoint.repl;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import safepoint.vm.Machine;
import safepoint.vm.data.Keyword;
import safepoint.vm.observe.ThreadView;

/**
 * Tab completion: comma commands at the start of a line, thread names after {@code ,why}, module
 * names after {@code (import :}, else the globals, special forms and macros, and keywords. Asks the
 * machine each time, so a definition typed a moment ago completes.
 */
final class SchemeCompleter implements Completer {
    static final List<String> COMMANDS = Commands.names();
    private static final Pattern WHY = Pattern.compile("\\s*,why\\s+\\S*");
    /** Inside an import form, before the word: {@code (import :std/sort :st}. */
    private static final Pattern IN_IMPORT = Pattern.compile("(?s).*\\(import(\\s+[^()\\s]+)*\\s+");

    private final Machine vm;

    SchemeCompleter(Machine vm) {
        this.vm = vm;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        for (String c : candidates(line.line(), line.cursor())) out.add(new Candidate(c, c, null, null, null, null, !c.endsWith("/")));
    }

    /** What may complete the word at {@code cursor} of {@code line} (JLine keeps those that start with it). */
    List<String> candidates(String line, int cursor) {
        SchemeParser.Words w = SchemeParser.words(line, cursor);
        String before = line.substring(0, cursor);
        if (SchemeParser.command(line)) {
            if (w.wordIndex() == 0) return COMMANDS;
            if (w.wordIndex() == 1 && WHY.matcher(before).matches()) return threadNames();
            return List.of();
        }
        String word = w.word().substring(0, w.wordCursor());
        if (word.startsWith(":") && IN_IMPORT.matcher(before.substring(0, before.length() - word.length())).matches()) {
            return moduleNames();
        }
        TreeSet<String> names = new TreeSet<>(vm.globalNames());
        names.addAll(vm.syntaxNames());
        names.removeIf(n -> n.startsWith("##")); // Gambit's internal names
        for (String k : Keyword.names()) names.add(k + ":");
        return new ArrayList<>(names);
    }

    /** The threads' names as ,why takes them: {@code worker}, or the number of an unnamed thread. */
    List<String> threadNames() {
        List<String> names = new ArrayList<>();
        for (ThreadView t : vm.look().threads()) {
            String n = t.thread().name();
            if (n.startsWith("#<thread") && n.endsWith(">")) n = n.substring(8, n.length() - 1).trim();
            if (n.isEmpty() || n.contains(" ")) n = Long.toString(t.thread().id());
            if (!names.contains(n)) names.add(n);
        }
        return names;
    }

    /** The built-in modules ({@code :std/sort}) and those loaded by name, each with its colon. */
    List<String> moduleNames() {
        TreeSet<String> names = new TreeSet<>();
        for (String id : vm.modules.keySet()) if (!id.startsWith("/")) names.add(":" + id);
        names.addAll(BUILT_IN);
        return new ArrayList<>(names);
    }

    /** The {@code .ss} files under the VM's {@code std} resources, as module names. */
    private static final List<String> BUILT_IN = builtIn();

    private static List<String> builtIn() {
        URL url = Machine.class.getResource("/safepoint/vm/std");
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return list(fs.getPath("/safepoint/vm/std"));
                }
            }
            return list(Path.of(uri));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of(); // no listing: module names just do not complete
        }
    }

    private static List<String> list(Path std) throws IOException {
        try (Stream<Path> files = Files.walk(std)) {
            return files.filter(p -> p.toString().endsWith(".ss")).map(p -> {
                String rel = std.relativize(p).toString().replace('\\', '/');
                return ":std/" + rel.substring(0, rel.length() - 3);
            }).sorted().toList();
        }
    }
}
