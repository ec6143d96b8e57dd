package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Primitive;

/**
 * Every registered name is unique, simple, and accepts exactly the argument counts gsi 4.9.3
 * accepts (gsi-arities.txt, probed from gsi), apart from the listed, deliberate differences.
 */
class RegistryTest {
    /** Names whose arity differs from gsi on purpose, with why. */
    static final Map<String, String> DIFFERENCES = Map.of(
            "member", "3-argument form calls Scheme: the interpreter's",
            "assoc", "3-argument form calls Scheme: the interpreter's",
            "current-output-port", "setting form belongs to the interpreter's parameter object",
            "current-input-port", "setting form belongs to the interpreter's parameter object",
            "current-error-port", "setting form belongs to the interpreter's parameter object",
            "make-table", "keyword/value pairs: odd counts are rejected by the body",
            "list->table", "keyword/value pairs: even counts are rejected by the body",
            "void", "Gerbil's void takes any arguments (gerbil/runtime/special-objects.md)");

    /** R7RS procedures gsi 4.9.3 lacks at top level but Safepoint provides. */
    static final Set<String> NOT_IN_GSI = Set.of("char-foldcase", "digit-value", "string-upcase", "string-downcase", "string-foldcase", "peek-u8");

    @Test
    void namesAreUniqueAndSimple() {
        Registry r = Registry.all();
        assertEquals(List.of(), r.duplicates);
        for (Primitive p : r.byName.values()) assertTrue(p.simple, p.name);
    }

    @Test
    void aritiesMatchGsi() throws IOException {
        Map<String, String> gsi = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RegistryTest.class.getResourceAsStream("gsi-arities.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                int sp = line.indexOf(' ');
                gsi.put(line.substring(0, sp), line.substring(sp + 1).trim());
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Primitive> e : Registry.all().byName.entrySet()) {
            String name = e.getKey();
            String expected = gsi.get(name);
            if (expected == null) {
                wrong.add(name + ": not probed in gsi");
            } else if (expected.equals("UNBOUND")) {
                if (!NOT_IN_GSI.contains(name)) wrong.add(name + ": unbound in gsi");
            } else if (!DIFFERENCES.containsKey(name) && !expected.equals(accepted(e.getValue()))) {
                wrong.add(name + ": gsi " + expected + ", ours " + accepted(e.getValue()));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The counts 0..7 that p accepts, in the resource's format. */
    private static String accepted(Primitive p) {
        StringBuilder b = new StringBuilder();
        for (int n = 0; n <= 7; n++) {
            if (p.accepts(n)) b.append(b.length() > 0 ? " " : "").append(n);
        }
        return b.toString();
    }
}
