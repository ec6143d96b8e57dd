package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.Nil;
import safepoint.vm.data.OutputPort;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/** print and println splice lists and vectors, as gsi 4.9.3 does. */
class PrintAllTest extends PrimTest {
    @Test
    void printSplicesListsAndVectorsAndDisplaysTheRest() {
        // gsi: (print (list 1 (list 2 "x") '(a . b)) (vector 4 5) #\c 1.5 'sym) shows 12xab45c1.5sym
        Object r = call("print", list(1L, list(2L, s("x")), cons(Symbol.of("a"), Symbol.of("b"))),
                new SVector(new Object[] {4L, 5L}), ch('c'), 1.5, Symbol.of("sym"));
        assertSame(Special.VOID, r);
        call("print", Nil.NIL);
        assertEquals("12xab45c1.5sym", c.out.contents());
    }

    @Test
    void printlnEndsTheLineAndTakesAPortKeyword() {
        OutputPort p = (OutputPort) call("open-output-string");
        call("print", Keyword.of("port"), p, 1L, s("a"), list(ch('b'), s("c")));
        call("println", Keyword.of("port"), p, 2L);
        assertEq(s("1abc2\n"), call("get-output-string", p));
        call("println");
        call("println", 1L, 2L);
        assertEquals("\n12\n", c.out.contents());
    }
}
