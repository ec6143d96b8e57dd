package safepoint.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/**
 * A suite's cases as data: a resource under {@code /cases/} that a small runner checks step by
 * step, naming each failing step by its line. The format:
 * <pre>
 * ; a comment (at column 0), and blank lines, are skipped
 * == name         a section: the steps below it, in order, against fresh state
 * input           a step's input (any other line at column 0)
 * => text         what the input just above must give
 * !! text         the input above must fail with an error whose text contains this (or any error: !! alone)
 * ~~ regex        what the input above gives must match this regular expression
 * </pre>
 * A line indented by four spaces continues the input or expectation above it (after a newline).
 * An input with no expectation below it is setup: it must still succeed. A suite's file is
 * {@code /cases/<its class's simple name>.cases}; {@link OfTestClass} hands its sections to a
 * {@code @ParameterizedTest}.
 */
public final class CaseFile {
    /** How a step's result is judged. */
    public enum Expect { NONE, VALUE, ERROR_CONTAINS, MATCHES }

    /** One input and what it must give; {@code line} is the input's line in the file. */
    public record Step(String file, int line, String input, Expect expect, String expected) {
        /** Where the step stands, for assertion messages. */
        public String where() {
            return file + ":" + line + ": " + input;
        }
    }

    /** A named run of steps against one fresh state. */
    public record Section(String file, int line, String name, List<Step> steps) {
        @Override
        public String toString() {
            return name + " (" + file + ":" + line + ")";
        }
    }

    private CaseFile() {}

    /** The sections of the running test class's own file, as the arguments of a parameterized test. */
    public static final class OfTestClass implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            return sections(context.getRequiredTestClass().getSimpleName() + ".cases").stream().map(Arguments::of);
        }
    }

    /** The sections of {@code /cases/<name>}. */
    public static List<Section> sections(String name) {
        List<Section> sections = new ArrayList<>();
        String[] lines = read(name).split("\n", -1);
        String sectionName = null;
        int sectionLine = 0;
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.startsWith(";")) continue;
            if (l.startsWith("    ")) throw new IllegalStateException(name + ":" + (i + 1) + ": a continuation with nothing above it");
            if (l.startsWith("== ")) {
                if (sectionName != null) sections.add(new Section(name, sectionLine, sectionName, List.copyOf(steps)));
                sectionName = l.substring(3).trim();
                sectionLine = i + 1;
                steps.clear();
                continue;
            }
            if (sectionName == null) throw new IllegalStateException(name + ":" + (i + 1) + ": a step before the first section");
            int start = i;
            StringBuilder input = new StringBuilder(l);
            i = continuation(lines, i, input);
            Expect expect = Expect.NONE;
            StringBuilder expected = new StringBuilder();
            if (i + 1 < lines.length) {
                expect = marker(lines[i + 1]);
                if (expect != Expect.NONE) {
                    i++;
                    expected.append(lines[i].substring(Math.min(3, lines[i].length())));
                    i = continuation(lines, i, expected);
                }
            }
            steps.add(new Step(name, start + 1, input.toString(), expect, expected.toString()));
        }
        if (sectionName != null) sections.add(new Section(name, sectionLine, sectionName, List.copyOf(steps)));
        for (Section s : sections) if (s.steps().isEmpty()) throw new IllegalStateException(s + " has no steps");
        if (sections.isEmpty()) throw new IllegalStateException(name + " has no sections");
        return sections;
    }

    /** Every step of every section of {@code /cases/<name>}, for suites whose steps share no state. */
    public static List<Step> steps(String name) {
        return sections(name).stream().flatMap(s -> s.steps().stream()).toList();
    }

    private static Expect marker(String l) {
        if (l.equals("=>") || l.startsWith("=> ")) return Expect.VALUE;
        if (l.equals("!!") || l.startsWith("!! ")) return Expect.ERROR_CONTAINS;
        if (l.startsWith("~~ ")) return Expect.MATCHES;
        return Expect.NONE;
    }

    /** Appends the four-space-indented lines after {@code i}; returns the last one's index. */
    private static int continuation(String[] lines, int i, StringBuilder b) {
        while (i + 1 < lines.length && lines[i + 1].startsWith("    ")) {
            i++;
            b.append('\n').append(lines[i].substring(4));
        }
        return i;
    }

    private static String read(String name) {
        try (InputStream in = CaseFile.class.getResourceAsStream("/cases/" + name)) {
            if (in == null) throw new IllegalStateException("no resource /cases/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
