package safepoint.vm.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Serials;

/** Bars on symbols that would read as numbers, keywords or syntax: every line was printed by gsi 4.9.3. */
class SymbolGoldenTest {
    @Test
    void matchesEveryLineGsiPrinted() throws IOException {
        InputStream in = getClass().getResourceAsStream("/print/symbols-gsi.txt");
        assertNotNull(in, "golden file");
        Serials vm = new Serials();
        int checked = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(";")) continue;
                int tab = line.indexOf('\t');
                String name = line.substring(0, tab);
                assertEquals(line.substring(tab + 1), Printer.write(Symbol.of(name), vm), name);
                checked++;
            }
        }
        assertTrue(checked >= 4000, "golden lines: " + checked);
    }
}
