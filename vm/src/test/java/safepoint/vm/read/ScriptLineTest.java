package safepoint.vm.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import safepoint.vm.VmFixture;

/** gsi's loader skips a first line starting with #! (a script's interpreter line), as Gerbil's test files have. */
class ScriptLineTest {
    @Test
    void aFirstScriptLineIsSkippedAndTheLinesAfterItKeepTheirNumbers() {
        VmFixture f = new VmFixture();
        assertEquals("7", f.run("#!/usr/bin/env gxi\n(display 7)\n"));
        assertEquals("8", new VmFixture().run("#! /bin/gxi -q\n(display 8)"));
        String e = new VmFixture().error("#!/usr/bin/env gxi\n\n(car 1)\n");
        assertTrue(e.contains("@3.1"), e);
    }

    @Test
    void onlyTheFirstLineIsAScriptLineAndSpecialsStillRead() {
        String e = new VmFixture().error("(display 1)\n#!/usr/bin/env gxi\n");
        assertTrue(e.contains("Invalid '#!' name: \"/usr/bin/env\""), e);
        assertEquals("#!eof", new VmFixture().eval("(quote #!eof)"));
    }
}
