package safepoint.repl;

import safepoint.vm.run.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.Machine;

/** What Tab offers, by where the cursor is. */
class SchemeCompleterTest {
    final Machine vm = new Machine(Writer.nullWriter(), Writer.nullWriter(), Reader.nullReader(), 0);
    final SchemeCompleter c = new SchemeCompleter(vm);

    @Test
    void globalsSpecialFormsAndKeywordsInCode() {
        assertEquals(Outcome.Status.VALUE, vm.load("(define my-own-function 1)", "(console)").status());
        List<String> got = c.candidates("(my-ow", 6);
        assertTrue(got.contains("my-own-function"), "a global defined a moment ago");
        assertTrue(got.contains("string-append"), "a primitive");
        assertTrue(got.contains("lambda") && got.contains("defstruct"), "special forms and macros");
        vm.readAll("(f transparent-ish: 1)", "(console)");
        assertTrue(got.size() > 0 && c.candidates("(f tr", 5).contains("transparent-ish:"), "a keyword the reader has seen");
        assertFalse(got.stream().anyMatch(n -> n.startsWith("##")), "Gambit's internal names are not offered");
    }

    @Test
    void moduleNamesAfterImport() {
        List<String> got = c.candidates("(import :std/so", 15);
        assertTrue(got.contains(":std/sort") && got.contains(":std/misc/list"), got.toString());
        assertFalse(c.candidates("(list :std/so", 13).contains(":std/sort"), "only in an import");
    }

    @Test
    void commandsAtTheStartAndThreadNamesAfterWhy() {
        assertEquals(SchemeCompleter.COMMANDS, c.candidates(",th", 3));
        assertEquals(Outcome.Status.VALUE, vm.load("(define t (make-thread (lambda () 1) 'worker))", "(console)").status());
        assertEquals(Outcome.Status.VALUE, vm.load("(thread-start! t)", "(console)").status());
        List<String> names = c.candidates(",why ", 5);
        assertTrue(names.contains("primordial"), names.toString());
    }
}
