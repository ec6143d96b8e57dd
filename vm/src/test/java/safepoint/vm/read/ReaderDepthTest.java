package safepoint.vm.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SVector;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;
import org.junit.jupiter.api.Assertions;

/** Nesting costs heap, not Java stack: deep data reads without StackOverflowError. */
class ReaderDepthTest {
    static final int DEPTH = 100_000;

    static Reader reader(String text) {
        return new Reader(InputPort.ofString(text), "deep.scm", new SourceMap());
    }

    @Test
    void hundredThousandNestedLists() {
        String text = "(".repeat(DEPTH) + ")".repeat(DEPTH);
        Reader r = reader(text);
        Object x = r.read();
        int depth = 0;
        while (x instanceof Pair p) {
            assertSame(Nil.NIL, p.cdr);
            x = p.car;
            depth++;
        }
        assertSame(Nil.NIL, x);
        assertEquals(DEPTH - 1, depth);   // the innermost () is the empty list, not a pair
        assertSame(Special.EOF, r.read());
    }

    @Test
    void hundredThousandNestedListsWithAtoms() {
        String text = "(a ".repeat(DEPTH) + ")".repeat(DEPTH);
        Object x = reader(text).read();
        int depth = 0;
        while (x instanceof Pair p) {          // each level is (a <next level>), the last is (a)
            assertSame(Symbol.of("a"), p.car);
            depth++;
            if (p.cdr == Nil.NIL) break;
            Pair rest = (Pair) p.cdr;
            assertSame(Nil.NIL, rest.cdr);
            x = rest.car;
        }
        assertEquals(DEPTH, depth);
    }

    @Test
    void deepVectorsAndQuotes() {
        Object v = reader("#(".repeat(DEPTH) + ")".repeat(DEPTH)).read();
        int depth = 0;
        while (v instanceof SVector s && s.items.length == 1) {
            v = s.items[0];
            depth++;
        }
        assertEquals(DEPTH - 1, depth);

        Object q = reader("'".repeat(DEPTH) + "x").read();
        depth = 0;
        while (q instanceof Pair p) {
            q = ((Pair) p.cdr).car;
            depth++;
        }
        assertEquals(DEPTH, depth);
        assertSame(Symbol.of("x"), q);
    }

    @Test
    void unclosedDeepListReportsTheInnermostBracket() {
        SchemeError e = Assertions.assertThrows(SchemeError.class, () -> reader("(".repeat(DEPTH)).read());
        assertEquals("\"deep.scm\"@1." + DEPTH + " -- Incomplete form, EOF reached", e.where + " -- " + e.getMessage());
    }
}
